package io.signet.action;

/** Body of validateChallenge (docs/server-api.md §7.4 "validateChallenge"). */
record ValidateRequest(String token, String userId, String action) {
}
