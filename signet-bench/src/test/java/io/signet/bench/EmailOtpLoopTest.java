package io.signet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Backend;
import io.signet.testing.TestServer;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The email OTP scenario's driver completes real track, challenge and verify flows, none refused. */
class EmailOtpLoopTest {
    @TempDir
    Path tempDir;

    /** No warm-up: every iteration counts, so a cold JVM on a loaded machine still shows its flows. */
    @Test
    void simulated_users_verify_the_emailed_code_without_a_failure() throws Exception {
        try (TestServer server = TestServer.start(Backend.SQLITE, tempDir, EmailOtpLoop.SERVER_ENV,
                Clock.systemUTC())) {
            ClosedLoop.Result r = EmailOtpLoop.run(server.baseUrl(), TestServer.SECRET_KEY, 4, 0, 2);
            System.out.printf("email OTP verify: %.0f/s, p50 %.1f ms, p99 %.1f ms%n", r.ceremoniesPerSecond(),
                    r.p50Ms(), r.p99Ms());
            assertThat(r.failures()).isZero();
            assertThat(r.ceremoniesPerSecond()).isPositive();
            assertThat(r.p99Ms()).isGreaterThanOrEqualTo(r.p50Ms());
        }
    }
}
