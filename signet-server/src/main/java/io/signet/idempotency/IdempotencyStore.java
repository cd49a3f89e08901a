package io.signet.idempotency;

import java.util.function.Supplier;

/**
 * The recorded answers of requests sent with an {@code Idempotency-Key}, per tenant and key. A key is claimed
 * before its request runs; the claim then either gets the request's answer or is released.
 */
public interface IdempotencyStore {
    /** What claiming a key found. */
    sealed interface Claim {
    }

    /** The key is this request's now: run it, then record or release. */
    record Claimed() implements Claim {
    }

    /** The same request ran before under this key: answer exactly this again. */
    record Replay(int status, String body) implements Claim {
    }

    /** The key was used for a different request. */
    record Mismatch() implements Claim {
    }

    /** The same key's request is still running (or died less than the takeover time ago). */
    record InProgress() implements Claim {
    }

    /**
     * Claims {@code key} for a request with fingerprint {@code requestHash}, in a transaction of its own so a
     * concurrent request with the same key sees the claim. An expired record, or a claim without an answer
     * older than {@code abandonedBefore}, is taken over.
     */
    Claim claim(String tenantId, String key, String requestHash, long now, long expiresAt, long abandonedBefore);

    /**
     * A request's answer. {@code replayable} false: the key is given back instead of recorded (a "try again
     * later" must not be replayed to the retry it asks for).
     */
    record Answer(int status, String body, boolean replayable) {
    }

    /**
     * Runs the request of a claimed key and records its answer (sealed: answers carry secrets) in ONE
     * transaction with every write the request makes, so a crash leaves both or neither: never work done
     * whose retry would run it again. When {@code request} throws, its writes are undone and the key is
     * given back, so a retry runs it again. {@code request} may run more than once (a retried transaction).
     */
    Answer runAndRecord(String tenantId, String key, Supplier<Answer> request);

    /** Deletes the records that expired before {@code now}; returns how many. */
    int purgeExpired(long now);
}
