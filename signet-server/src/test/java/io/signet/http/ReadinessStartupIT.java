package io.signet.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.signet.caller.ClientAuthenticator;
import io.signet.caller.ClientPrincipal;
import io.signet.crypto.Encryptor;
import io.signet.crypto.RandomTokens;
import io.signet.idempotency.JdbcIdempotencyStore;
import io.signet.store.Database;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The port opens before start-up ends (the bootstrap file is applied after it): readiness waits for the end. */
class ReadinessStartupIT {
    /** No Client API in this test: nothing is accepted. */
    private static final ClientAuthenticator NO_CLIENT_API = new ClientAuthenticator() {
        @Override
        public ClientPrincipal.Bearer bearer(String token) {
            throw new AssertionError("no Client API in this test");
        }

        @Override
        public Optional<ClientPrincipal.Tenant> tenant(String publicTenantId) {
            return Optional.empty();
        }

        @Override
        public boolean allowsOrigin(String tenantId, String origin) {
            return false;
        }

        @Override
        public boolean anyTenantAllowsOrigin(String origin) {
            return false;
        }
    };

    @TempDir
    Path tempDir;

    @Test
    void ready_is_down_until_start_up_has_finished() {
        try (Database db = Database.open(TestDatabases.fresh(Backend.SQLITE, tempDir), 1)) {
            Health health = new Health(db, db.migrations().latestKnown());
            try (HttpServer http = HttpServer.start(new HttpServer.Listeners("127.0.0.1", 0, Optional.empty(), false,
                            false, ProxyHeaders.NONE, Duration.ofSeconds(20)), List.of(), key -> Optional.empty(),
                    NO_CLIENT_API, health, new Idempotency(new JdbcIdempotencyStore(db,
                            new Encryptor(RandomTokens.bytes(32))), Clock.systemUTC()),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
                Api api = new Api("http://127.0.0.1:" + http.port(), null);
                ApiResponse starting = api.get("/health/ready");
                assertThat(starting.status()).isEqualTo(503);
                assertThat(starting.body()).contains("{\"name\":\"startup\",\"status\":\"DOWN\"}");
                assertThat(api.get("/health/live").status()).as("alive while starting").isEqualTo(200);

                health.started();
                assertThat(api.get("/health/ready").status()).isEqualTo(200);
            }
        }
    }
}
