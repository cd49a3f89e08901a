package io.signet.testing;

import io.signet.SignetApp;
import io.signet.config.SignetConfig;
import io.signet.crypto.RandomTokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Signet on a free port with a fresh database and a known secret key. Close it after the test.
 */
public final class TestServer implements AutoCloseable {
    public static final String SECRET_KEY = "sk_test_signet_0123456789abcdef";

    private final SignetApp app;
    private final String databaseUrl;
    private final byte[] encryptionKey;

    private TestServer(SignetApp app, String databaseUrl, byte[] encryptionKey) {
        this.app = app;
        this.databaseUrl = databaseUrl;
        this.encryptionKey = encryptionKey;
    }

    public static TestServer start(Backend backend, Path tempDir) {
        return start(backend, tempDir, Map.of(), Clock.systemUTC());
    }

    /** Starts with extra {@code SIGNET_*} settings (for example SMTP) and a clock of the test's choosing. */
    public static TestServer start(Backend backend, Path tempDir, Map<String, String> extraEnv, Clock clock) {
        return startOn(TestDatabases.fresh(backend, tempDir), RandomTokens.bytes(32), extraEnv, clock);
    }

    /** Starts on an existing database, e.g. to restart a server or run a second node. */
    public static TestServer startOn(String databaseUrl, byte[] encryptionKey, Map<String, String> extraEnv, Clock clock) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("SIGNET_PORT", "0");
        env.put("SIGNET_DATABASE_URL", databaseUrl);
        env.put("SIGNET_SECRET_KEY", SECRET_KEY);
        env.put("SIGNET_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(encryptionKey));
        SignetConfig config = SignetConfig.from(env, List.of());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new TestServer(SignetApp.start(config, clock, quiet), databaseUrl, encryptionKey);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    /** A client for the default tenant. */
    public Api api() {
        return new Api(baseUrl(), SECRET_KEY);
    }

    /** Creates another tenant and returns a client authenticated as it. */
    public Api newTenant(String name) {
        return new Api(baseUrl(), app.tenants().create(name, java.util.Optional.empty()).secretKey());
    }

    public SignetApp app() {
        return app;
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    public byte[] encryptionKey() {
        return encryptionKey.clone();
    }

    @Override
    public void close() {
        app.close();
    }

    /** Stops the server and drops its PostgreSQL database; use when no other node shares it. */
    public void closeAndDropDatabase() {
        close();
        TestDatabases.dropIfPostgres(databaseUrl);
    }
}
