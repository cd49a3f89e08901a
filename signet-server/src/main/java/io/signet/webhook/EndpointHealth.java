package io.signet.webhook;

/**
 * How an endpoint is doing: attempts and success rate over the last {@code windowHours}, the last success and
 * failure ever, deliveries still pending, and deliveries that failed for good and were not redelivered.
 */
record EndpointHealth(String endpointId, int windowHours, long attempts, Double successRate, String lastSuccessAt,
                      String lastFailureAt, long pending, long failed) {
}
