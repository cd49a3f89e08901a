package io.signet.session;

/** The answer of createSession and refreshSession (authsignal-api.md §7.6). */
record TokenPair(String accessToken, String refreshToken) {
}
