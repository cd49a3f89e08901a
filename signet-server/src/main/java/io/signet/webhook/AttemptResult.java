package io.signet.webhook;

/**
 * The outcome of one HTTP request to an endpoint: succeeded on a 2xx reply. {@code error} says what went wrong
 * (status, timeout, refused address) and never carries the response body, the signature or a key.
 */
record AttemptResult(boolean succeeded, Integer statusCode, long latencyMillis, String error) {
}
