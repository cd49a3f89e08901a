package io.signet.challenge;

import static io.signet.challenge.ChallengeHarness.codeIn;
import static io.signet.challenge.ChallengeHarness.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.WebhookReceiver;
import io.signet.wire.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A tenant that subscribes to email.created / sms.created delivers its codes itself (docs/server-api.md
 * §9.4 "Event types"): Signet calls its endpoint, signed, instead of its own mail server or carrier.
 */
class TenantDeliveryIT extends ChallengeSuite {
    private final WebhookReceiver receiver = WebhookReceiver.start();

    @Override
    Backend backend() {
        return Backend.SQLITE;
    }

    @Override
    Map<String, String> settings() {
        return Map.of("SIGNET_WEBHOOK_ALLOW_PRIVATE", "true", "SIGNET_WEBHOOK_TIMEOUT_MILLIS", "2000");
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    private Api tenantWithHook(String eventType) {
        Api tenant = h.server.newTenant("hooks-" + eventType + "-" + System.nanoTime());
        ApiResponse r = tenant.post("/admin/v1/webhooks", Map.of("url", receiver.url(), "eventTypes",
                List.of(eventType)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return tenant;
    }

    private JsonNode lastEvent() {
        List<WebhookReceiver.Received> all = receiver.received();
        WebhookReceiver.Received last = all.getLast();
        assertThat(last.signature()).startsWith("t=").contains(",v2=");
        return Json.MAPPER.readTree(last.body());
    }

    @Test
    void email_created_hands_the_code_to_the_tenant_instead_of_SMTP() {
        Api tenant = tenantWithHook("email.created");
        String email = newEmail();
        String id = tenant.post("/v1/challenge", Map.of("verificationMethod", "EMAIL_OTP", "action", "signIn",
                "email", email, "userId", "u-hook")).json().path("challengeId").asString();
        JsonNode event = lastEvent();
        assertThat(event.path("type").asString()).isEqualTo("email.created");
        JsonNode data = event.path("data");
        assertThat(data.path("to").asString()).isEqualTo(email);
        assertThat(data.path("userId").asString()).isEqualTo("u-hook");
        assertThat(data.path("actionCode").asString()).isEqualTo("signIn");
        assertThat(data.path("verificationMethod").asString()).isEqualTo("EMAIL_OTP");
        assertThat(h.mailsTo(email)).isZero();
        JsonNode ok = tenant.post("/v1/verify", Map.of("challengeId", id,
                "verificationCode", codeIn(data.path("code").asString()))).json();
        assertThat(ok.path("isVerified").asBoolean()).isTrue();
    }

    @Test
    void sms_created_carries_the_code_and_a_refusing_endpoint_fails_the_challenge() {
        Api tenant = tenantWithHook("sms.created");
        String phone = ChallengeHarness.newPhone();
        tenant.post("/v1/challenge", Map.of("verificationMethod", "SMS", "action", "signIn", "phoneNumber", phone));
        JsonNode data = lastEvent().path("data");
        assertThat(data.path("to").asString()).isEqualTo(phone);
        assertThat(data.path("code").asString()).matches("\\d{6}");
        assertThat(data.path("smsChannel").asString()).isEqualTo("DEFAULT");

        long before = h.challengeRows();
        receiver.answer(n -> 500);
        try {
            ApiResponse refused = tenant.post("/v1/challenge", Map.of("verificationMethod", "SMS", "action",
                    "signIn", "phoneNumber", phone));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.errorDescription()).contains("sms.created");
        } finally {
            receiver.answer(n -> 200);
        }
        assertThat(h.challengeRows()).isEqualTo(before);
        assertThat(h.carrier.received().stream().noneMatch(s -> s.to().equals(phone))).isTrue();
    }

    @Test
    void a_tenant_without_the_hook_still_uses_the_configured_mail_server() {
        String email = newEmail();
        h.start("EMAIL_OTP", "email", email);
        assertThat(h.mailsTo(email)).isEqualTo(1);
    }
}
