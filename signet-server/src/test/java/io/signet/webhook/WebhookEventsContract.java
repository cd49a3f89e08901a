package io.signet.webhook;

import static io.signet.webhook.WebhookTesting.WAIT;
import static io.signet.webhook.WebhookTesting.body;
import static io.signet.webhook.WebhookTesting.createEndpoint;
import static io.signet.webhook.WebhookTesting.verifies;
import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.ApiResponse;
import io.signet.testing.Eventually;
import io.signet.testing.ManualClock;
import io.signet.testing.TestServer;
import io.signet.testing.WebhookReceiver;
import io.signet.testing.WebhookReceiver.Received;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The events Signet raises itself: authenticator.updated, the synchronous action.verify veto and
 * the batched action/challenge log feeds, each through the real flows that cause them. SMS codes reach the
 * test through a second receiver subscribed to sms.created.
 */
abstract class WebhookEventsContract extends WebhookServerFixture {
    final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    private WebhookReceiver codes;

    @Override
    protected Map<String, String> settings() {
        return Map.of("SIGNET_WEBHOOK_ALLOW_PRIVATE", "true", "SIGNET_WEBHOOK_POLL_MILLIS", "50");
    }

    @Override
    protected Clock clock() {
        return clock;
    }

    @BeforeEach
    void startCodeReceiver() {
        codes = WebhookReceiver.start();
        createEndpoint(api, codes.url(), EventTypes.SMS_CREATED);
    }

    @AfterEach
    void stopCodeReceiver() {
        codes.close();
    }

    private static String user() {
        return "user-" + UUID.randomUUID();
    }

    private static String phone() {
        return "+6427" + (1_000_000 + (int) (Math.random() * 8_999_999));
    }

    /** Enrolls SMS for a new user and tracks signIn (CHALLENGE_REQUIRED); returns {userId, idempotencyKey, token}. */
    private String[] trackedSms() {
        String userId = user();
        assertThat(api.post("/v1/users/" + userId + "/authenticators",
                Map.of("verificationMethod", "SMS", "phoneNumber", phone())).status()).isEqualTo(200);
        JsonNode t = api.post("/v1/users/" + userId + "/actions/signIn", Map.of()).json();
        assertThat(t.path("state").asString()).isEqualTo("CHALLENGE_REQUIRED");
        return new String[] {userId, t.path("idempotencyKey").asString(), t.path("token").asString()};
    }

    /** Starts an SMS challenge and verifies it with the code sms.created carried; returns verify's answer. */
    private JsonNode challengeAndVerify(String userId, String idempotencyKey) {
        int before = codes.received().size();
        ApiResponse c = api.post("/v1/challenge", idempotencyKey == null
                ? Map.of("verificationMethod", "SMS", "action", "signIn", "userId", userId)
                : Map.of("verificationMethod", "SMS", "action", "signIn", "userId", userId,
                        "idempotencyKey", idempotencyKey));
        assertThat(c.status()).as(c.toString()).isEqualTo(200);
        String code = body(codes.awaitCount(before + 1, WAIT).get(before)).path("data").path("code").asString();
        JsonNode v = api.post("/v1/verify", Map.of("challengeId", c.json().path("challengeId").asString(),
                "verificationCode", code)).json();
        assertThat(v.path("isVerified").asBoolean()).as(v.toString()).isTrue();
        return c.json();
    }

    private JsonNode validate(String token) {
        return api.post("/v1/validate", Map.of("token", token)).json();
    }

    /** The first request to {@code receiver} whose body satisfies {@code match}, waiting for it. */
    private Received awaitRequest(Predicate<JsonNode> match) {
        return Eventually.await(() -> receiver.received().stream().filter(r -> match.test(body(r))).findFirst()
                .orElse(null), r -> r != null, WAIT);
    }

    @Test
    void a_verification_stamps_lastVerifiedAt_and_sends_authenticator_updated() {
        createEndpoint(api, receiver.url(), EventTypes.AUTHENTICATOR_UPDATED);
        String[] t = trackedSms();
        challengeAndVerify(t[0], t[1]);
        Received r = awaitRequest(b -> b.path("type").asString().equals("authenticator.updated")
                && b.path("data").path("userId").asString().equals(t[0]));
        assertThat(verifies(r, TestServer.SECRET_KEY)).isTrue();
        JsonNode data = body(r).path("data");
        JsonNode listed = api.get("/v1/users/" + t[0] + "/authenticators").json().get(0);
        assertThat(data.path("userAuthenticatorId").asString()).isEqualTo(listed.path("userAuthenticatorId").asString());
        assertThat(data.path("lastVerifiedAt").asString()).isEqualTo(listed.path("lastVerifiedAt").asString())
                .isNotEmpty();
        assertThat(data.path("verificationMethod").asString()).isEqualTo("SMS");
    }

