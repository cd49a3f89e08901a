package io.signet.challenge;

import io.signet.user.VerificationMethod;

/** getChallenge filters (authsignal-api.md §7.5.4); each may be null. */
record ChallengeQuery(String challengeId, String userId, String action, VerificationMethod verificationMethod) {
}
