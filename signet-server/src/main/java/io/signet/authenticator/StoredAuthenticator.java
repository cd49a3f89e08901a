package io.signet.authenticator;

import io.signet.user.VerificationMethod;
import java.util.List;

/**
 * One row of {@code authenticators}. {@code totp} is set for AUTHENTICATOR_APP and {@code passkey} for
 * PASSKEY, both null otherwise. A {@code pending} one was enrolled through the Client API and not yet
 * verified: it is hidden from getAuthenticators and enrollment until its first successful verification,
 * which sets {@code verifiedAt} (until then {@code verifiedAt} is its creation time).
 */
record StoredAuthenticator(String authenticatorId, String userId, VerificationMethod method, String email,
                           String phoneNumber, SealedTotp totp, StoredPasskey passkey, long createdAt,
                           long verifiedAt, Long lastVerifiedAt, boolean pending) {

    /** TOTP parameters; the secret only as {@link io.signet.crypto.Encryptor} ciphertext. */
    record SealedTotp(String sealedSecret, String issuer, String account, String algorithm, int digits, int period) {
    }

    /** A passkey's public data; {@code client} is never null. */
    record StoredPasskey(String credentialId, String publicKey, long algorithm, String name, Long signCount,
                         String aaguid, List<String> transports, ClientPasskeyData client) {
    }
}
