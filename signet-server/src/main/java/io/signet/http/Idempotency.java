package io.signet.http;

import io.javalin.http.Context;
import io.signet.error.SignetException;
import io.signet.idempotency.IdempotencyStore;
import io.signet.idempotency.IdempotencyStore.Claimed;
import io.signet.idempotency.IdempotencyStore.InProgress;
import io.signet.idempotency.IdempotencyStore.Mismatch;
import io.signet.idempotency.IdempotencyStore.Replay;
import io.signet.wire.IdField;
import io.signet.wire.Json;
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
 * <p>Answers are kept by an {@link IdempotencyStore}, which seals them: they carry secrets.
 */
public final class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    static final Duration TTL = Duration.ofHours(24);
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final IdempotencyStore store;
    private final Clock clock;

    public Idempotency(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void handle(Context ctx, Callable<String> work) throws Exception {
        String key = ctx.header(HEADER);
        if (key == null) {
            Router.respond(ctx, 200, work.call());
            return;
        }
        IdField.check(HEADER, key);
        String tenantId = Requests.tenantId(ctx);
        String requestHash = fingerprint(ctx);
        long now = clock.millis();
        switch (store.claim(tenantId, key, requestHash, now, now + TTL.toMillis(), now - ABANDONED_AFTER.toMillis())) {
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
                store.release(tenantId, key); // "try again later" must not be replayed to the retry it asks for
            } else {
                store.record(tenantId, key, e.code().status(), Json.write(ErrorBody.of(e.code(), e.description())));
            }
            throw e;
        } catch (Exception | Error e) {
            store.release(tenantId, key); // unexpected failure: let a retry run the request again
            throw e;
        }
        store.record(tenantId, key, 200, body);
        Router.respond(ctx, 200, body);
    }

    /** Deletes expired records; run periodically. */
    public int purgeExpired() {
        return store.purgeExpired(clock.millis());
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
