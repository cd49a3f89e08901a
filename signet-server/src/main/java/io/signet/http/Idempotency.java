package io.signet.http;

import io.javalin.http.Context;
import io.signet.crypto.Sha256;
import io.signet.error.SignetException;
import io.signet.idempotency.IdempotencyStore;
import io.signet.idempotency.IdempotencyStore.Answer;
import io.signet.idempotency.IdempotencyStore.Claimed;
import io.signet.idempotency.IdempotencyStore.InProgress;
import io.signet.idempotency.IdempotencyStore.Mismatch;
import io.signet.idempotency.IdempotencyStore.Replay;
import io.signet.wire.IdField;
import io.signet.wire.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
 * key cannot both run (the second gets a 409 "in progress"). The answer is recorded in the same transaction
 * as the work, so a crash leaves either both (a retry replays) or neither (a retry runs the work once). A
 * claim whose request died without an answer (the process crashed) is taken over after
 * {@link #ABANDONED_AFTER}.
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

    /**
     * Runs a claimed request so that its answer commits with its work (see {@link IdempotencyStore#runAndRecord}).
     * A refusal is recorded as the error body the caller gets and then thrown, to be rendered as always.
     */
    private void runClaimed(Context ctx, Callable<String> work, String tenantId, String key) throws Exception {
        Refusal refusal = new Refusal();
        Answer answer;
        try {
            answer = store.runAndRecord(tenantId, key, () -> {
                refusal.exception = null; // the request may run again when its transaction is retried
                try {
                    return new Answer(200, work.call(), true);
                } catch (SignetException e) {
                    refusal.exception = e;
                    return new Answer(e.code().status(), Json.write(ErrorBody.of(e.code(), e.description())),
                            e.retryAfterSeconds() == 0);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CheckedFailure(e);
                }
            });
        } catch (CheckedFailure e) {
            throw e.checked;
        }
        if (refusal.exception != null) {
            throw refusal.exception;
        }
        Router.respond(ctx, answer.status(), answer.body());
    }

    /** The refusal of the request's last run, thrown once its answer committed. */
    private static final class Refusal {
        private SignetException exception;
    }

    /** Carries a checked exception of the endpoint through the transaction, to be rethrown as it was. */
    private static final class CheckedFailure extends RuntimeException {
        private final Exception checked;

        CheckedFailure(Exception checked) {
            super(checked.getMessage(), checked, false, false);
            this.checked = checked;
        }
    }

    /** Deletes expired records; run periodically. */
    public int purgeExpired() {
        return store.purgeExpired(clock.millis());
    }

    /** Method, path, query and body: a retry must be the same request, not just reuse the key. */
    private static String fingerprint(Context ctx) {
        MessageDigest sha = Sha256.start();
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
    }
}
