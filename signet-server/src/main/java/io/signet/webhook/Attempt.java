package io.signet.webhook;

/** One attempt of a delivery, as the admin API lists it; {@code latencyMs} is the request's wall time. */
record Attempt(int attempt, String attemptedAt, boolean succeeded, Integer statusCode, long latencyMs, String error) {
}
