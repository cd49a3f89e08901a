package io.signet.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.crypto.SecretHasher;
import io.signet.tenant.TenantSettings;
import io.signet.testing.Es256Keys;
import io.signet.testing.FuzzValues;
import io.signet.testing.SeedOnFailure;
import io.signet.wire.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every input of an import is untrusted: a valid export line with one field replaced by generated JSON (or
 * removed) is read, or refused as a {@link Rejection} naming a field; no other exception escapes the reader,
 * so no line can stop an import or reach the database half-checked.
 */
@AddLifecycleHook(SeedOnFailure.class)
class UserLinesFuzzTest {
    private static final SecretHasher HASHER = new SecretHasher(new byte[32]);
    private static final UserLines READER = new UserLines(TenantSettings.DEFAULTS, HASHER, false);
    private static final String PUBLIC_KEY = Base64.getUrlEncoder().withoutPadding()
            .encodeToString(Es256Keys.cosePublicKey(Es256Keys.generate()));
    private static final List<String> PATHS = List.of("schemaVersion", "userId", "email", "emailVerified",
            "phoneNumber", "custom", "locale", "defaultVerificationMethod", "createdAt", "authenticators",
            "recoveryCodes", "authenticators.0", "authenticators.0.verificationMethod", "authenticators.0.email",
            "authenticators.1.totp", "authenticators.1.totp.secret", "authenticators.1.totp.digits",
            "authenticators.2.passkey", "authenticators.2.passkey.credentialId", "authenticators.2.passkey.publicKey",
            "authenticators.2.passkey.algorithm", "authenticators.2.passkey.transports", "authenticators.2.passkey.aaguid",
            "authenticators.2.lastVerifiedAt", "recoveryCodes.hashes", "recoveryCodes.remaining");

    @Property(tries = 3000)
    void a_line_with_any_field_replaced_is_read_or_rejected(@ForAll("paths") String path, @ForAll("values") Object value,
                                                           @ForAll boolean remove) {
        ObjectNode line = valid();
        String[] steps = path.split("\\.");
        JsonNode parent = line;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (parent.isArray()) {
            ((tools.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), Json.MAPPER.valueToTree(value));
        } else if (remove) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ObjectNode) parent).set(last, Json.MAPPER.valueToTree(value));
        }
        try {
            READER.read(line);
        } catch (Rejection expected) {
            assertThat(expected.reason()).isNotBlank();
            assertThat(expected.field()).isNotNull();
        }
    }

    @Property(tries = 10)
    void the_unchanged_line_is_read() {
        UserLine line = READER.read(valid());
        assertThat(line.authenticators()).hasSize(3);
        assertThat(line.codes().hashes()).hasSize(2);
    }

    private static ObjectNode valid() {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("schemaVersion", 1);
        u.put("userId", "u1");
        u.put("email", "u1@example.com");
        u.put("emailVerified", true);
        u.put("phoneNumberVerified", false);
        u.put("custom", Map.of("plan", "gold"));
        u.put("createdAt", "2026-01-01T00:00:00Z");
        u.put("updatedAt", "2026-01-01T00:00:00.123Z");
        List<Object> factors = new ArrayList<>();
        factors.add(Map.of("authenticatorId", "a1", "verificationMethod", "EMAIL_OTP", "email", "u1@example.com",
                "pending", false, "createdAt", "2026-01-01T00:00:00Z", "verifiedAt", "2026-01-01T00:00:00Z"));
        factors.add(Map.of("authenticatorId", "a2", "verificationMethod", "AUTHENTICATOR_APP", "pending", false,
                "createdAt", "2026-01-01T00:00:00Z", "verifiedAt", "2026-01-01T00:00:00Z", "totp", Map.of(
                        "algorithm", "SHA1", "digits", 6, "period", 30, "secret", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")));
        factors.add(Map.of("authenticatorId", "a3", "verificationMethod", "PASSKEY", "pending", false,
                "createdAt", "2026-01-01T00:00:00Z", "verifiedAt", "2026-01-01T00:00:00Z",
                "lastVerifiedAt", "2026-01-02T00:00:00Z", "passkey", Map.of("credentialId", "AAAAAAAAAAAAAAAAAAAAAA",
                        "publicKey", PUBLIC_KEY, "algorithm", -7, "transports", List.of("internal"),
                        "aaguid", "fbfc3007-154e-4ecc-8c0b-6e020557d7bd")));
        u.put("authenticators", factors);
        u.put("recoveryCodes", Map.of("remaining", 2, "hashScheme", "signet-hmac-sha256-v1",
                "keyFingerprint", HASHER.keyFingerprint(), "hashes", List.of("a".repeat(64), "b".repeat(64))));
        return (ObjectNode) Json.MAPPER.valueToTree(u);
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of(PATHS);
    }

    @Provide
    Arbitrary<Object> values() {
        return FuzzValues.json(2);
    }
}
