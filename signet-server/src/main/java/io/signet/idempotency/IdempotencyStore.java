package io.signet.idempotency;

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

    /** Stores the answer of a claimed key (sealed: answers carry secrets). */
    void record(String tenantId, String key, int status, String body);

    /** Gives a claimed key without an answer back, so a retry runs the request again. */
    void release(String tenantId, String key);

    /** Deletes the records that expired before {@code now}; returns how many. */
    int purgeExpired(long now);
}
