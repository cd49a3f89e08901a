package io.signet.imports;

import io.signet.crypto.Encryptor;
import io.signet.crypto.SecretHasher;
import io.signet.export.UserExporter;
import io.signet.imports.ImportTables.Holder;
import io.signet.imports.ImportTables.Owned;
import io.signet.imports.LineResult.Outcome;
import io.signet.imports.UserLine.Factor;
import io.signet.store.Database;
import io.signet.store.DatabaseUnavailableException;
import io.signet.store.Jdbc;
import io.signet.store.StoreException;
import io.signet.tenant.TenantSettings;
import io.signet.wire.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The importer: users in the export schema (docs/export-format.md) written to one tenant, a batch at a time.
 * The CLI's local import and the admin endpoint behind a remote one both run this, so validation and
 * writing exist once. Each line is read and checked on its own, so a bad line is rejected alone; the good
 * lines of a batch are decided and written in one transaction. Should that transaction fail on a conflict
 * (a concurrent writer took an id), each of its users is retried in a transaction of its own, so the failure
 * stays with the user it belongs to. Rows keep the line's ids and times, so importing the same file twice
 * changes nothing the second time. Thread-safe: holds no mutable state.
 */
public final class UserImporter {
    /** The most lines one call takes (the admin endpoint's limit too): a batch is one transaction. */
    public static final int MAX_BATCH = 500;
    /**
     * Stored users are read back under the most permissive settings: a factor enrolled while the tenant still
     * allowed weak TOTP secrets is still the same factor when compared with a line.
     */
    private static final TenantSettings AS_STORED = new TenantSettings(false, true, false, true, null, null, null, true);

    private final Database db;
    private final SecretHasher hasher;
    private final Function<String, TenantSettings> settings;
    private final UserExporter stored;
    private final ImportTables tables;
    private final Clock clock;
    /** Users written by this importer, and how many more it takes until the next {@link ImportTables#analyze}. */
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong analyzeAt = new AtomicLong(FIRST_ANALYZE);
    private static final long FIRST_ANALYZE = 2000;

    public UserImporter(Database db, Encryptor encryptor, SecretHasher hasher, Function<String, TenantSettings> settings,
                        Clock clock) {
        this.db = db;
        this.hasher = hasher;
        this.settings = settings;
        this.stored = new UserExporter(db, encryptor, hasher, true);
        this.tables = new ImportTables(encryptor);
        this.clock = clock;
    }

    /** A line read and checked, with its place in the batch. */
    private record Parsed(int index, long number, UserLine user) {
    }

