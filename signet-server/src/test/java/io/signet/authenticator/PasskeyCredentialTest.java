package io.signet.authenticator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import io.signet.crypto.RandomTokens;
import io.signet.error.SignetException;
import org.junit.jupiter.api.Test;

class PasskeyCredentialTest {

    @Test
    void accepts_an_ES256_COSE_key_and_keeps_the_canonical_base64url() {
        String id = Passkeys.credentialId();
        String key = Passkeys.es256PublicKey();
        PasskeyCredential c = PasskeyCredential.parse(id + "=", key);
        assertThat(c.credentialId()).isEqualTo(id);
        assertThat(c.publicKey()).isEqualTo(key);
        assertThat(c.algorithm()).isEqualTo(-7);
    }

    @Test
    void refuses_random_bytes_as_a_COSE_key() {
        for (int i = 0; i < 50; i++) {
            String random = RandomTokens.base64Url(77);
            assertThatThrownBy(() -> PasskeyCredential.parse(Passkeys.credentialId(), random))
                    .isInstanceOf(SignetException.class)
                    .hasMessageContaining("'credentialPublicKey'");
        }
    }

    @Test
    void refuses_a_key_with_private_material_or_an_algorithm_of_another_key_type() {
        assertThatThrownBy(() -> PasskeyCredential.parse(Passkeys.credentialId(), Passkeys.es256KeyPairWithPrivateKey()))
                .hasMessageContaining("private key");
        assertThatThrownBy(() -> PasskeyCredential.parse(Passkeys.credentialId(),
                Passkeys.es256KeyLabelled(COSEAlgorithmIdentifier.RS256)))
                .hasMessageContaining("'credentialPublicKey'");
        assertThatThrownBy(() -> PasskeyCredential.parse(Passkeys.credentialId(),
                Passkeys.es256KeyLabelled(COSEAlgorithmIdentifier.RS1)))
                .hasMessageContaining("algorithm");
    }

    @Test
    void refuses_bad_base64url_and_ids_of_impossible_length() {
        assertThatThrownBy(() -> PasskeyCredential.parse("abc+/def", Passkeys.es256PublicKey()))
                .hasMessageContaining("'credentialId' must be base64url");
        assertThatThrownBy(() -> PasskeyCredential.parse("A", Passkeys.es256PublicKey()))
                .hasMessageContaining("'credentialId'");
        assertThatThrownBy(() -> PasskeyCredential.parse(RandomTokens.base64Url(8), Passkeys.es256PublicKey()))
                .hasMessageContaining("16 to 1023 bytes");
        assertThatThrownBy(() -> PasskeyCredential.parse(Passkeys.credentialId(), "not base64url!"))
                .hasMessageContaining("'credentialPublicKey' must be base64url");
    }
}