    @Test
    void making_an_enrolled_authenticator_the_default_sends_authenticator_updated_once() {
        createEndpoint(api, receiver.url(), EventTypes.AUTHENTICATOR_UPDATED);
        String userId = user();
        api.post("/v1/users/" + userId + "/authenticators", Map.of("verificationMethod", "SMS", "phoneNumber", phone()));
        String email = "default-" + UUID.randomUUID() + "@example.com";
        Map<String, Object> emailOtp = Map.of("verificationMethod", "EMAIL_OTP", "email", email);
        String id = api.post("/v1/users/" + userId + "/authenticators", emailOtp).json().path("authenticator")
                .path("userAuthenticatorId").asString();
        Map<String, Object> asDefault = Map.of("verificationMethod", "EMAIL_OTP", "email", email, "isDefault", true);
        api.post("/v1/users/" + userId + "/authenticators", asDefault);
        api.post("/v1/users/" + userId + "/authenticators", asDefault); // already the default: no change, no event
        Received r = awaitRequest(b -> b.path("data").path("userId").asString().equals(userId));
        assertThat(body(r).path("data").path("userAuthenticatorId").asString()).isEqualTo(id);
        assertThat(body(r).path("data").path("isDefault").asString()).isEqualTo("true");
        api.post("/v1/users/" + user() + "/authenticators", Map.of("verificationMethod", "SMS", "phoneNumber", phone(),
                "isDefault", true)); // a new authenticator is created, not updated
        assertThat(receiver.received().stream().filter(x -> body(x).path("data").path("userId").asString()
                .equals(userId)).count()).isEqualTo(1);
    }

    @Test
    void an_action_verify_endpoint_that_answers_non_2xx_keeps_the_action_from_CHALLENGE_SUCCEEDED() {
        createEndpoint(api, receiver.url(), EventTypes.ACTION_VERIFY);
        receiver.answer(n -> 403);
        String[] t = trackedSms();
        challengeAndVerify(t[0], t[1]);

        JsonNode v = validate(t[2]);
        assertThat(v.path("isValid").asBoolean(true)).isFalse();
        assertThat(v.path("state").asString()).isEqualTo("CHALLENGE_FAILED");
        Received call = receiver.received().getFirst();
        assertThat(verifies(call, TestServer.SECRET_KEY)).isTrue();
        JsonNode event = body(call);
        assertThat(event.path("type").asString()).isEqualTo("action.verify");
        assertThat(event.path("data").path("userId").asString()).isEqualTo(t[0]);
        assertThat(event.path("data").path("actionCode").asString()).isEqualTo("signIn");
        assertThat(event.path("data").path("idempotencyKey").asString()).isEqualTo(t[1]);
        assertThat(event.path("data").path("verificationMethod").asString()).isEqualTo("SMS");
    }

