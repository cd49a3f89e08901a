package io.signet.authenticator;

import io.signet.authenticator.BatchEnrollResponse.Failure;
import io.signet.authenticator.BatchEnrollResponse.ItemResult;
import io.signet.authenticator.Placement.Created;
import io.signet.authenticator.Placement.CredentialTaken;
import io.signet.authenticator.Placement.Existing;
import io.signet.authenticator.Placements.Request;
import io.signet.crypto.SecretHasher;
import io.signet.error.ErrorCode;
import io.signet.error.SignetException;
import io.signet.store.Database;
import io.signet.store.Jdbc;
import io.signet.tenant.TenantSettings;
import io.signet.user.User;
import io.signet.user.UserService;
import io.signet.wire.IdField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One batch enrollment (docs/server-api.md §7.2.3 "Batch enroll"): up to {@value #MAX_ITEMS} items, each validated and
 * applied on its own, so one bad item fails alone and re-sending the same batch succeeds as a no-op. Valid
 * items are written {@value #CHUNK} to a transaction: far fewer commits than one per item, while a chunk
 * stays short enough not to hold the SQLite writer for long. Batch enrollment issues no recovery codes:
 * it is for migrations, and its answer has no place for them.
 */
final class BatchEnrollment {
    static final int MAX_ITEMS = 1000;
    static final int CHUNK = 100;

    private final Database db;
    private final UserService users;
    private final Placements placements;
    private final SecretHasher hasher;

    BatchEnrollment(Database db, UserService users, Placements placements, SecretHasher hasher) {
        this.db = db;
        this.users = users;
        this.placements = placements;
        this.hasher = hasher;
    }

    /**
     * One item of a batch as the edge read it: its user id and enrollment, or why it could not be read.
     * {@code credentialId} is the raw text the failure report quotes, whatever else the item held.
     */
    record Item(String userId, String credentialId, NewAuthenticator authenticator, Rejection rejected) {
    }

    /** Why an item failed, as its result reports it. */
    record Rejection(ErrorCode code, String description) {
    }

    /** An item that passed validation, waiting for its chunk. */
    private record Valid(int index, String userId, NewAuthenticator authenticator, String matchKey) {
    }

    /**
     * Reads the {@code authenticators} array at the edge: at most {@value #MAX_ITEMS} items, each read on its
     * own with {@link EnrollmentRequests#read}, so a bad item becomes a rejected {@link Item}, not a 400.
     */
    static List<Item> read(JsonNode items) {
        if (items.size() > MAX_ITEMS) {
            throw SignetException.invalid("'authenticators' has " + items.size() + " items; at most " + MAX_ITEMS
                    + " are allowed per request. Split it into several requests.");
        }
        List<Item> out = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            String userId = textOf(item, "userId");
            String credentialId = textOf(item, "credentialId");
            try {
                String checked = IdField.check("userId", new Fields(item).required("userId", 255, "on every item"));
                out.add(new Item(checked, credentialId, EnrollmentRequests.read(item), null));
            } catch (SignetException e) {
                out.add(new Item(userId, credentialId, null, new Rejection(e.code(), e.description())));
            }
        }
        return out;
    }

    BatchEnrollResponse run(String tenantId, List<Item> items, TenantSettings settings) {
        ItemResult[] results = new ItemResult[items.size()];
        List<Valid> valid = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            try {
                if (item.rejected() != null) {
                    results[i] = failed(i, item.userId(), item.rejected().code(), item.rejected().description());
                    continue;
                }
                NewAuthenticator n = EnrollmentRequests.applyTenantRules(item.authenticator(), settings);
                valid.add(new Valid(i, item.userId(), n, n.matchKey(hasher)));
            } catch (SignetException e) {
                results[i] = failed(i, item.userId(), e.code(), e.description());
            }
        }
        for (int from = 0; from < valid.size(); from += CHUNK) {
            List<Valid> chunk = valid.subList(from, Math.min(valid.size(), from + CHUNK));
            // the chunk's results are returned, not collected on the side: a retried transaction reruns this
            for (ItemResult r : db.write(jdbc -> apply(jdbc, tenantId, chunk))) {
                results[r.index()] = r;
            }
        }
        List<Failure> failures = new ArrayList<>();
        for (ItemResult r : results) {
            if (!r.success()) {
                failures.add(new Failure(r.userId(), items.get(r.index()).credentialId(), r.errorCode(),
                        r.errorDescription()));
            }
        }
        return BatchEnrollResponse.of(List.of(results), failures);
    }

    /** One chunk in one transaction, with a handful of statements rather than several per item. */
    private List<ItemResult> apply(Jdbc jdbc, String tenantId, List<Valid> chunk) {
        Set<String> userIds = new LinkedHashSet<>();
        chunk.forEach(v -> userIds.add(v.userId()));
        users.ensureUsers(jdbc, tenantId, userIds);
        for (Valid v : chunk) { // in item order, so the last isDefault of a user wins, as one by one
            if (v.authenticator().isDefault()) {
                users.ensureUser(jdbc, tenantId, v.userId(), AuthenticatorService.changesFor(v.authenticator()));
            }
        }
        Map<String, User> byId = users.findAll(jdbc, tenantId, userIds);
        List<Placement> placed = placements.place(jdbc, tenantId,
                chunk.stream().map(v -> new Request(v.userId(), v.authenticator(), v.matchKey())).toList());
        List<ItemResult> out = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            Valid v = chunk.get(i);
            User user = byId.get(v.userId());
            out.add(switch (placed.get(i)) {
                case Created c -> succeeded(v, UserAuthenticator.of(c.authenticator(), user));
                case Existing e -> succeeded(v, UserAuthenticator.of(e.authenticator(), user));
                case CredentialTaken t -> failed(v.index(), v.userId(), ErrorCode.CONFLICT, CredentialTaken.DESCRIPTION);
            });
        }
        return out;
    }

    private static ItemResult succeeded(Valid v, UserAuthenticator a) {
        return new ItemResult(v.index(), v.userId(), true, a, null, null, EnrollmentRequests.warning(v.authenticator()));
    }

    private static ItemResult failed(int index, String userId, ErrorCode code, String description) {
        return new ItemResult(index, userId, false, null, code.code(), description, null);
    }

    /** A field of a raw item for the failure report, when it is a string; the item may be anything. */
    private static String textOf(JsonNode item, String field) {
        JsonNode v = item == null ? null : item.get(field);
        return v != null && v.isString() ? v.asString() : null;
    }
}
