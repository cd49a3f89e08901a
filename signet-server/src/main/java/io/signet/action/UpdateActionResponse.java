package io.signet.action;

/** Response of updateAction (docs/server-api.md §7.3.3 "updateAction"): the new state, plus the action's identity as PHP's mock shows. */
record UpdateActionResponse(String state, String userId, String action, String idempotencyKey, String stateUpdatedAt) {
}
