package io.signet.session;

/** The answer of createSession and refreshSession (docs/server-api.md §7.6 "Sessions"). */
record TokenPair(String accessToken, String refreshToken) {
}