    @Test
    void an_action_verify_endpoint_that_answers_2xx_lets_the_action_succeed() {
        createEndpoint(api, receiver.url(), EventTypes.ACTION_VERIFY);
        String[] t = trackedSms();
        challengeAndVerify(t[0], t[1]);
        assertThat(validate(t[2]).path("state").asString()).isEqualTo("CHALLENGE_SUCCEEDED");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void the_veto_also_holds_for_a_challenge_claimed_without_track() {
        createEndpoint(api, receiver.url(), EventTypes.ACTION_VERIFY);
        receiver.answer(n -> 500);
        String userId = user();
        api.post("/v1/users/" + userId + "/authenticators", Map.of("verificationMethod", "SMS", "phoneNumber", phone()));
        JsonNode c = challengeAndVerify(userId, null);
        JsonNode claimed = api.post("/v1/claim", Map.of("challengeId", c.path("challengeId").asString(),
                "userId", userId)).json();
        JsonNode v = validate(claimed.path("token").asString());
        assertThat(v.path("isValid").asBoolean(true)).as(v.toString()).isFalse();
        assertThat(v.path("state").asString()).isEqualTo("CHALLENGE_FAILED");
    }

    @Test
    void log_records_due_together_go_out_in_one_request_in_the_records_envelope() throws Exception {
        createEndpoint(api, receiver.url(), EventTypes.ACTION_LOG_CREATED, EventTypes.CHALLENGE_LOG_CREATED);
        CountDownLatch held = new CountDownLatch(1);
        receiver.answer(n -> {
            if (n == 0) { // holds the worker on the first request while more records become due
                try {
                    held.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return 200;
        });
        api.post("/v1/users/" + user() + "/actions/transfer", Map.of());
        receiver.awaitCount(1, WAIT);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            users.add(user());
            api.post("/v1/users/" + users.getLast() + "/actions/transfer", Map.of());
        }
        held.countDown();

        Received batch = receiver.awaitCount(2, WAIT).get(1);
        assertThat(verifies(batch, TestServer.SECRET_KEY)).isTrue();
        assertThat(batch.body()).startsWith("{\"records\":[{\"version\":1,");
        JsonNode records = body(batch).path("records");
        assertThat(records.size()).isEqualTo(3);
        List<String> logged = new ArrayList<>();
        for (JsonNode record : records) {
            assertThat(record.path("type").asString()).isEqualTo("action.log_created");
            assertThat(record.path("source").asString()).isEqualTo("https://authsignal.com");
            assertThat(record.path("id").asString()).isNotEmpty();
            assertThat(record.path("time").asString()).isNotEmpty();
            assertThat(record.path("tenantId").asString()).isEqualTo(WebhookTesting.tenantId(server));
            assertThat(record.has("data")).isFalse();
            assertThat(record.path("record").path("actionCode").asString()).isEqualTo("transfer");
            assertThat(record.path("record").path("state").asString()).isEqualTo("ALLOW");
            logged.add(record.path("record").path("userId").asString());
        }
        assertThat(logged).containsExactlyInAnyOrderElementsOf(users);
    }

    @Test
    void log_records_take_no_sequence_number_so_the_events_numbers_stay_without_gaps() {
        createEndpoint(api, receiver.url(), EventTypes.AUTHENTICATOR_CREATED, EventTypes.ACTION_LOG_CREATED);
        String userId = user();
        api.post("/v1/users/" + userId + "/authenticators", Map.of("verificationMethod", "SMS", "phoneNumber", phone()));
        api.post("/v1/users/" + userId + "/actions/signIn", Map.of());
        api.post("/v1/users/" + userId + "/authenticators", Map.of("verificationMethod", "EMAIL_OTP",
                "email", "seq-" + UUID.randomUUID() + "@example.com"));
        List<Long> sequences = Eventually.await(() -> receiver.received().stream().map(WebhookTesting::body)
                .filter(b -> b.path("type").asString().equals("authenticator.created")
                        && b.path("data").path("userId").asString().equals(userId))
                .map(b -> b.path("sequence").asLong()).sorted().toList(), l -> l.size() == 2, WAIT);
        assertThat(sequences.get(1)).isEqualTo(sequences.get(0) + 1);
        JsonNode log = body(awaitRequest(b -> b.has("records"))).path("records").get(0);
        assertThat(log.has("sequence")).isFalse();
    }

    @Test
    void a_challenge_logs_its_creation_and_its_verification_and_an_action_its_state_changes() {
        createEndpoint(api, receiver.url(), EventTypes.ACTION_LOG_CREATED, EventTypes.CHALLENGE_LOG_CREATED);
        String[] t = trackedSms();
        JsonNode c = challengeAndVerify(t[0], t[1]);
        List<JsonNode> records = Eventually.await(() -> receiver.received().stream()
                        .flatMap(r -> body(r).path("records").valueStream())
                        .filter(r -> r.path("record").path("userId").asString().equals(t[0])).toList(),
                l -> l.size() >= 4, WAIT);
        List<String> steps = records.stream().map(r -> r.path("type").asString() + " "
                + r.path("record").path("state").asString("") + r.path("record").path("step").asString("")).toList();
        assertThat(steps).containsExactlyInAnyOrder("action.log_created CHALLENGE_REQUIRED",
                "challenge.log_created CREATED", "challenge.log_created VERIFIED",
                "action.log_created CHALLENGE_SUCCEEDED");
        assertThat(records.stream().filter(r -> r.path("type").asString().equals("challenge.log_created"))
                .allMatch(r -> r.path("record").path("challengeId").asString()
                        .equals(c.path("challengeId").asString()))).isTrue();
    }

    @Test
    void an_event_type_Signet_cannot_send_is_refused_at_subscription_and_star_does_not_imply_the_log_feeds() {
        ApiResponse push = api.post("/admin/v1/webhooks", Map.of("url", receiver.url(), "eventTypes",
                List.of("push.created")));
        assertThat(push.status()).isEqualTo(400);
        assertThat(push.errorDescription()).contains("push.created", "never sends", "no push authenticator");
        ApiResponse unknown = api.post("/admin/v1/webhooks", Map.of("url", receiver.url(), "eventTypes",
                List.of("user.created")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorDescription()).contains("action.log_created", "authenticator.updated", "action.verify");

        createEndpoint(api, receiver.url(), "*");
        String userId = user();
        api.post("/v1/users/" + userId + "/actions/signIn", Map.of());
        api.post("/v1/users/" + userId + "/authenticators", Map.of("verificationMethod", "SMS", "phoneNumber", phone()));
        Received created = awaitRequest(b -> b.path("data").path("userId").asString().equals(userId));
        assertThat(body(created).path("type").asString()).isEqualTo("authenticator.created");
        assertThat(receiver.received()).allMatch(r -> !r.body().startsWith("{\"records\""));
    }
}
