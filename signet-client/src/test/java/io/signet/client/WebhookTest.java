package io.signet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.client.model.WebhookEvent;
import io.signet.client.model.WebhookEventBatch;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The verifier against the contract's test vector (docs/server-api.md §9.5 "Test vector") and its failure messages. */
class WebhookTest {
    private static final String SECRET = "test-secret-key-123";
    private static final long T = 1740016316L;
    private static final String BODY = "{\"version\":1,\"id\":\"00000000-0000-0000-0000-000000000001\","
            + "\"source\":\"https://authsignal.com\",\"time\":\"2025-02-20T01:51:56.070Z\","
            + "\"tenantId\":\"00000000-0000-0000-0000-0000000000aa\",\"type\":\"authenticator.created\","
            + "\"data\":{\"userId\":\"user-1\",\"verificationMethod\":\"SMS\",\"createdAt\":\"2025-02-20T01:51:56.070Z\","
            + "\"userAuthenticatorId\":\"auth-1\",\"phoneNumber\":\"+6427000000\"}}";
    private static final String V2 = "dY0utPNKuzzBBzV4yvHF3GmpNsZb7dUHdNcoBCXuFzo";
    private static final String SECOND_KEY_V2 = "68FOOhGA0M01t/ZXJhh79q1i3xzIV+5eOcyb7WtvU1Y";

    private static Webhook at(String secret, long epochSecond) {
        return new Webhook(secret, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void the_contracts_test_vector_verifies_and_reads_as_an_event() throws Exception {
        WebhookEvent event = at(SECRET, T + 60).constructEvent(BODY, "t=" + T + ",v2=" + V2);
        assertThat(event.version).isEqualTo(1);
        assertThat(event.type).isEqualTo("authenticator.created");
        assertThat(event.id).isEqualTo("00000000-0000-0000-0000-000000000001");
        assertThat(event.source).isEqualTo("https://authsignal.com");
        assertThat(event.tenantId).isEqualTo("00000000-0000-0000-0000-0000000000aa");
        assertThat(event.data).containsEntry("userAuthenticatorId", "auth-1").containsEntry("phoneNumber", "+6427000000");
    }

    @Test
    void a_header_signed_by_two_active_keys_verifies_under_either() throws Exception {
        String header = "t=" + T + ",v2=" + SECOND_KEY_V2 + ",v2=" + V2;
        assertThat(new Webhook(SECRET).constructEvent(BODY, header, 0).type).isEqualTo("authenticator.created");
        assertThat(new Webhook("second-secret-key").constructEvent(BODY, header, 0).type)
                .isEqualTo("authenticator.created");
    }

    @Test
    void a_tampered_body_another_key_an_old_timestamp_and_a_bad_header_throw_InvalidSignatureException() {
        String header = "t=" + T + ",v2=" + V2;
        assertThatThrownBy(() -> at(SECRET, T).constructEvent(BODY.replace("user-1", "user-2"), header))
                .isInstanceOf(Webhook.InvalidSignatureException.class).hasMessage("Signature mismatch.");
        assertThatThrownBy(() -> at("sk_other", T).constructEvent(BODY, header))
                .isInstanceOf(Webhook.InvalidSignatureException.class).hasMessage("Signature mismatch.");
        assertThatThrownBy(() -> at(SECRET, T + 5 * 60 + 1).constructEvent(BODY, header))
                .isInstanceOf(Webhook.InvalidSignatureException.class)
                .hasMessage("Timestamp is outside the tolerance zone.");
        for (String bad : new String[] {"v2=" + V2, "t=" + T, "t=x,v2=" + V2, "", "t=" + T + ", v2=" + V2}) {
            assertThatThrownBy(() -> at(SECRET, T).constructEvent(BODY, bad))
                    .as(bad).isInstanceOf(Webhook.InvalidSignatureException.class);
        }
    }

    @Test
    void a_log_batch_is_read_by_constructLogEventBatch_and_refused_by_constructEvent() throws Exception {
        String batch = "{\"records\":[{\"version\":1,\"type\":\"action.log_created\",\"id\":\"r-1\","
                + "\"source\":\"https://authsignal.com\",\"time\":\"2025-02-20T01:51:56.070Z\",\"tenantId\":\"t-1\","
                + "\"record\":{\"userId\":\"user-1\",\"state\":\"ALLOW\"}}]}";
        Webhook signer = at(SECRET, T);
        String header = "t=" + T + ",v2=" + sign(batch);
        WebhookEventBatch read = signer.constructLogEventBatch(batch, header);
        assertThat(read.records).hasSize(1);
        assertThat(read.records.getFirst().record).containsEntry("state", "ALLOW");
        assertThatThrownBy(() -> signer.constructEvent(batch, header))
                .isInstanceOf(Webhook.InvalidPayloadException.class).hasMessageContaining("constructLogEventBatch");
        assertThatThrownBy(() -> signer.constructLogEventBatch(BODY, "t=" + T + ",v2=" + V2))
                .isInstanceOf(Webhook.InvalidPayloadException.class).hasMessageContaining("'records'");
    }

    /** The v2 signature of {@code body} at {@link #T}, computed independently of {@link Webhook}. */
    private static String sign(String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        return java.util.Base64.getEncoder().withoutPadding().encodeToString(
                mac.doFinal((T + "." + body).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
