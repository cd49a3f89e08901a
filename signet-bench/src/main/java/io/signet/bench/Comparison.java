package io.signet.bench;

import io.signet.wire.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The previous run's results, kept beside the new ones as PREVIOUS.json, and the change per scenario
 * (matched by backend and scenario name) for the report. Ratios to each run's own baseline are what
 * compare across runs on a shared, noisy machine; raw req/s are shown too.
 */
final class Comparison {
    private final JsonNode previous;

    private Comparison(JsonNode previous) {
        this.previous = previous;
    }

    /** Moves the last LATEST.json aside as PREVIOUS.json (once, before this run writes) and reads it. */
    static Comparison keepPrevious(Path dir) throws IOException {
        Path latest = dir.resolve("LATEST.json");
        Path previous = dir.resolve("PREVIOUS.json");
        if (Files.exists(latest)) {
            Files.copy(latest, previous, StandardCopyOption.REPLACE_EXISTING);
        }
        return new Comparison(Files.exists(previous) ? Json.MAPPER.readTree(Files.readString(previous)) : null);
    }

    /** The markdown section, or "" when there is no previous run. */
    String markdown(List<Measurement> rows) {
        if (previous == null) {
            return "";
        }
        JsonNode env = previous.path("environment");
        StringBuilder md = new StringBuilder("\n## Change against the previous run\n\nPrevious: commit "
                + env.path("commit").asString() + ", " + env.path("date").asString() + ", " + env.path("mode").asString()
                + " (PREVIOUS.json). Δ of the ratio to each run's own baseline is the comparable figure.\n\n"
                + "| backend | scenario | × baseline before → now | Δ | req/s before → now | p99 ms before → now |\n"
                + "|---|---|---|---:|---|---|\n");
        for (Measurement m : rows) {
            JsonNode before = find(m.backend(), m.scenario());
            if (before == null || Double.isNaN(m.rps())) {
                continue;
            }
            double ratioBefore = number(before.path("ratioToBaseline"));
            double ratioNow = m.ratioToBaseline() == null ? Double.NaN : m.ratioToBaseline();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s → %s | %s | %s → %s | %s → %s |%n", m.backend(),
                    m.scenario(), num(ratioBefore, "%.2f"), num(ratioNow, "%.2f"), change(ratioBefore, ratioNow),
                    num(number(before.path("rps")), "%.0f"), num(m.rps(), "%.0f"),
                    num(number(before.path("p99Ms")), "%.2f"), num(m.p99Ms(), "%.2f")));
        }
        return md.toString();
    }

    private JsonNode find(String backend, String scenario) {
        for (JsonNode r : previous.path("results")) {
            if (r.path("backend").asString().equals(backend) && r.path("scenario").asString().equals(scenario)) {
                return r;
            }
        }
        return null;
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    private static String change(double before, double now) {
        return Double.isNaN(before) || Double.isNaN(now) || before == 0 ? ""
                : String.format(Locale.ROOT, "%+.0f%%", (now / before - 1) * 100);
    }

    private static String num(double v, String format) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, format, v);
    }
}
