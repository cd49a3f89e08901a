package io.signet.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signature scheme against the test vector of docs/server-api.md §9.5 "Test vector". */
class WebhookSignerTest {
    static final long T = 1740016316L;
    static final String BODY = "{\"version\":1,\"id\":\"00000000-0000-0000-0000-000000000001\",\"source\":"
            + "\"https://authsignal.com\",\"time\":\"2025-02-20T01:51:56.070Z\",\"tenantId\":"
            + "\"00000000-0000-0000-0000-0000000000aa\",\"type\":\"authenticator.created\",\"data\":{\"userId\":"
            + "\"user-1\",\"verificationMethod\":\"SMS\",\"createdAt\":\"2025-02-20T01:51:56.070Z\","
            + "\"userAuthenticatorId\":\"auth-1\",\"phoneNumber\":\"+6427000000\"}}";
    static final String FIRST = "dY0utPNKuzzBBzV4yvHF3GmpNsZb7dUHdNcoBCXuFzo";
    static final String SECOND = "68FOOhGA0M01t/ZXJhh79q1i3xzIV+5eOcyb7WtvU1Y";

    @Test
    void one_active_key_gives_the_contract_test_vector() {
        assertThat(WebhookSigner.header(T, BODY, List.of("test-secret-key-123")))
                .isEqualTo("t=1740016316,v2=" + FIRST);
    }

    @Test
    void two_active_keys_give_one_signature_each_without_spaces() {
        assertThat(WebhookSigner.header(T, BODY, List.of("second-secret-key", "test-secret-key-123")))
                .isEqualTo("t=1740016316,v2=" + SECOND + ",v2=" + FIRST);
    }

    @Test
    void a_tenant_without_an_active_key_cannot_sign() {
        assertThatThrownBy(() -> WebhookSigner.header(T, BODY, List.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_envelope_is_the_contract_body_byte_for_byte_plus_the_sequence() {
        Map<String, String> data = new java.util.LinkedHashMap<>();
        data.put("userId", "user-1");
        data.put("verificationMethod", "SMS");
        data.put("createdAt", "2025-02-20T01:51:56.070Z");
        data.put("userAuthenticatorId", "auth-1");
        data.put("phoneNumber", "+6427000000");
        data.put("email", null);
        Event event = new Event("00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-0000000000aa",
                "user-1", "authenticator.created", data, 1740016316070L, null);
        assertThat(event.body()).isEqualTo(BODY);
        Event sequenced = new Event(event.eventId(), event.tenantId(), event.userId(), event.type(), data,
                event.createdAt(), 42L);
        assertThat(sequenced.body()).isEqualTo(BODY.substring(0, BODY.length() - 1) + ",\"sequence\":42}");
    }
}
