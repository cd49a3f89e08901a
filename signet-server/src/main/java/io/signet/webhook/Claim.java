package io.signet.webhook;

/** A due delivery one node leased: what to send where; {@code attempts} made so far. */
record Claim(String tenantId, String deliveryId, String endpointId, int attempts, String url, String payload) {
}
