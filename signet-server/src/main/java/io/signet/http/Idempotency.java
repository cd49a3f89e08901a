package io.signet.http;

import io.javalin.http.Context;
import io.signet.crypto.Encryptor;
import io.signet.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Callable;

/**
 * {@code Idempotency-Key} on mutating endpoints: the first request with a key runs and its response
 * (success or error) is recorded; a retry with the same key and the same request replays that response
 * byte for byte and changes nothing; the same key with a different request is a 409. Keys are scoped to
 * the tenant and expire after 24 hours.
 *
 * <p>The key is claimed in its own transaction before the work runs, so two concurrent requests with one
 * key cannot both run (the second gets a 409 "in progress"). A claim whose request died without an answer
 * (the process crashed) is taken over after {@link #ABANDONED_AFTER}.
 *
 * <p>Recorded answers carry secrets (recovery codes, refresh, access and action tokens), so they are stored
 * sealed with the data key, bound to their tenant and key; a record written in plaintext by an older
 * version is still replayed until it expires.
 */
public final class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    static final Duration TTL = Duration.ofHours(24);
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final Database db;
    private final Encryptor encryptor;
    private final Clock clock;

    public Idempotency(Database db, Encryptor encryptor, Clock clock) {
        this.db = db;
        this.encryptor = encryptor;
        this.clock = clock;
    }

    private sealed interface Claim {
    }

    private record Claimed() implements Claim {
    }

    private record Replay(int status, String body) implements Claim {
    }

    private record Mismatch() implements Claim {
    }

    private record InProgress() implements Claim {
    }

    void handle(Context ctx, Callable<String> work) throws Exception {
        String key = ctx.header(HEADER);
        if (key == null) {
            Router.respond(ctx, 200, work.call());
            return;
        }
        Requests.checkId(HEADER, key);
        String tenantId = Requests.tenantId(ctx);
        String requestHash = fingerprint(ctx);
        switch (claim(tenantId, key, requestHash)) {
            case Replay r -> Router.respond(ctx, r.status(), r.body());
            case Mismatch m -> throw SignetException.conflict(
                    "This Idempotency-Key was already used for a different request. Use a new key for a new request.");
            case InProgress p -> throw SignetException.conflict(
                    "A request with this Idempotency-Key is still being processed. Retry in a moment.");
            case Claimed c -> runClaimed(ctx, work, tenantId, key);
        }
    }

    private void runClaimed(Context ctx, Callable<String> work, String tenantId, String key) throws Exception {
        String body;
        try {
            body = work.call();
        } catch (SignetException e) {
            if (e.retryAfterSeconds() > 0) {
                release(tenantId, key); // "try again later" must not be replayed to the retry it asks for
            } else {
                record(tenantId, key, e.code().status(), Json.write(ErrorBody.of(e.code(), e.description())));
            }
            throw e;
        } catch (Exception | Error e) {
            release(tenantId, key); // unexpected failure: let a retry run the request again
            throw e;
        }
        record(tenantId, key, 200, body);
        Router.respond(ctx, 200, body);
    }

    private Claim claim(String tenantId, String key, String requestHash) {
        long now = clock.millis();
        return db.write(jdbc -> {
            int inserted = jdbc.update("""
                    INSERT INTO idempotency_records (tenant_id, idempotency_key, request_hash, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (tenant_id, idempotency_key) DO NOTHING""",
                    tenantId, key, requestHash, now, now + TTL.toMillis());
            if (inserted == 1) {
                return new Claimed();
            }
            int retaken = jdbc.update("""
                    UPDATE idempotency_records
                       SET request_hash = ?, status_code = NULL, response_body = NULL, created_at = ?, expires_at = ?
                     WHERE tenant_id = ? AND idempotency_key = ?
                       AND (expires_at < ? OR (status_code IS NULL AND created_at < ?))""",
                    requestHash, now, now + TTL.toMillis(), tenantId, key, now, now - ABANDONED_AFTER.toMillis());
            if (retaken == 1) {
                return new Claimed();
            }
            return jdbc.queryOne("""
                    SELECT request_hash, status_code, response_body FROM idempotency_records
                     WHERE tenant_id = ? AND idempotency_key = ?""",
                    row -> {
                        if (!row.string("request_hash").equals(requestHash)) {
                            return (Claim) new Mismatch();
                        }
                        Long status = row.nullableLong("status_code");
                        return status == null ? new InProgress()
                                : new Replay(status.intValue(), open(tenantId, key, row.string("response_body")));
                    },
                    tenantId, key).orElseGet(InProgress::new);
        });
    }

    private void record(String tenantId, String key, int status, String body) {
        db.write(jdbc -> jdbc.update("""
                UPDATE idempotency_records SET status_code = ?, response_body = ?
                 WHERE tenant_id = ? AND idempotency_key = ?""", status,
                encryptor.encrypt(body, associatedData(tenantId, key)), tenantId, key));
    }

    private String open(String tenantId, String key, String stored) {
        return Encryptor.isSealed(stored) ? encryptor.decrypt(stored, associatedData(tenantId, key)) : stored;
    }

    /** Binds a sealed answer to its record: copied to another tenant's or key's row it does not open. */
    private static String associatedData(String tenantId, String key) {
        return "idempotency:" + tenantId + ":" + key;
    }

    private void release(String tenantId, String key) {
        db.write(jdbc -> jdbc.update(
                "DELETE FROM idempotency_records WHERE tenant_id = ? AND idempotency_key = ? AND status_code IS NULL",
                tenantId, key));
    }

    /** Deletes expired records; run periodically. */
    public int purgeExpired() {
        long now = clock.millis();
        return db.write(jdbc -> jdbc.update("DELETE FROM idempotency_records WHERE expires_at < ?", now));
    }

    /** Method, path, query and body: a retry must be the same request, not just reuse the key. */
    private static String fingerprint(Context ctx) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ctx.method().name().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) ' ');
            sha.update(ctx.path().getBytes(StandardCharsets.UTF_8));
            String query = ctx.queryString(); // options such as ?allowLockout=true make another request
            if (query != null) {
                sha.update((byte) '?');
                sha.update(query.getBytes(StandardCharsets.UTF_8));
            }
            sha.update((byte) '\n');
            sha.update(ctx.bodyAsBytes());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
