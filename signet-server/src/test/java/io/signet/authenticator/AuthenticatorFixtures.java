package io.signet.authenticator;

import io.signet.crypto.RandomTokens;
import io.signet.testing.TestServer;
import java.util.Map;
import java.util.UUID;

/** Request bodies and database look-ups shared by the authenticator API suites. */
final class AuthenticatorFixtures {
    static final String ICLOUD_AAGUID = "fbfc3007-154e-4ecc-8c0b-6e020557d7bd";

    private AuthenticatorFixtures() {
    }

    static String uid() {
        return "user-" + UUID.randomUUID();
    }

    /** A valid mobile number, different on every call. */
    static String phone() {
        return "+6427" + (1_000_000 + RandomTokens.nextInt(8_999_999));
    }

    static String email() {
        return "Jane." + UUID.randomUUID().toString().substring(0, 8) + "@Example.com";
    }

    /** A fresh 160-bit TOTP secret in base32. */
    static String totpSecret() {
        return Base32.encode(RandomTokens.bytes(20));
    }

    static String otpUri(String secret) {
        return "otpauth://totp/Acme:jane@example.com?secret=" + secret + "&issuer=Acme";
    }

    static Map<String, Object> sms(String phone) {
        return Map.of("verificationMethod", "SMS", "phoneNumber", phone);
    }

    static Map<String, Object> passkey(String credentialId) {
        return Map.of("verificationMethod", "PASSKEY", "credentialId", credentialId,
                "credentialPublicKey", Passkeys.es256PublicKey(), "aaguid", ICLOUD_AAGUID);
    }

    static long count(TestServer server, String sql, Object... params) {
        return server.app().database().read(jdbc -> jdbc.count(sql, params));
    }

    static long authenticatorsOf(TestServer server, String userId) {
        return count(server, "SELECT COUNT(*) AS n FROM authenticators WHERE user_id = ?", userId);
    }

    static long recoveryCodesOf(TestServer server, String userId) {
        return count(server, "SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = ?", userId);
    }

    static boolean userExists(TestServer server, String userId) {
        return count(server, "SELECT COUNT(*) AS n FROM users WHERE user_id = ?", userId) > 0;
    }
}
