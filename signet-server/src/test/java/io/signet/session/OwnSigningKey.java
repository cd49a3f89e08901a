package io.signet.session;

import com.nimbusds.jose.JWSSigner;

/** A tenant's active session signing key, for tests outside this package that forge with Signet's own key. */
public record OwnSigningKey(String keyId, JWSSigner signer) {
    /** The key {@code keys} (a running server's, {@code SignetApp.signingKeys()}) signs the tenant's tokens with. */
    public static OwnSigningKey of(SigningKeys keys, String tenantId) {
        SigningKeys.ActiveKey k = keys.active(tenantId);
        return new OwnSigningKey(k.keyId(), k.signer());
    }
}
