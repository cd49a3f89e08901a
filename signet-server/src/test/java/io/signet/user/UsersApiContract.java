package io.signet.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.store.StatementCounter;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.ServerSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The users endpoints through the real HTTP port; run once per storage backend by its subclasses. */
abstract class UsersApiContract extends ServerSuite {

    private static String uid() {
        return "user-" + java.util.UUID.randomUUID();
    }

    @Test
    void getUser_of_an_unknown_user_is_200_and_not_enrolled() {
        ApiResponse r = api.get("/v1/users/" + uid());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.json().path("isEnrolled").asBoolean(true)).isFalse();
        assertThat(r.json().has("email")).isFalse();
        assertThat(r.json().path("enrolledVerificationMethods").isArray()).isTrue();
    }

    @Test
    void updateUser_creates_the_user_and_echoes_every_attribute() {
        String id = uid();
        ApiResponse r = api.patch("/v1/users/" + id, Map.of(
                "email", "Jane@Example.com", "emailVerified", true,
                "phoneNumber", "+64271234567", "phoneNumberVerified", false,
                "username", "jane", "displayName", "Jane Smith", "custom", Map.of("foo", "bar")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("userId").asString()).isEqualTo(id);
        assertThat(r.json().path("emailVerified").asBoolean()).isTrue();
        assertThat(r.json().path("phoneNumberVerified").asBoolean()).isFalse();
        assertThat(r.json().path("custom").path("foo").asString()).isEqualTo("bar");

        ApiResponse got = api.get("/v1/users/" + id);
        assertThat(got.json().path("email").asString()).isEqualTo("Jane@Example.com");
        assertThat(got.json().path("phoneNumber").asString()).isEqualTo("+64271234567");
        assertThat(got.json().path("displayName").asString()).isEqualTo("Jane Smith");
    }

    @Test
    void updateUser_by_POST_works_like_PATCH_for_the_Java_and_Ruby_SDKs() {
        String id = uid();
        assertThat(api.post("/v1/users/" + id, Map.of("username", "by-post")).status()).isEqualTo(200);
        assertThat(api.get("/v1/users/" + id).json().path("username").asString()).isEqualTo("by-post");
    }

    @Test
    void updateUser_is_a_partial_merge_and_null_means_unchanged() {
        String id = uid();
        api.patch("/v1/users/" + id, Map.of("email", "a@example.com", "username", "alpha"));
        api.patch("/v1/users/" + id, "{\"username\":\"beta\",\"email\":null}");
        ApiResponse got = api.get("/v1/users/" + id);
        assertThat(got.json().path("email").asString()).isEqualTo("a@example.com");
        assertThat(got.json().path("username").asString()).isEqualTo("beta");
    }

    @Test
    void an_empty_string_clears_a_text_attribute() {
        String id = uid();
        api.patch("/v1/users/" + id, Map.of("email", "a@example.com"));
        api.patch("/v1/users/" + id, Map.of("email", ""));
        assertThat(api.get("/v1/users/" + id).json().has("email")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"email\":\"no-at-sign\"}",
            "{\"email\":\"Jane <jane@example.com>\"}",
            "{\"phoneNumber\":\"0270000000\"}",
            "{\"phoneNumber\":\"+1\"}",
            "{\"phoneNumber\":\"+64 27 abc\"}",
            "{\"custom\":\"text\"}",
            "{\"custom\":[1,2]}",
            "{\"emailVerified\":\"yes\"}",
            "{\"username\":{\"a\":1}}",
            "{\"defaultVerificationMethod\":\"CARRIER_PIGEON\"}",
            "{\"locale\":\"not a locale\"}",
            "[1,2,3]",
            "{\"email\":",
    })
    void bad_attributes_are_400_naming_the_field_and_write_nothing(String body) {
        String id = uid();
        ApiResponse r = api.patch("/v1/users/" + id, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("invalid_request");
        assertThat(r.errorDescription()).isNotBlank();
        assertThat(api.get("/v1/users?username=" + id).json().path("users")).isEmpty();
        assertThat(userExists(id)).isFalse();
    }

    @Test
    void the_error_description_names_the_field() {
        assertThat(api.patch("/v1/users/" + uid(), Map.of("phoneNumber", "+1")).errorDescription()).contains("phoneNumber");
        assertThat(api.patch("/v1/users/" + uid(), Map.of("email", "x")).errorDescription()).contains("email");
        assertThat(api.patch("/v1/users/" + uid(), "{\"emailVerified\":\"yes\"}").errorDescription()).contains("emailVerified");
    }

    @Test
    void custom_larger_than_16_KiB_is_refused() {
        String big = "x".repeat(17 * 1024);
        ApiResponse r = api.patch("/v1/users/" + uid(), Map.of("custom", Map.of("blob", big)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorDescription()).contains("custom").contains("16 KiB");
    }

    @Test
    void an_empty_PHP_array_for_custom_means_an_empty_object() {
        String id = uid();
        assertThat(api.patch("/v1/users/" + id, "{\"custom\":[]}").status()).isEqualTo(200);
        assertThat(api.get("/v1/users/" + id).json().path("custom").isObject()).isTrue();
    }

    @Test
    void a_user_id_longer_than_255_characters_is_refused() {
        ApiResponse r = api.patch("/v1/users/" + "u".repeat(256), Map.of("username", "x"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorDescription()).contains("userId");
    }

    @Test
    void percent_encoded_user_ids_are_decoded_once_and_plus_stays_plus() {
        api.patch("/v1/users/123%3Atest", Map.of("username", "colon"));
        assertThat(api.get("/v1/users/123:test").json().path("username").asString()).isEqualTo("colon");
        api.patch("/v1/users/a+b", Map.of("username", "plus"));
        assertThat(api.get("/v1/users/a%2Bb").json().path("userId").asString()).isEqualTo("a+b");
    }

    @Test
    void deleteUser_removes_the_user_and_answers_a_JSON_body() {
        String id = uid();
        api.patch("/v1/users/" + id, Map.of("email", "gone@example.com"));
        ApiResponse r = api.delete("/v1/users/" + id);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("success").asBoolean()).isTrue();
        assertThat(userExists(id)).isFalse();
        assertThat(api.get("/v1/users/" + id).json().has("email")).isFalse();
    }

    @Test
    void deleting_an_unknown_user_succeeds() {
        assertThat(api.delete("/v1/users/" + uid()).status()).isEqualTo(200);
    }

    @Test
    void queryUsers_filters_by_email_phone_and_username_and_pages() {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            api.patch("/v1/users/q-" + tag + "-" + i, Map.of("username", "team-" + tag));
        }
        api.patch("/v1/users/q-" + tag + "-0", Map.of("email", tag + "@Example.com", "phoneNumber", "+64271112233"));

        ApiResponse byEmail = api.get("/v1/users?email=" + tag + "%40example.com");
        assertThat(byEmail.json().path("users")).hasSize(1);
        assertThat(byEmail.json().path("users").get(0).path("userId").asString()).isEqualTo("q-" + tag + "-0");
        assertThat(byEmail.json().has("lastEvaluatedUserId")).isFalse();

        ApiResponse byPhone = api.get("/v1/users?phoneNumber=%2B64271112233&username=team-" + tag);
        assertThat(byPhone.json().path("users")).hasSize(1);

        ApiResponse page1 = api.get("/v1/users?username=team-" + tag + "&limit=2");
        assertThat(page1.json().path("users")).hasSize(2);
        String cursor = page1.json().path("lastEvaluatedUserId").asString();
        ApiResponse page2 = api.get("/v1/users?username=team-" + tag + "&limit=2&lastEvaluatedUserId=" + cursor);
        assertThat(page2.json().path("users")).hasSize(1);
        assertThat(page2.json().path("users").get(0).path("userId").asString()).isEqualTo("q-" + tag + "-2");

        assertThat(api.get("/v1/users?email=nobody-" + tag + "%40example.com").json().path("users")).isEmpty();
        assertThat(api.get("/v1/users?limit=0").status()).isEqualTo(400);
    }

    @Test
    void another_tenant_cannot_read_change_or_delete_a_user_with_the_same_id() {
        String id = uid();
        api.patch("/v1/users/" + id, Map.of("email", "owner@example.com"));
        Api other = server.newTenant("other-" + id);

        assertThat(other.get("/v1/users/" + id).json().has("email")).isFalse();
        assertThat(other.get("/v1/users?email=owner%40example.com").json().path("users")).isEmpty();
        other.patch("/v1/users/" + id, Map.of("email", "intruder@example.com"));
        assertThat(other.get("/v1/users/" + id).json().path("email").asString()).isEqualTo("intruder@example.com");
        assertThat(api.get("/v1/users/" + id).json().path("email").asString()).isEqualTo("owner@example.com");

        other.delete("/v1/users/" + id);
        assertThat(api.get("/v1/users/" + id).json().path("email").asString()).isEqualTo("owner@example.com");
    }

    @Test
    void fifty_concurrent_updates_of_different_fields_lose_nothing() throws Exception {
        String id = uid();
        List<Callable<ApiResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String key = "k" + i;
            // each request writes one distinct field: custom for half, the text attributes for the rest
            Object body = switch (i % 5) {
                case 0 -> Map.of("username", "user-" + id);
                case 1 -> Map.of("displayName", "Name " + id);
                case 2 -> Map.of("email", "c@example.com");
                case 3 -> Map.of("phoneNumber", "+64271234567");
                default -> Map.of("locale", "en-NZ");
            };
            calls.add(() -> api.patch("/v1/users/" + id, body));
            calls.add(() -> api.get("/v1/users/" + id + "?k=" + key));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(25)) {
            for (Future<ApiResponse> f : pool.invokeAll(calls)) {
                ApiResponse r = f.get();
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
            }
        }
        var user = api.get("/v1/users/" + id).json();
        assertThat(user.path("username").asString()).isEqualTo("user-" + id);
        assertThat(user.path("displayName").asString()).isEqualTo("Name " + id);
        assertThat(user.path("email").asString()).isEqualTo("c@example.com");
        assertThat(user.path("phoneNumber").asString()).isEqualTo("+64271234567");
    }

    private boolean userExists(String id) {
        return server.app().database().read(jdbc ->
                jdbc.count("SELECT COUNT(*) AS n FROM users WHERE user_id = ?", id)) > 0;
    }
    /**
     * A page of queryUsers costs the same statements whether it holds one user or fifty (the
     * users, then every shown user's enrollment at once), counted on a connection of the test's own.
     */
    @Test
    void a_page_of_users_is_read_in_a_fixed_number_of_queries_however_many_users_it_holds() throws Exception {
        String tag = "page" + System.nanoTime();
        for (int i = 0; i < 50; i++) {
            String id = tag + "-" + i;
            api.post("/v1/users/" + id + "/authenticators", Map.of("verificationMethod", "SMS",
                    "phoneNumber", "+6427" + (1_000_000 + i)));
            api.patch("/v1/users/" + id, Map.of("username", tag));
        }
        String tenantId = server.app().database().read(jdbc -> jdbc.queryOne(
                "SELECT tenant_id FROM users WHERE user_id = ?", r -> r.string("tenant_id"), tag + "-0")).orElseThrow();
        UserService users = io.signet.wiring.CoreServices.on(server.app().database(), server.encryptionKey(),
                () -> null, java.time.Clock.systemUTC()).users();
        try (StatementCounter counter = new StatementCounter(server.databaseUrl())) {
            QueryUsersResponse one = users.query(counter.jdbc(), tenantId, new UserQuery(null, null, tag, 1, null));
            int forOne = counter.take();
            QueryUsersResponse fifty = users.query(counter.jdbc(), tenantId, new UserQuery(null, null, tag, 50, null));
            int forFifty = counter.take();
            assertThat(one.users()).hasSize(1);
            assertThat(fifty.users()).hasSize(50).allSatisfy(u -> assertThat(u.isEnrolled()).isTrue());
            assertThat(forFifty).isEqualTo(forOne).isEqualTo(2);
        }
    }
}
