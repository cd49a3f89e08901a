package io.signet.challenge;

/** The JSON body .NET and Java send with getChallenge, beside the same fields in the query (§7.5.4). */
record GetChallengeRequest(String challengeId, String userId, String action, String verificationMethod) {
}
