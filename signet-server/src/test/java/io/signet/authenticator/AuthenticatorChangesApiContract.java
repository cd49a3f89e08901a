package io.signet.authenticator;

import static io.signet.authenticator.AuthenticatorFixtures.authenticatorsOf;
import static io.signet.authenticator.AuthenticatorFixtures.email;
import static io.signet.authenticator.AuthenticatorFixtures.otpUri;
import static io.signet.authenticator.AuthenticatorFixtures.passkey;
import static io.signet.authenticator.AuthenticatorFixtures.phone;
import static io.signet.authenticator.AuthenticatorFixtures.recoveryCodesOf;
import static io.signet.authenticator.AuthenticatorFixtures.sms;
import static io.signet.authenticator.AuthenticatorFixtures.totpSecret;
import static io.signet.authenticator.AuthenticatorFixtures.uid;
import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.ServerSuite;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** Delete, tenant settings, batch enroll and idempotency through the real HTTP port, per backend. */
abstract class AuthenticatorChangesApiContract extends ServerSuite {
    private static final Logger log = LoggerFactory.getLogger(AuthenticatorChangesApiContract.class);

    private String enrollId(Api client, String userId, Object body) {
        ApiResponse r = client.post("/v1/users/" + userId + "/authenticators", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("authenticator").path("userAuthenticatorId").asString();
    }

    @Test
    void deleting_the_last_authenticator_unenrolls_the_user_and_removes_the_recovery_codes() {
        String id = uid();
        String smsId = enrollId(api, id, sms(phone()));
        String emailId = enrollId(api, id, Map.of("verificationMethod", "EMAIL_OTP", "email", email()));

        ApiResponse r = api.delete("/v1/users/" + id + "/authenticators/" + smsId);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"success\":true}");
        assertThat(recoveryCodesOf(server, id)).isEqualTo(10);
        assertThat(api.get("/v1/users/" + id).json().path("enrolledVerificationMethods").toString())
                .isEqualTo("[\"EMAIL_OTP\"]");

        assertThat(api.delete("/v1/users/" + id + "/authenticators/" + emailId).status()).isEqualTo(200);
        assertThat(recoveryCodesOf(server, id)).isZero();
        assertThat(api.get("/v1/users/" + id).json().path("isEnrolled").asBoolean(true)).isFalse();
        assertThat(api.get("/v1/users/" + id + "/authenticators").body()).isEqualTo("[]");
    }

    @Test
    void an_unknown_id_or_another_users_authenticator_is_404_and_nothing_changes() {
        String owner = uid();
        String ownersId = enrollId(api, owner, sms(phone()));
        String other = uid();
        enrollId(api, other, sms(phone()));

        ApiResponse unknown = api.delete("/v1/users/" + owner + "/authenticators/no-such-id");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("not_found");
        ApiResponse foreign = api.delete("/v1/users/" + other + "/authenticators/" + ownersId);
        assertThat(foreign.status()).isEqualTo(404);
        ApiResponse otherTenant = server.newTenant("t-" + owner).delete("/v1/users/" + owner + "/authenticators/" + ownersId);
        assertThat(otherTenant.status()).isEqualTo(404);
        assertThat(authenticatorsOf(server, owner)).isEqualTo(1);
        assertThat(authenticatorsOf(server, other)).isEqualTo(1);
    }

