package io.signet.authenticator;

/**
 * What storing one enrollment did. A result rather than an exception for the conflict, so a batch can
 * record it and carry on in the same transaction.
 */
sealed interface Placement {
    /** A new authenticator was stored; {@code first} when the user had none before it. */
    record Created(StoredAuthenticator authenticator, boolean first) implements Placement {
    }

    /** The same authenticator was already enrolled; nothing was written. */
    record Existing(StoredAuthenticator authenticator) implements Placement {
    }

    /** The passkey credential belongs to another user of the tenant; nothing was written. */
    record CredentialTaken() implements Placement {
        static final String DESCRIPTION = "This passkey credential is already enrolled for another user.";
    }
}
