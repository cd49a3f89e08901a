package io.signet.webhook;

import io.signet.wire.WireTime;

/** One attempt of a delivery, as the admin API lists it; {@code latencyMs} is the request's wall time. */
public record Attempt(int attempt, String attemptedAt, boolean succeeded, Integer statusCode, long latencyMs, String error) {
    /** An attempt as stored: its time in epoch milliseconds, shown as a wire time. */
    static Attempt stored(int attempt, long attemptedAt, boolean succeeded, Integer statusCode, long latencyMs,
                          String error) {
        return new Attempt(attempt, WireTime.iso(attemptedAt), succeeded, statusCode, latencyMs, error);
    }
}