    @Test
    void settings_default_to_the_Authsignal_behaviour_and_change_partially() {
        Api tenant = server.newTenant("settings-" + uid());
        assertThat(tenant.get("/admin/v1/settings").body())
                .contains("\"protectLastAuthenticator\":false,\"recoveryCodesEnabled\":true,"
                        + "\"strictPhoneValidation\":false,\"allowNestedCustomData\":false")
                .contains("\"allowWeakTotp\":false");
        ApiResponse patched = tenant.patch("/admin/v1/settings", Map.of("protectLastAuthenticator", true));
        assertThat(patched.body()).contains("\"protectLastAuthenticator\":true,\"recoveryCodesEnabled\":true,"
                + "\"strictPhoneValidation\":false,\"allowNestedCustomData\":false");
        assertThat(tenant.get("/admin/v1/settings").json().path("protectLastAuthenticator").asBoolean()).isTrue();
        ApiResponse bad = tenant.patch("/admin/v1/settings", "{\"recoveryCodesEnabled\":\"maybe\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorDescription()).contains("recoveryCodesEnabled");
        assertThat(api.withKey("wrong").get("/admin/v1/settings").status()).isEqualTo(401);
    }

    @Test
    void a_protected_last_authenticator_is_a_409_unless_the_request_allows_the_lockout() {
        Api tenant = server.newTenant("protect-" + uid());
        tenant.patch("/admin/v1/settings", Map.of("protectLastAuthenticator", true));
        String id = uid();
        String first = enrollId(tenant, id, sms(phone()));
        String second = enrollId(tenant, id, Map.of("verificationMethod", "EMAIL_OTP", "email", email()));
        assertThat(tenant.delete("/v1/users/" + id + "/authenticators/" + first).status()).isEqualTo(200);

        ApiResponse refused = tenant.delete("/v1/users/" + id + "/authenticators/" + second);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("conflict");
        assertThat(refused.errorDescription()).contains("last authenticator", "protectLastAuthenticator", "allowLockout=true");
        assertThat(authenticatorsOf(server, id)).isEqualTo(1);

        assertThat(tenant.delete("/v1/users/" + id + "/authenticators/" + second + "?allowLockout=maybe").status())
                .isEqualTo(400);
        assertThat(tenant.delete("/v1/users/" + id + "/authenticators/" + second + "?allowLockout=true").status())
                .isEqualTo(200);
        assertThat(authenticatorsOf(server, id)).isZero();
    }

    @Test
    void a_tenant_without_recovery_codes_gets_none() {
        Api tenant = server.newTenant("nocodes-" + uid());
        tenant.patch("/admin/v1/settings", Map.of("recoveryCodesEnabled", false));
        String id = uid();
        ApiResponse r = tenant.post("/v1/users/" + id + "/authenticators", sms(phone()));
        assertThat(r.json().has("recoveryCodes")).isFalse();
        assertThat(recoveryCodesOf(server, id)).isZero();
    }

    @Test
    void deleting_the_user_removes_their_authenticators_and_recovery_codes() {
        String id = uid();
        enrollId(api, id, sms(phone()));
        enrollId(api, id, passkey(Passkeys.credentialId()));
        assertThat(api.delete("/v1/users/" + id).status()).isEqualTo(200);
        assertThat(authenticatorsOf(server, id)).isZero();
        assertThat(recoveryCodesOf(server, id)).isZero();
        assertThat(api.get("/v1/users/" + id + "/authenticators").body()).isEqualTo("[]");
    }

    @Test
    void a_batch_of_1000_mixed_items_reports_each_item_exactly() {
        String taken = Passkeys.credentialId();
        String takenBy = uid();
        enrollId(api, takenBy, passkey(taken));
        String tag = uid();
        List<Object> items = new ArrayList<>();
        Map<Integer, String> expectedFailure = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            String userId = tag + "-" + (i % 400); // several items per user
            Map<String, Object> item = new HashMap<>();
            item.put("userId", userId);
            switch (i % 10) {
                case 0 -> { item.put("verificationMethod", "SMS"); item.put("phoneNumber", "+1"); expectedFailure.put(i, "invalid_request"); }
                case 1 -> { item.putAll(passkey(taken)); item.put("userId", userId); expectedFailure.put(i, "conflict"); }
                case 2 -> { item.put("verificationMethod", "EMAIL_OTP"); item.put("email", "no-at-sign"); expectedFailure.put(i, "invalid_request"); }
                case 3 -> { item.put("verificationMethod", "EMAIL_OTP"); item.put("email", "u" + i + "@example.com"); }
                case 4 -> { item.put("verificationMethod", "AUTHENTICATOR_APP"); item.put("otpUri", AuthenticatorFixtures.otpUri(AuthenticatorFixtures.totpSecret())); }
                case 5 -> { item.remove("userId"); item.put("verificationMethod", "SMS"); item.put("phoneNumber", phone()); expectedFailure.put(i, "invalid_request"); }
                default -> item.putAll(passkey(Passkeys.credentialId()));
            }
            items.add(item);
        }
        long started = System.nanoTime();
        ApiResponse r = api.post("/v1/users/authenticators", Map.of("authenticators", items));
        log.info("batch of 1000 items on {}: {} ms", backend(), (System.nanoTime() - started) / 1_000_000);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.path("total").asInt()).isEqualTo(1000);
        assertThat(j.path("failed").asInt()).isEqualTo(expectedFailure.size());
        assertThat(j.path("succeeded").asInt()).isEqualTo(1000 - expectedFailure.size());
        assertThat(j.path("failures")).hasSize(expectedFailure.size());
        JsonNode results = j.path("results");
        for (int i = 0; i < 1000; i++) {
            JsonNode item = results.get(i);
            assertThat(item.path("index").asInt()).isEqualTo(i);
            if (expectedFailure.containsKey(i)) {
                assertThat(item.path("success").asBoolean(true)).as("item " + i).isFalse();
                assertThat(item.path("errorCode").asString()).as("item " + i).isEqualTo(expectedFailure.get(i));
                assertThat(item.has("authenticator")).isFalse();
            } else {
                assertThat(item.path("success").asBoolean()).as("item " + i + ": " + item).isTrue();
                assertThat(item.path("authenticator").path("userAuthenticatorId").asString()).isNotBlank();
            }
        }
        JsonNode conflict = j.path("failures").findValues("errorCode").stream().anyMatch(c -> c.asString().equals("conflict"))
                ? j.path("failures").get(0) : null;
        assertThat(conflict).isNotNull();
        assertThat(j.path("failures").toString()).contains("\"credentialId\":\"" + taken + "\"");
        long stored = AuthenticatorFixtures.count(server,
                "SELECT COUNT(*) AS n FROM authenticators WHERE user_id LIKE ?", tag + "-%");
        assertThat(stored).isEqualTo(1000 - expectedFailure.size());
        assertThat(AuthenticatorFixtures.count(server,
                "SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id LIKE ?", tag + "-%")).isZero();

