package io.signet.session;

import com.nimbusds.jose.JWSSigner;
import io.signet.crypto.Encryptor;
import io.signet.store.Database;
import java.time.Clock;

/** A tenant's active session signing key, for tests outside this package that forge with Signet's own key. */
public record OwnSigningKey(String keyId, JWSSigner signer) {
    public static OwnSigningKey of(Database db, byte[] encryptionKey, Clock clock, String tenantId) {
        SigningKeys.ActiveKey k = new SigningKeys(db, new JdbcSigningKeyStore(db), new Encryptor(encryptionKey), clock).active(tenantId);
        return new OwnSigningKey(k.keyId(), k.signer());
    }
}
