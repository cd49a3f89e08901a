package io.signet.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.TestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no mail server or carrier, sending is refused before anything is written, saying how to fix it. */
class DeliveryConfigIT {
    @TempDir
    Path tempDir;

    @Test
    void without_any_sender_email_and_SMS_challenges_are_refused_with_instructions() {
        try (TestServer server = TestServer.start(Backend.SQLITE, tempDir)) {
            ApiResponse email = server.api().post("/v1/challenge", Map.of("verificationMethod", "EMAIL_OTP",
                    "action", "signIn", "email", "a@example.com"));
            assertThat(email.status()).isEqualTo(400);
            assertThat(email.errorCode()).isEqualTo("invalid_configuration");
            assertThat(email.errorDescription()).contains("SIGNET_SMTP_URL").contains("SIGNET_DEV_DELIVERY=stdout");
            ApiResponse sms = server.api().post("/v1/challenge", Map.of("verificationMethod", "SMS",
                    "action", "signIn", "phoneNumber", "+64211234567"));
            assertThat(sms.errorDescription()).contains("SIGNET_SMS_TWILIO_ACCOUNT_SID");
            long rows = server.app().database().read(jdbc -> jdbc.count("SELECT COUNT(*) AS n FROM challenges"));
            assertThat(rows).isZero();
        }
    }

    @Test
    void dev_delivery_stdout_accepts_challenges_without_a_sender() {
        try (TestServer server = TestServer.start(Backend.SQLITE, tempDir, Map.of("SIGNET_DEV_DELIVERY", "stdout"),
                Clock.systemUTC())) {
            ApiResponse r = server.api().post("/v1/challenge", Map.of("verificationMethod", "SMS",
                    "action", "signIn", "phoneNumber", "+64211234567"));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().path("challengeId").asString()).isNotBlank();
        }
    }
}
