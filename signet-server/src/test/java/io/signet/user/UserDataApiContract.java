package io.signet.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.ServerSuite;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Signet accepts as user data, and the tenant settings that tighten or loosen it:
 * phone numbers in E.164 form, strict validation on request; a user's custom data readable by every
 * official SDK unless the tenant allows nested values.
 */
abstract class UserDataApiContract extends ServerSuite {

    private static String uid() {
        return "user-" + UUID.randomUUID();
    }

    private static Map<String, Object> sms(String phone) {
        return Map.of("verificationMethod", "SMS", "phoneNumber", phone);
    }

    @Test
    void a_pre_verified_enrollment_takes_any_number_in_E164_form_such_as_the_documentation_example() {
        String id = uid();
        ApiResponse r = api.post("/v1/users/" + id + "/authenticators", sms("+123456789012"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("authenticator").path("phoneNumber").asString()).isEqualTo("+123456789012");
        assertThat(r.json().path("authenticator").path("verificationMethod").asString()).isEqualTo("SMS");
    }

    @Test
    void separators_are_dropped_and_the_normalised_number_is_stored_and_matched() {
        String id = uid();
        ApiResponse first = api.post("/v1/users/" + id + "/authenticators", sms("+64 27 555-0101"));
        assertThat(first.json().path("authenticator").path("phoneNumber").asString()).isEqualTo("+64275550101");
        ApiResponse again = api.post("/v1/users/" + id + "/authenticators", sms("+64275550101"));
        assertThat(again.json().path("authenticator").path("userAuthenticatorId").asString())
                .isEqualTo(first.json().path("authenticator").path("userAuthenticatorId").asString());
        ApiResponse user = api.patch("/v1/users/" + id, Map.of("phoneNumber", "+1 (415) 555-2671"));
        assertThat(user.json().path("phoneNumber").asString()).isEqualTo("+14155552671");
    }

    @Test
    void a_number_not_in_E164_form_is_a_400_that_says_what_the_form_is() {
        ApiResponse r = api.post("/v1/users/" + uid() + "/authenticators", sms("0211234567"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("invalid_request");
        assertThat(r.errorDescription()).isEqualTo("'phoneNumber' must be a phone number in E.164 format: + and 8 to "
                + "15 digits, the first not 0, for example +64270000000.");
        assertThat(api.post("/v1/users/" + uid() + "/actions/signIn", Map.of("phoneNumber", "+1234567")).status())
                .isEqualTo(400);
    }

    @Test
    void strictPhoneValidation_refuses_numbers_libphonenumber_does_not_know_everywhere_numbers_are_stored() {
        Api tenant = server.newTenant("strict-" + uid());
        ApiResponse on = tenant.patch("/admin/v1/settings", Map.of("strictPhoneValidation", true));
        assertThat(on.json().path("strictPhoneValidation").asBoolean()).isTrue();
        String id = uid();

        ApiResponse enroll = tenant.post("/v1/users/" + id + "/authenticators", sms("+123456789012"));
        assertThat(enroll.status()).isEqualTo(400);
        assertThat(enroll.errorDescription()).contains("phoneNumber", "strictPhoneValidation");
        assertThat(tenant.patch("/v1/users/" + id, Map.of("phoneNumber", "+123456789012")).status()).isEqualTo(400);
        assertThat(tenant.post("/v1/users/" + id + "/actions/signIn", Map.of("phoneNumber", "+123456789012"))
                .status()).isEqualTo(400);
        ApiResponse batch = tenant.post("/v1/users/authenticators", Map.of("authenticators",
                java.util.List.of(Map.of("userId", id, "verificationMethod", "SMS", "phoneNumber", "+123456789012"))));
        assertThat(batch.json().path("failed").asInt()).isEqualTo(1);
        assertThat(tenant.post("/v1/users/" + id + "/authenticators", sms("+64275550199")).status()).isEqualTo(200);

        tenant.patch("/admin/v1/settings", Map.of("strictPhoneValidation", false));
        assertThat(tenant.post("/v1/users/" + id + "/authenticators", sms("+123456789012")).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"address\": {\"city\": \"Wellington\"}}", "{\"roles\": [\"admin\"]}"})
    void nested_user_custom_data_is_a_400_saying_why_and_nothing_is_stored(String custom) {
        String id = uid();
        api.patch("/v1/users/" + id, Map.of("custom", Map.of("plan", "pro")));
        ApiResponse r = api.patch("/v1/users/" + id, "{\"custom\": " + custom + "}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("invalid_request");
        assertThat(r.errorDescription()).startsWith("'custom.").contains("Java and .NET SDKs",
                "map of strings", "allowNestedCustomData");
        assertThat(api.post("/v1/users/" + id, "{\"custom\": " + custom + "}").status()).isEqualTo(400);
        assertThat(api.get("/v1/users/" + id).json().path("custom").toString()).isEqualTo("{\"plan\":\"pro\"}");
    }

    @Test
    void strings_numbers_booleans_and_null_stay_allowed_in_user_custom() {
        String id = uid();
        ApiResponse r = api.patch("/v1/users/" + id,
                "{\"custom\": {\"tier\": \"gold\", \"score\": 25, \"ratio\": 0.5, \"vip\": true, \"note\": null}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(api.get("/v1/users/" + id).json().path("custom").path("score").asInt()).isEqualTo(25);
    }

    @Test
    void allowNestedCustomData_lets_a_tenant_store_nested_values_and_tracks_custom_is_the_actions_either_way() {
        String id = uid();
        ApiResponse tracked = api.post("/v1/users/" + id + "/actions/signIn",
                "{\"custom\": {\"cart\": [{\"sku\": \"A1\"}]}}");
        assertThat(tracked.status()).as("an action's custom is not user data").isEqualTo(200);

        Api tenant = server.newTenant("nested-" + uid());
        assertThat(tenant.patch("/admin/v1/settings", Map.of("allowNestedCustomData", true)).json()
                .path("allowNestedCustomData").asBoolean()).isTrue();
        ApiResponse r = tenant.patch("/v1/users/" + id, "{\"custom\": {\"address\": {\"city\": \"Wellington\"}}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(tenant.get("/v1/users/" + id).json().path("custom").path("address").path("city").asString())
                .isEqualTo("Wellington");
    }
}
