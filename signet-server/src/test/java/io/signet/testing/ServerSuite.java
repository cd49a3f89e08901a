package io.signet.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the API suites: one real server per test class on the subclass's backend, a client for the
 * default tenant, and the server's PostgreSQL database dropped afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServerSuite {
    @TempDir
    protected static Path tempDir;
    protected TestServer server;
    protected Api api;

    protected abstract Backend backend();

    /** Extra {@code SIGNET_*} settings of the suite's server. */
    protected Map<String, String> settings() {
        return Map.of();
    }

    /** The clock of the suite's server. */
    protected Clock clock() {
        return Clock.systemUTC();
    }

    @BeforeAll
    void start() {
        server = TestServer.start(backend(), tempDir, settings(), clock());
        api = server.api();
    }

    @AfterAll
    void stop() {
        server.closeAndDropDatabase();
    }
}
