package io.signet.imports.keycloak;

/**
 * One thing of a Keycloak export that the import leaves behind, and why: a user skipped whole (disabled, a
 * service account), a credential Signet cannot use (a password, an HOTP counter, recovery code hashes), or
 * an attribute it cannot hold. Never carries a secret: only ids, types and a reason a person can act on.
 *
 * @param line     the line of the export file where the user's object begins
 * @param userId   Keycloak's user id (Signet's userId after import), or null for a realm-level notice
 * @param username Keycloak's username, to find the user in Keycloak's console
 * @param what     what was left behind: {@code user}, {@code credential password}, {@code attribute phone_number}...
 * @param reason   why, and what to do about it
 */
public record NotCarried(long line, String userId, String username, String what, String reason) {
}