        ApiResponse again = api.post("/v1/users/authenticators", Map.of("authenticators", items));
        assertThat(again.json().path("succeeded").asInt()).isEqualTo(1000 - expectedFailure.size());
        assertThat(AuthenticatorFixtures.count(server,
                "SELECT COUNT(*) AS n FROM authenticators WHERE user_id LIKE ?", tag + "-%")).isEqualTo(stored);
    }

    @Test
    void weak_TOTP_parameters_are_refused_unless_the_tenant_allows_weak_imports_then_they_carry_a_warning() {
        Api tenant = server.newTenant("weaktotp-" + uid());
        String weakSecret = Base32.encode(io.signet.crypto.RandomTokens.bytes(10)); // 80 bits
        Map<String, Object> weak = Map.of("verificationMethod", "AUTHENTICATOR_APP", "otpUri", otpUri(weakSecret));
        Map<String, Object> slow = Map.of("verificationMethod", "AUTHENTICATOR_APP",
                "otpUri", otpUri(totpSecret()) + "&period=300");
        String user = uid();
        ApiResponse refusedSecret = tenant.post("/v1/users/" + user + "/authenticators", weak);
        assertThat(refusedSecret.status()).isEqualTo(400);
        assertThat(refusedSecret.errorCode()).isEqualTo("invalid_request");
        assertThat(refusedSecret.errorDescription()).contains("otpUri", "80 bits", "at least 112 bits")
                .doesNotContain(weakSecret);
        ApiResponse refusedPeriod = tenant.post("/v1/users/" + user + "/authenticators", slow);
        assertThat(refusedPeriod.status()).isEqualTo(400);
        assertThat(refusedPeriod.errorCode()).isEqualTo("invalid_request");
        assertThat(refusedPeriod.errorDescription()).contains("otpUri", "period", "at most 60 seconds");
        Map<String, Object> weakItem = new HashMap<>(weak);
        weakItem.put("userId", user);
        JsonNode refusedItem = tenant.post("/v1/users/authenticators", Map.of("authenticators", List.of(weakItem)))
                .json().path("results").get(0);
        assertThat(refusedItem.path("success").asBoolean()).isFalse();
        assertThat(refusedItem.path("errorCode").asString()).isEqualTo("invalid_request");
        assertThat(refusedItem.path("errorDescription").asString()).contains("otpUri", "112 bits");
        assertThat(authenticatorsOf(server, user)).isZero();

        ApiResponse on = tenant.patch("/admin/v1/settings", Map.of("allowWeakTotp", true));
        assertThat(on.json().path("allowWeakTotp").asBoolean()).isTrue();
        ApiResponse weakAccepted = tenant.post("/v1/users/" + user + "/authenticators", weak);
        assertThat(weakAccepted.status()).as(weakAccepted.toString()).isEqualTo(200);
        assertThat(weakAccepted.json().path("warning").asString()).contains("otpUri", "80 bits", "112 bits");
        ApiResponse slowAccepted = tenant.post("/v1/users/" + user + "/authenticators", slow);
        assertThat(slowAccepted.status()).as(slowAccepted.toString()).isEqualTo(200);
        assertThat(slowAccepted.json().path("warning").asString()).contains("period", "300", "60 seconds");
        String other = uid();
        weakItem.put("userId", other);
        JsonNode acceptedItem = tenant.post("/v1/users/authenticators", Map.of("authenticators", List.of(weakItem)))
                .json().path("results").get(0);
        assertThat(acceptedItem.path("success").asBoolean()).isTrue();
        assertThat(acceptedItem.path("warning").asString()).contains("112 bits");
        assertThat(authenticatorsOf(server, user)).isEqualTo(2);

        ApiResponse strong = tenant.post("/v1/users/" + user + "/authenticators",
                Map.of("verificationMethod", "AUTHENTICATOR_APP", "otpUri", otpUri(totpSecret()) + "&period=60"));
        assertThat(strong.status()).isEqualTo(200);
        assertThat(strong.json().has("warning")).as("a strong secret has no warning").isFalse();
        Map<String, Object> strongItem = Map.of("userId", other, "verificationMethod", "AUTHENTICATOR_APP",
                "otpUri", otpUri(totpSecret()));
        JsonNode strongResult = tenant.post("/v1/users/authenticators",
                Map.of("authenticators", List.of(strongItem))).json().path("results").get(0);
        assertThat(strongResult.path("success").asBoolean()).isTrue();
        assertThat(strongResult.has("warning")).isFalse();
    }

    @Test
    void items_of_one_batch_see_the_items_before_them_as_if_sent_one_by_one() {
        String a = uid();
        String b = uid();
        String credential = Passkeys.credentialId();
        String email = email();
        Map<String, Object> emailItem = Map.of("userId", a, "verificationMethod", "EMAIL_OTP", "email", email);
        Map<String, Object> sameEmailOtherCase = Map.of("userId", a, "verificationMethod", "EMAIL_OTP",
                "email", email.toUpperCase(java.util.Locale.ROOT));
        Map<String, Object> passkeyOfA = new HashMap<>(passkey(credential));
        passkeyOfA.put("userId", a);
        Map<String, Object> sameCredentialForB = new HashMap<>(passkey(credential));
        sameCredentialForB.put("userId", b);
        Map<String, Object> smsDefault = Map.of("userId", b, "verificationMethod", "SMS", "phoneNumber", phone(),
                "isDefault", true);
        Map<String, Object> emailDefault = Map.of("userId", b, "verificationMethod", "EMAIL_OTP", "email", email(),
                "isDefault", true);
        JsonNode results = api.post("/v1/users/authenticators", Map.of("authenticators",
                List.of(emailItem, sameEmailOtherCase, passkeyOfA, sameCredentialForB, smsDefault, emailDefault)))
                .json().path("results");
        assertThat(results.get(0).path("success").asBoolean()).isTrue();
        assertThat(results.get(1).path("authenticator").path("userAuthenticatorId").asString())
                .as("a repeat within the batch is the same authenticator")
                .isEqualTo(results.get(0).path("authenticator").path("userAuthenticatorId").asString());
        assertThat(results.get(2).path("success").asBoolean()).isTrue();
        assertThat(results.get(3).path("success").asBoolean()).isFalse();
        assertThat(results.get(3).path("errorCode").asString()).isEqualTo("conflict");
        assertThat(api.get("/v1/users/" + a + "/authenticators").json()).hasSize(2);
        assertThat(api.get("/v1/users/" + b + "/authenticators").json()).hasSize(2);
        assertThat(api.get("/v1/users/" + b).json().path("defaultVerificationMethod").asString())
                .as("the last isDefault item of a user wins").isEqualTo("EMAIL_OTP");
    }

    @Test
    void a_batch_of_1001_items_is_a_400_and_writes_nothing() {
        String tag = uid();
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(Map.of("userId", tag + "-" + i, "verificationMethod", "SMS", "phoneNumber", phone()));
        }
        ApiResponse r = api.post("/v1/users/authenticators", Map.of("authenticators", items));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorDescription()).contains("authenticators", "1000");
        assertThat(AuthenticatorFixtures.count(server, "SELECT COUNT(*) AS n FROM users WHERE user_id LIKE ?", tag + "-%"))
                .isZero();
    }

    @Test
    void a_retry_with_the_same_Idempotency_Key_replays_enroll_batch_and_delete_byte_for_byte() {
        String id = uid();
        Map<String, Object> body = sms(phone());
        ApiResponse first = keyed("POST", "/v1/users/" + id + "/authenticators", body, "enroll-" + id);
        api.delete("/v1/users/" + id + "/authenticators/"
                + first.json().path("authenticator").path("userAuthenticatorId").asString());
        ApiResponse replay = keyed("POST", "/v1/users/" + id + "/authenticators", body, "enroll-" + id);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(authenticatorsOf(server, id)).isZero(); // the replay wrote nothing
        ApiResponse different = keyed("POST", "/v1/users/" + id + "/authenticators", sms(phone()), "enroll-" + id);
        assertThat(different.status()).isEqualTo(409);

        String batchUser = uid();
        Map<String, Object> batch = Map.of("authenticators", List.of(Map.of("userId", batchUser,
                "verificationMethod", "EMAIL_OTP", "email", email())));
        ApiResponse batchFirst = keyed("POST", "/v1/users/authenticators", batch, "batch-" + batchUser);
        api.delete("/v1/users/" + batchUser);
        assertThat(keyed("POST", "/v1/users/authenticators", batch, "batch-" + batchUser).body())
                .isEqualTo(batchFirst.body());
        assertThat(authenticatorsOf(server, batchUser)).isZero();
        assertThat(keyed("POST", "/v1/users/authenticators", Map.of("authenticators", List.of()), "batch-" + batchUser)
                .status()).isEqualTo(409);

        String delUser = uid();
        String authId = enrollId(api, delUser, sms(phone()));
        String path = "/v1/users/" + delUser + "/authenticators/" + authId;
        ApiResponse delFirst = keyed("DELETE", path, null, "delete-" + delUser);
        String again = enrollId(api, delUser, sms(phone()));
        ApiResponse delReplay = keyed("DELETE", path, null, "delete-" + delUser);
        assertThat(delReplay.status()).isEqualTo(200);
        assertThat(delReplay.body()).isEqualTo(delFirst.body());
        assertThat(authenticatorsOf(server, delUser)).isEqualTo(1);
        assertThat(keyed("DELETE", "/v1/users/" + delUser + "/authenticators/" + again, null, "delete-" + delUser)
                .status()).isEqualTo(409);
    }

    private ApiResponse keyed(String method, String path, Object body, String key) {
        return api.send(method, path, body, Map.of("Idempotency-Key", key));
    }
}
