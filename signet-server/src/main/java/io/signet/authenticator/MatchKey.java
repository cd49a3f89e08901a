package io.signet.authenticator;

import io.signet.user.VerificationMethod;

/**
 * What makes two enrollments the same authenticator: user, method and {@link NewAuthenticator#matchKey}, as
 * the unique constraint on {@code authenticators} compares them.
 */
record MatchKey(String userId, VerificationMethod method, String value) {
}
