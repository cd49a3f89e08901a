package io.signet.webhook;

import io.signet.wire.WireTime;

/**
 * How an endpoint is doing: attempts and success rate over the last {@code windowHours}, the last success and
 * failure ever, deliveries still pending, and deliveries that failed for good and were not redelivered.
 */
record EndpointHealth(String endpointId, int windowHours, long attempts, Double successRate, String lastSuccessAt,
                      String lastFailureAt, long pending, long failed) {
    /** Health from stored figures: last success and failure in epoch milliseconds (null: none), shown as wire times. */
    static EndpointHealth of(String endpointId, int windowHours, long attempts, Double successRate, Long lastSuccess,
                             Long lastFailure, long pending, long failed) {
        return new EndpointHealth(endpointId, windowHours, attempts, successRate, WireTime.isoOrNull(lastSuccess),
                WireTime.isoOrNull(lastFailure), pending, failed);
    }
}
