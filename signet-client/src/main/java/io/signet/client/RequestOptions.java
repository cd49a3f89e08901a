package io.signet.client;

import java.util.Objects;

/**
 * Per-call options for the client's POST and PATCH methods. An idempotency key is sent as the
 * {@code Idempotency-Key} header: the server answers a repeat of the key with the first answer and
 * changes nothing, which is what makes it safe for the client to retry such a call.
 */
public final class RequestOptions {
    private static final RequestOptions NONE = new RequestOptions(null);

    private final String idempotencyKey;

    private RequestOptions(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    /**
     * No options: a POST or PATCH is sent once and never retried.
     *
     * @return the empty options
     */
    public static RequestOptions none() {
        return NONE;
    }

    /**
     * Options carrying an idempotency key, which also makes the call retryable.
     *
     * @param idempotencyKey a key unique to this logical operation, e.g. a UUID
     * @return the options
     */
    public static RequestOptions idempotencyKey(String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("idempotencyKey must not be blank");
        }
        return new RequestOptions(idempotencyKey);
    }

    /**
     * The idempotency key, if any.
     *
     * @return the key, or {@code null}
     */
    public String getIdempotencyKey() {
        return idempotencyKey;
    }
}
