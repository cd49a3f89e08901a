package io.signet.action;

/** Body of validateChallenge (authsignal-api.md §7.4). */
record ValidateRequest(String token, String userId, String action) {
}