    /** Imports (or with {@code dryRun} only judges) up to {@value #MAX_BATCH} lines; one result per line, in order. */
    public List<LineResult> importBatch(String tenantId, List<ImportLine> lines, ImportOptions options) {
        if (lines.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " lines per batch");
        }
        UserLines reader = new UserLines(settings.apply(tenantId), hasher, options.skipRecoveryCodes());
        LineResult[] results = new LineResult[lines.size()];
        // Checking a line (COSE keys, addresses, HMACs) is pure CPU and most of an import's time: spread over cores.
        UserLine[] read = new UserLine[lines.size()];
        IntStream.range(0, lines.size()).parallel().forEach(i -> {
            ImportLine line = lines.get(i);
            if (line.unreadable() != null) {
                results[i] = LineResult.rejected(line.number(), null, "", line.unreadable());
                return;
            }
            try {
                read[i] = reader.read(line.user());
            } catch (Rejection r) {
                results[i] = LineResult.rejected(line.number(), line.userIdOrNull(), r.field(), r.reason());
            } catch (RuntimeException e) { // a check that failed on input nobody foresaw: still this line's fault only
                results[i] = LineResult.rejected(line.number(), line.userIdOrNull(), "",
                        "cannot be read (" + e.getClass().getSimpleName() + "); compare it with docs/export-schema.json");
            }
        });
        List<Parsed> group = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            ImportLine line = lines.get(i);
            UserLine user = read[i];
            if (user == null) {
                continue;
            }
            // A line that names what an earlier line of the group names must see that line's writes: new group.
            if (!claim(claimed, user)) {
                run(tenantId, group, options, results);
                group.clear();
                claimed.clear();
                claim(claimed, user);
            }
            group.add(new Parsed(i, line.number(), user));
        }
        run(tenantId, group, options, results);
        return List.of(results);
    }

    private static boolean claim(Set<String> claimed, UserLine user) {
        List<String> keys = new ArrayList<>(List.of("u:" + user.userId()));
        for (Factor f : user.authenticators()) {
            keys.add("a:" + f.authenticatorId());
            keys.add("m:" + user.userId() + ":" + f.method() + ":" + f.matchKey());
            if (f.passkey() != null) {
                keys.add("c:" + f.passkey().credentialId());
            }
        }
        if (keys.stream().anyMatch(claimed::contains)) {
            return false;
        }
        claimed.addAll(keys);
        return true;
    }

    private void run(String tenantId, List<Parsed> group, ImportOptions options, LineResult[] results) {
        if (group.isEmpty()) {
            return;
        }
        List<Decision> decided;
        if (options.dryRun()) {
            decided = db.read(jdbc -> decide(jdbc, tenantId, group, options));
        } else {
            try {
                decided = db.write(jdbc -> write(jdbc, tenantId, decide(jdbc, tenantId, group, options)));
                keepStatisticsFresh(group.size());
            } catch (DatabaseUnavailableException e) {
                throw e; // not any line's fault: the import stops, and resumes from its last checkpoint
            } catch (StoreException e) {
                decided = new ArrayList<>();
                for (Parsed p : group) {
                    decided.add(alone(tenantId, p, options));
                }
            }
        }
        for (Decision d : decided) {
            results[d.parsed().index()] = d.result();
        }
    }

    /** Statistics refreshed each time the users written double (2,000, 4,000, ...): about 10 times for a million. */
    private void keepStatisticsFresh(int users) {
        long now = written.addAndGet(users);
        long at = analyzeAt.get();
        if (now >= at && analyzeAt.compareAndSet(at, now * 2)) {
            db.write(jdbc -> {
                tables.analyze(jdbc);
                return null;
            });
        }
    }

    /** One user in a transaction of its own, after its batch failed; a conflict now is this user's. */
    private Decision alone(String tenantId, Parsed p, ImportOptions options) {
        try {
            return db.write(jdbc -> write(jdbc, tenantId, decide(jdbc, tenantId, List.of(p), options))).getFirst();
        } catch (DatabaseUnavailableException e) {
            throw e;
        } catch (StoreException e) {
            return Decision.rejected(p, "", "could not be written: it conflicts with a change made while the import "
                    + "ran (" + e.getMessage() + "); run the import again");
        }
    }

    /** What to do with each user of a group, judged against the rows the transaction sees. */
    private List<Decision> decide(Jdbc jdbc, String tenantId, List<Parsed> group, ImportOptions options) {
        Set<String> userIds = new LinkedHashSet<>();
        Set<String> factorIds = new LinkedHashSet<>();
        Set<String> credentialIds = new LinkedHashSet<>();
        for (Parsed p : group) {
            userIds.add(p.user().userId());
            for (Factor f : p.user().authenticators()) {
                factorIds.add(f.authenticatorId());
                if (f.passkey() != null) {
                    credentialIds.add(f.passkey().credentialId());
                }
            }
        }
        Map<String, Map<String, Object>> current = stored.lines(jdbc, tenantId, userIds);
        Holders holders = new Holders(tables.holders(jdbc, tenantId, userIds, factorIds, credentialIds));
        UserLines asStored = new UserLines(AS_STORED, hasher, options.skipRecoveryCodes());
        return group.parallelStream().map(p -> {
            Map<String, Object> row = current.get(p.user().userId());
            return Decision.of(p, row != null, row == null ? null : readStored(asStored, row), holders);
        }).toList();
    }

    /** A stored user as a line, or null when it no longer passes the checks (then everything counts as changed). */
    private static UserLine readStored(UserLines reader, Map<String, Object> row) {
        try {
            return reader.read(Json.MAPPER.valueToTree(row));
        } catch (Rejection r) {
            return null;
        }
    }

    private List<Decision> write(Jdbc jdbc, String tenantId, List<Decision> decisions) {
        List<UserLine> users = new ArrayList<>();
        List<Owned> inserts = new ArrayList<>();
        List<Owned> updates = new ArrayList<>();
        List<UserLine> codes = new ArrayList<>();
        for (Decision d : decisions) {
            UserLine u = d.parsed().user();
            if (d.writeUser()) {
                users.add(u);
            }
            d.inserts().forEach(f -> inserts.add(new Owned(u.userId(), f)));
            d.updates().forEach(f -> updates.add(new Owned(u.userId(), f)));
            if (d.writeCodes()) {
                codes.add(u);
            }
        }
        tables.upsertUsers(jdbc, tenantId, users);
        tables.updateFactors(jdbc, tenantId, updates);
        tables.insertFactors(jdbc, tenantId, inserts);
        if (!codes.isEmpty()) {
            tables.replaceCodes(jdbc, tenantId, codes, clock.millis());
        }
        return decisions;
    }

    /** The rows in a group's way, indexed by what can collide: same id, same credential, same user. */
    private record Holders(Map<String, List<Holder>> byId, Map<String, List<Holder>> byCredential,
                           Map<String, List<Holder>> byUser) {
        Holders(List<Holder> all) {
            this(index(all, Holder::authenticatorId), index(all, Holder::credentialId), index(all, Holder::userId));
        }

        private static Map<String, List<Holder>> index(List<Holder> all, Function<Holder, String> key) {
            Map<String, List<Holder>> index = new HashMap<>();
            all.stream().filter(h -> key.apply(h) != null)
                    .forEach(h -> index.computeIfAbsent(key.apply(h), k -> new ArrayList<>()).add(h));
            return index;
        }

        /** The rows that may stand in the way of factor {@code f} of user {@code userId}. */
        List<Holder> near(String userId, Factor f) {
            List<Holder> near = new ArrayList<>(byId.getOrDefault(f.authenticatorId(), List.of()));
            if (f.passkey() != null) {
                near.addAll(byCredential.getOrDefault(f.passkey().credentialId(), List.of()));
            }
            near.addAll(byUser.getOrDefault(userId, List.of()));
            return near;
        }
    }

    /** The verdict on one line and the writes it needs. */
    private record Decision(Parsed parsed, LineResult result, boolean writeUser, List<Factor> inserts,
                            List<Factor> updates, boolean writeCodes) {

        static Decision rejected(Parsed p, String field, String reason) {
            return new Decision(p, LineResult.rejected(p.number(), p.user().userId(), field, reason), false,
                    List.of(), List.of(), false);
        }

        /** Compares the line with the stored user ({@code stored} null: unreadable) and the rows in its way. */
        static Decision of(Parsed p, boolean exists, UserLine stored, Holders holders) {
            UserLine line = p.user();
            List<Factor> inserts = new ArrayList<>();
            List<Factor> updates = new ArrayList<>();
            for (int i = 0; i < line.authenticators().size(); i++) {
                Factor f = line.authenticators().get(i);
                String at = "authenticators[" + i + "]";
                for (Holder h : holders.near(line.userId(), f)) {
                    String problem = conflict(line.userId(), f, h);
                    if (problem != null) {
                        return rejected(p, at + (problem.startsWith("passkey") ? ".passkey.credentialId"
                                : problem.startsWith("id") ? ".authenticatorId" : ""), problem);
                    }
                }
                boolean held = holders.near(line.userId(), f).stream()
                        .anyMatch(h -> h.authenticatorId().equals(f.authenticatorId()));
                if (!held) {
                    inserts.add(f);
                } else if (stored == null || !stored.authenticators().contains(f)) {
                    updates.add(f);
                }
            }
            boolean writeUser = stored == null || !stored.attributes().equals(line.attributes())
                    || stored.createdAt() != line.createdAt() || stored.updatedAt() != line.updatedAt();
            boolean writeCodes = line.codes() != null && (stored == null || !Objects.equals(stored.codes(), line.codes()));
            Outcome outcome = !exists ? Outcome.CREATED
                    : writeUser || writeCodes || !inserts.isEmpty() || !updates.isEmpty() ? Outcome.UPDATED
                    : Outcome.UNCHANGED;
            return new Decision(p, LineResult.of(p.number(), line.userId(), outcome), writeUser, inserts, updates,
                    writeCodes);
        }

        /** Why the row {@code h} stands in the way of factor {@code f} of user {@code userId}, or null. */
        private static String conflict(String userId, Factor f, Holder h) {
            boolean same = h.authenticatorId().equals(f.authenticatorId());
            if (same && !h.userId().equals(userId)) {
                return "id " + f.authenticatorId() + " is the id of an authenticator of another user (" + h.userId() + ")";
            }
            if (same && !h.method().equals(f.method().name())) {
                return "id " + f.authenticatorId() + " is this user's " + h.method() + " authenticator, not a "
                        + f.method();
            }
            if (same) {
                return null;
            }
            if (f.passkey() != null && f.passkey().credentialId().equals(h.credentialId())) {
                return h.userId().equals(userId)
                        ? "passkey credential id is this user's already, as authenticator " + h.authenticatorId()
                        : "passkey credential id belongs to another user (" + h.userId() + ")";
            }
            if (h.userId().equals(userId) && h.method().equals(f.method().name()) && h.matchKey().equals(f.matchKey())) {
                return "the user already has this " + f.method() + " authenticator, as " + h.authenticatorId();
            }
            return null;
        }
    }
}
