package io.signet.webhook;

/** A due delivery one node leased: what to send where; {@code attempts} made so far; the event's type. */
record Claim(String tenantId, String deliveryId, String endpointId, int attempts, String url, String payload,
             String type) {
}
