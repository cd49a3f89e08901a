package io.signet.bootstrap;

import io.signet.config.ConfigException;
import io.signet.wire.Json;
import io.signet.error.SignetException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * SIGNET_BOOTSTRAP_FILE, applied at every start before the server answers (FusionAuth's Kickstart, made
 * idempotent): each tenant of the file is found by name or created, then each of its sections is brought to
 * what the file says. What exists and already matches is not written; what exists but is not in the file is
 * left alone (the file adds and changes, it never deletes). The whole file is checked before anything is
 * applied; a value the admin API would refuse stops the start with the item named.
 */
public final class Bootstrap {
    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    /** What applying did, counted over every item. */
    public record Report(int created, int updated, int unchanged) {
        Report plus(Report o) {
            return new Report(created + o.created, updated + o.updated, unchanged + o.unchanged);
        }
    }

    private final TenantDirectory tenants;
    private final List<Section> sections;

    public Bootstrap(TenantDirectory tenants, List<Section> sections) {
        this.tenants = tenants;
        this.sections = List.copyOf(sections);
    }

    /** Reads and applies {@code file}; a new tenant's secret key is printed once to {@code out}. */
    public Report apply(Path file, PrintStream out) {
        JsonNode root = read(file);
        check(file, root);
        Report report = new Report(0, 0, 0);
        int t = 0;
        for (JsonNode tenant : root.path("tenants")) {
            String where = "tenants[" + t++ + "] ('" + tenant.path("name").asString() + "')";
            report = report.plus(applyTenant(file, where, tenant, out));
        }
        log.info("bootstrap file {} applied: {} created, {} updated, {} unchanged", file, report.created(),
                report.updated(), report.unchanged());
        return report;
    }

    private Report applyTenant(Path file, String where, JsonNode t, PrintStream out) {
        String name = t.path("name").asString();
        Optional<String> found = tenants.tenantIdByName(name);
        Report report = new Report(found.isPresent() ? 0 : 1, 0, found.isPresent() ? 1 : 0);
        String tenantId = found.orElseGet(() -> {
            TenantDirectory.Created created = tenants.createNamed(name);
            out.println("Bootstrap created tenant '" + name + "' (" + created.tenantId()
                    + "). Its secret key is shown this once:");
            out.println();
            out.println("    " + created.secretKey());
            out.println();
            return created.tenantId();
        });
        for (Section s : sections) {
            JsonNode given = t.path(s.field());
            List<JsonNode> items = s.key() == null ? given.isMissingNode() ? List.of() : List.of(given)
                    : given.valueStream().toList();
            for (int i = 0; i < items.size(); i++) {
                String item = where + "." + s.field() + (s.key() == null ? "" : "[" + i + "]");
                try {
                    report = report.plus(applyItem(s, tenantId, items.get(i)));
                } catch (SignetException e) {
                    throw new ConfigException("SIGNET_BOOTSTRAP_FILE " + file + ": " + item + ": "
                            + e.description());
                }
            }
        }
        return report;
    }

    private static Report applyItem(Section s, String tenantId, JsonNode item) {
        List<JsonNode> existing = s.existing(tenantId);
        Optional<JsonNode> current = s.key() == null ? existing.stream().findFirst()
                : Section.find(existing, s.key(), item.path(s.key()));
        if (current.isEmpty()) {
            s.create(tenantId, item);
            return new Report(1, 0, 0);
        }
        if (matches(current.get(), item)) {
            return new Report(0, 0, 1);
        }
        s.update(tenantId, current.get(), item);
        return new Report(0, 1, 0);
    }

    /**
     * Every field the file gives has that value already (a null in the file means "leave as it is"). Numbers
     * compare by value: the file's 900 is an int, the stored lifetime a long.
     */
    private static boolean matches(JsonNode current, JsonNode wanted) {
        return wanted.properties().stream().allMatch(e -> e.getValue().isNull()
                || e.getValue().equals(SAME_VALUE, current.path(e.getKey())));
    }

    private static final java.util.Comparator<JsonNode> SAME_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    private static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException("SIGNET_BOOTSTRAP_FILE " + file + " cannot be read: " + e.getMessage());
        } catch (JacksonException e) {
            throw new ConfigException("SIGNET_BOOTSTRAP_FILE " + file + " is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")");
        }
    }

    /** The shape of the whole file, before anything is applied: known fields only, names and keys present. */
    private void check(Path file, JsonNode root) {
        List<String> problems = new ArrayList<>();
        fields(root, "the file", Set.of("tenants"), problems);
        if (!root.path("tenants").isArray()) {
            problems.add("'tenants' must be an array of tenant objects");
        }
        Set<String> tenantFields = new java.util.HashSet<>(Set.of("name"));
        sections.forEach(s -> tenantFields.add(s.field()));
        int t = 0;
        for (JsonNode tenant : root.path("tenants")) {
            String where = "tenants[" + t++ + "]";
            if (!fields(tenant, where, tenantFields, problems)) {
                continue;
            }
            if (tenant.path("name").asString("").isBlank()) {
                problems.add(where + ".name is required");
            }
            for (Section s : sections) {
                checkSection(s, tenant.path(s.field()), where + "." + s.field(), problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("SIGNET_BOOTSTRAP_FILE " + file + " is invalid: " + String.join("; ", problems));
        }
    }

    private static void checkSection(Section s, JsonNode given, String where, List<String> problems) {
        if (given.isMissingNode()) {
            return;
        }
        Set<String> allowed = Set.copyOf(s.fieldNames());
        if (s.key() == null) {
            fields(given, where, allowed, problems);
            return;
        }
        if (!given.isArray()) {
            problems.add(where + " must be an array");
            return;
        }
        Set<JsonNode> keys = new java.util.HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            JsonNode item = given.get(i);
            if (fields(item, where + "[" + i + "]", allowed, problems)) {
                if (!item.path(s.key()).isString() || item.path(s.key()).asString().isBlank()) {
                    problems.add(where + "[" + i + "]." + s.key() + " is required");
                } else if (!keys.add(item.path(s.key()))) {
                    problems.add(where + "[" + i + "]." + s.key() + " '" + item.path(s.key()).asString()
                            + "' appears twice");
                }
            }
        }
    }

    /** False, with a problem noted, when {@code node} is not an object or has a field not in {@code allowed}. */
    private static boolean fields(JsonNode node, String where, Set<String> allowed, List<String> problems) {
        if (!node.isObject()) {
            problems.add(where + " must be an object");
            return false;
        }
        node.propertyNames().stream().filter(n -> !allowed.contains(n)).sorted().forEach(n -> problems.add(
                where + " has unknown field '" + n + "' (known: " + String.join(", ", new java.util.TreeSet<>(allowed))
                        + ")"));
        return true;
    }
}
