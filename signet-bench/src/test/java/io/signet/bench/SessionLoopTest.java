package io.signet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Backend;
import io.signet.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The createSession + refresh scenario's driver completes real flows, none refused. */
class SessionLoopTest {
    @TempDir
    Path tempDir;

    /** No warm-up: every iteration counts, so a cold JVM on a loaded machine still shows its flows. */
    @Test
    void simulated_apps_create_and_refresh_sessions_without_a_failure() throws Exception {
        try (TestServer server = TestServer.start(Backend.SQLITE, tempDir)) {
            ClosedLoop.Result r = SessionLoop.run(server.baseUrl(), TestServer.SECRET_KEY, 4, 0, 2);
            assertThat(r.failures()).isZero();
            assertThat(r.ceremoniesPerSecond()).isPositive();
        }
    }
}
