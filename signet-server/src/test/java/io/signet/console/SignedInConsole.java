package io.signet.console;

import io.signet.testing.Backend;
import io.signet.testing.ManualClock;
import io.signet.testing.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh server per test on a clock the test moves, with an operator enrolled through the CLI's link (an
 * authenticator app) and signed in: the start of every console contract.
 */
abstract class SignedInConsole {
    @TempDir
    Path tempDir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T09:00:00Z"));
    TestServer server;
    ConsoleVisitor operator;

    abstract Backend backend();

    @BeforeEach
    void start() {
        server = TestServer.start(backend(), tempDir, Map.of("SIGNET_PUBLIC_URL", "http://localhost:9999"), clock);
        operator = new ConsoleVisitor(server);
        operator.enrolWithApp(ConsoleVisitor.invite(server, "ops@example.com"), clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }
}
