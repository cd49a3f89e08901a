package io.signet.authenticator;

import static io.signet.authenticator.AuthenticatorFixtures.authenticatorsOf;
import static io.signet.authenticator.AuthenticatorFixtures.email;
import static io.signet.authenticator.AuthenticatorFixtures.otpUri;
import static io.signet.authenticator.AuthenticatorFixtures.passkey;
import static io.signet.authenticator.AuthenticatorFixtures.phone;
import static io.signet.authenticator.AuthenticatorFixtures.sms;
import static io.signet.authenticator.AuthenticatorFixtures.totpSecret;
import static io.signet.authenticator.AuthenticatorFixtures.uid;
import static io.signet.authenticator.AuthenticatorFixtures.userExists;
import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.ServerSuite;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Enroll and list through the real HTTP port; run once per storage backend by its subclasses. */
abstract class AuthenticatorsApiContract extends ServerSuite {
    private ApiResponse enroll(String userId, Object body) {
        return api.post("/v1/users/" + userId + "/authenticators", body);
    }

    @Test
    void enrolling_SMS_creates_the_user_returns_the_authenticator_and_ten_recovery_codes() {
        String id = uid();
        String phone = phone();
        ApiResponse r = enroll(id, sms(phone));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        JsonNode a = r.json().path("authenticator");
        assertThat(a.path("userId").asString()).isEqualTo(id);
        assertThat(a.path("verificationMethod").asString()).isEqualTo("SMS");
        assertThat(a.path("phoneNumber").asString()).isEqualTo(phone);
        assertThat(a.path("userAuthenticatorId").asString()).isNotBlank();
        assertThat(a.path("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(a.path("verifiedAt").asString()).isEqualTo(a.path("createdAt").asString());
        assertThat(a.has("email")).isFalse();
        assertThat(r.json().path("recoveryCodes")).hasSize(10);

        JsonNode user = api.get("/v1/users/" + id).json();
        assertThat(user.path("isEnrolled").asBoolean()).isTrue();
        assertThat(user.path("enrolledVerificationMethods").toString()).isEqualTo("[\"SMS\"]");
        assertThat(user.path("defaultVerificationMethod").asString()).isEqualTo("SMS");
        assertThat(user.path("allowedVerificationMethods").toString()).contains("PASSKEY", "AUTHENTICATOR_APP");
        assertThat(user.has("email")).isFalse();

        JsonNode list = api.get("/v1/users/" + id + "/authenticators").json();
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("userAuthenticatorId").asString()).isEqualTo(a.path("userAuthenticatorId").asString());
    }

    @ParameterizedTest
    @CsvSource({"EMAIL_OTP", "EMAIL_MAGIC_LINK", "WHATSAPP", "AUTHENTICATOR_APP", "PASSKEY"})
    void every_method_enrolls_with_its_field(String method) {
        String id = uid();
        String email = email();
        String phone = phone();
        Object body = switch (method) {
            case "EMAIL_OTP", "EMAIL_MAGIC_LINK" -> Map.of("verificationMethod", method, "email", email);
            case "WHATSAPP" -> Map.of("verificationMethod", method, "phoneNumber", phone);
            case "AUTHENTICATOR_APP" -> Map.of("verificationMethod", method, "otpUri", otpUri(totpSecret()));
            default -> passkey(Passkeys.credentialId());
        };
        ApiResponse r = enroll(id, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode a = r.json().path("authenticator");
        assertThat(a.path("verificationMethod").asString()).isEqualTo(method);
        switch (method) {
            case "EMAIL_OTP", "EMAIL_MAGIC_LINK" -> assertThat(a.path("email").asString()).isEqualTo(email);
            case "WHATSAPP" -> assertThat(a.path("phoneNumber").asString()).isEqualTo(phone);
            case "PASSKEY" -> {
                JsonNode w = a.path("webauthnCredential");
                assertThat(w.path("credentialId").asString()).isNotBlank();
                assertThat(w.path("aaguid").asString()).isEqualTo(AuthenticatorFixtures.ICLOUD_AAGUID);
                assertThat(w.path("name").asString()).isEqualTo("iCloud Keychain");
                assertThat(w.path("aaguidMapping").path("name").asString()).isEqualTo("iCloud Keychain");
                assertThat(w.path("aaguidMapping").path("svgIconLight").asString()).startsWith("data:image/svg+xml;base64,");
                assertThat(w.path("aaguidMapping").path("svgIconDark").asString()).startsWith("data:image/svg+xml;base64,");
                assertThat(w.has("credentialBackedUp")).isFalse();
            }
            default -> assertThat(a.has("email") || a.has("phoneNumber") || a.has("otpUri")).isFalse();
        }
        assertThat(api.get("/v1/users/" + id).json().path("enrolledVerificationMethods").toString())
                .isEqualTo("[\"" + method + "\"]");
    }

    @Test
    void a_named_passkey_keeps_its_name_and_an_unknown_aaguid_has_no_mapping() {
        String id = uid();
        ApiResponse r = enroll(id, Map.of("verificationMethod", "PASSKEY", "credentialId", Passkeys.credentialId(),
                "credentialPublicKey", Passkeys.es256PublicKey(), "name", "Work laptop", "signCount", 7,
                "aaguid", "00000000-1111-2222-3333-444444444444", "transports", List.of("internal", "hybrid")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode w = r.json().path("authenticator").path("webauthnCredential");
        assertThat(w.path("name").asString()).isEqualTo("Work laptop");
        assertThat(w.has("aaguidMapping")).isFalse();
    }

    @Test
    void recovery_codes_come_only_with_the_first_enrollment() {
        String id = uid();
        assertThat(enroll(id, sms(phone())).json().path("recoveryCodes")).hasSize(10);
        ApiResponse second = enroll(id, Map.of("verificationMethod", "EMAIL_OTP", "email", email()));
        assertThat(second.json().has("recoveryCodes")).isFalse();
        assertThat(AuthenticatorFixtures.recoveryCodesOf(server, id)).isEqualTo(10);
    }

    @Test
    void the_same_contact_again_returns_the_existing_authenticator() {
        String id = uid();
        String email = email();
        String first = enroll(id, Map.of("verificationMethod", "EMAIL_OTP", "email", email))
                .json().path("authenticator").path("userAuthenticatorId").asString();
        ApiResponse again = enroll(id, Map.of("verificationMethod", "EMAIL_OTP", "email", email.toUpperCase()));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("authenticator").path("userAuthenticatorId").asString()).isEqualTo(first);
        assertThat(again.json().has("recoveryCodes")).isFalse();
        // the other email method is a different authenticator for the same address
        enroll(id, Map.of("verificationMethod", "EMAIL_MAGIC_LINK", "email", email));
        assertThat(authenticatorsOf(server, id)).isEqualTo(2);
    }

    @Test
    void the_same_TOTP_secret_again_is_the_same_authenticator_whatever_the_label() {
        String id = uid();
        String secret = totpSecret();
        String first = enroll(id, Map.of("verificationMethod", "AUTHENTICATOR_APP", "otpUri", otpUri(secret)))
                .json().path("authenticator").path("userAuthenticatorId").asString();
        String again = enroll(id, Map.of("verificationMethod", "AUTHENTICATOR_APP",
                "otpUri", "otpauth://totp/Other:label?secret=" + secret.toLowerCase()))
                .json().path("authenticator").path("userAuthenticatorId").asString();
        assertThat(again).isEqualTo(first);
        assertThat(authenticatorsOf(server, id)).isEqualTo(1);
    }

    @Test
    void the_deprecated_oobChannel_and_isDefault_are_honoured() {
        String id = uid();
        assertThat(enroll(id, Map.of("oobChannel", "EMAIL_OTP", "email", email())).status()).isEqualTo(200);
        assertThat(enroll(id, Map.of("verificationMethod", "SMS", "phoneNumber", phone(), "isDefault", true)).status())
                .isEqualTo(200);
        JsonNode user = api.get("/v1/users/" + id).json();
        assertThat(user.path("enrolledVerificationMethods").toString()).isEqualTo("[\"EMAIL_OTP\",\"SMS\"]");
        assertThat(user.path("defaultVerificationMethod").asString()).isEqualTo("SMS");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}|verificationMethod",
            "{\"verificationMethod\":\"CARRIER_PIGEON\"}|verificationMethod",
            "{\"verificationMethod\":\"PUSH\"}|verificationMethod",
            "{\"verificationMethod\":7,\"phoneNumber\":\"+64271234567\"}|verificationMethod",
            "{\"oobChannel\":\"PASSKEY\"}|oobChannel",
            "{\"verificationMethod\":\"SMS\"}|phoneNumber",
            "{\"verificationMethod\":\"SMS\",\"phoneNumber\":\"\"}|phoneNumber",
            "{\"verificationMethod\":\"SMS\",\"phoneNumber\":\"+1\"}|phoneNumber",
            "{\"verificationMethod\":\"SMS\",\"phoneNumber\":64271234567}|phoneNumber",
            "{\"verificationMethod\":\"WHATSAPP\",\"phoneNumber\":\"027 123 4567\"}|phoneNumber",
            "{\"verificationMethod\":\"EMAIL_OTP\"}|email",
            "{\"verificationMethod\":\"EMAIL_OTP\",\"email\":\"jane.example.com\"}|email",
            "{\"verificationMethod\":\"EMAIL_MAGIC_LINK\",\"email\":[\"a@b.co\"]}|email",
            "{\"verificationMethod\":\"SMS\",\"phoneNumber\":\"+64271234567\",\"isDefault\":\"yes\"}|isDefault",
            "{\"verificationMethod\":\"AUTHENTICATOR_APP\"}|otpUri",
            "{\"verificationMethod\":\"AUTHENTICATOR_APP\",\"otpUri\":\"http://example.com/?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\"}|otpUri",
            "{\"verificationMethod\":\"AUTHENTICATOR_APP\",\"otpUri\":\"otpauth://hotp/A:b?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=0\"}|otpUri",
            "{\"verificationMethod\":\"AUTHENTICATOR_APP\",\"otpUri\":\"otpauth://totp/A:b?secret=GEZDGNBVGY3TQ1!!\"}|otpUri",
            "{\"verificationMethod\":\"AUTHENTICATOR_APP\",\"otpUri\":\"otpauth://totp/A:b?secret=GEZDGNBVGY3TQ===\"}|otpUri",
            "{\"verificationMethod\":\"PASSKEY\",\"credentialPublicKey\":\"pQECAyYgASFYIA\"}|credentialId",
            "{\"verificationMethod\":\"PASSKEY\",\"credentialId\":\"not+base64/url\",\"credentialPublicKey\":\"pQECAyYgASFYIA\"}|credentialId",
            "{\"verificationMethod\":\"PASSKEY\",\"credentialId\":\"AAECAwQFBgcICQoLDA0ODxAREhM\"}|credentialPublicKey",
            "{\"verificationMethod\":\"PASSKEY\",\"credentialId\":\"AAECAwQFBgcICQoLDA0ODxAREhM\",\"credentialPublicKey\":\"q83vEjRWeJq83vEjRWeJq83vEjRWeJq8\"}|credentialPublicKey",
            "{\"verificationMethod\":\"PASSKEY\",\"credentialId\":\"AAECAwQFBgcICQoLDA0ODxAREhM\",\"credentialPublicKey\":\"%%%\"}|credentialPublicKey",
            "[1]|JSON object",
            "{\"verificationMethod\":|JSON",
    })
    void bad_input_is_a_400_naming_the_field_and_writes_nothing(String body, String field) {
        String id = uid();
        ApiResponse r = enroll(id, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("invalid_request");
        assertThat(r.errorDescription()).contains(field);
        assertThat(userExists(server, id)).isFalse();
        assertThat(authenticatorsOf(server, id)).isZero();
    }

    @Test
    void passkey_fields_of_the_wrong_shape_are_refused_by_name() {
        String id = uid();
        Map<String, Object> base = Map.of("verificationMethod", "PASSKEY", "credentialId", Passkeys.credentialId(),
                "credentialPublicKey", Passkeys.es256PublicKey());
        for (Map.Entry<String, Object> bad : List.<Map.Entry<String, Object>>of(
                Map.entry("signCount", -1), Map.entry("signCount", "7"), Map.entry("aaguid", "not-a-uuid"),
                Map.entry("transports", List.of("carrier-pigeon")), Map.entry("name", 42))) {
            Map<String, Object> body = new java.util.HashMap<>(base);
            body.put(bad.getKey(), bad.getValue());
            ApiResponse r = enroll(id, body);
            assertThat(r.status()).as(bad + " -> " + r).isEqualTo(400);
            assertThat(r.errorDescription()).contains(bad.getKey());
        }
        assertThat(userExists(server, id)).isFalse();
    }

    @Test
    void twenty_parallel_identical_enrollments_store_exactly_one_authenticator() throws Exception {
        String id = uid();
        Map<String, Object> body = sms(phone());
        List<Callable<ApiResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> enroll(id, body));
        }
        Set<String> ids = new HashSet<>();
        int withCodes = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (Future<ApiResponse> f : pool.invokeAll(calls)) {
                ApiResponse r = f.get();
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                ids.add(r.json().path("authenticator").path("userAuthenticatorId").asString());
                withCodes += r.json().has("recoveryCodes") ? 1 : 0;
            }
        }
        assertThat(ids).hasSize(1);
        assertThat(withCodes).isEqualTo(1);
        assertThat(authenticatorsOf(server, id)).isEqualTo(1);
        assertThat(AuthenticatorFixtures.recoveryCodesOf(server, id)).isEqualTo(10);
    }

    @Test
    void a_passkey_credential_of_another_user_is_a_409_conflict_and_writes_nothing() {
        Map<String, Object> body = passkey(Passkeys.credentialId());
        String owner = uid();
        assertThat(enroll(owner, body).status()).isEqualTo(200);
        String intruder = uid();
        ApiResponse r = enroll(intruder, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.errorCode()).isEqualTo("conflict");
        assertThat(userExists(server, intruder)).isFalse();
        // the owner enrolling it again is the same authenticator, not a conflict
        assertThat(enroll(owner, body).status()).isEqualTo(200);
        assertThat(authenticatorsOf(server, owner)).isEqualTo(1);
    }

    @Test
    void getAuthenticators_lists_oldest_first_and_an_unknown_user_has_an_empty_array() {
        assertThat(api.get("/v1/users/" + uid() + "/authenticators").body()).isEqualTo("[]");
        String id = uid();
        List<String> created = new ArrayList<>();
        for (Object body : List.of(sms(phone()), Map.of("verificationMethod", "EMAIL_OTP", "email", email()),
                passkey(Passkeys.credentialId()))) {
            created.add(enroll(id, body).json().path("authenticator").path("userAuthenticatorId").asString());
        }
        List<String> listed = new ArrayList<>();
        api.get("/v1/users/" + id + "/authenticators").json()
                .forEach(a -> listed.add(a.path("userAuthenticatorId").asString()));
        assertThat(listed).containsExactlyElementsOf(created);
    }

    @Test
    void another_tenant_sees_none_of_the_users_authenticators() {
        String id = uid();
        enroll(id, sms(phone()));
        assertThat(server.newTenant("other-" + id).get("/v1/users/" + id + "/authenticators").body()).isEqualTo("[]");
    }

    @Test
    void POST_users_authenticators_without_an_array_is_updateUser_for_the_user_named_authenticators() {
        ApiResponse r = api.post("/v1/users/authenticators", Map.of("username", "literally-authenticators"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("userId").asString()).isEqualTo("authenticators");
        assertThat(api.get("/v1/users/authenticators").json().path("username").asString())
                .isEqualTo("literally-authenticators");
    }
}
