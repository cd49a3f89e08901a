package io.signet.authenticator;

import io.signet.testing.Api;
import io.signet.testing.Backend;
import io.signet.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** One real server per suite class on the subclass's backend, shared by the authenticator suites. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerSuite {
    @TempDir
    static Path tempDir;
    TestServer server;
    Api api;

    abstract Backend backend();

    @BeforeAll
    void start() {
        server = TestServer.start(backend(), tempDir);
        api = server.api();
    }

    @AfterAll
    void stop() {
        server.close();
    }
}
