package io.signet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.wire.Json;
import io.signet.testing.Backend;
import io.signet.testing.TestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The seeded history is one the server counts (its per-minute counters match the seeded actions) and the
 * seeded users are readable, on both databases, so the growth curves measure what they say.
 */
class DirectSeedTest {
    @TempDir
    Path tempDir;

    @Test
    void seeded_history_is_counted_and_seeded_users_are_read_on_sqlite() throws Exception {
        check(Backend.SQLITE);
    }

    @Test
    void seeded_history_is_counted_and_seeded_users_are_read_on_postgresql() throws Exception {
        check(Backend.POSTGRESQL);
    }

    private void check(Backend backend) throws Exception {
        TestServer server = TestServer.start(backend, tempDir, Map.of(), Clock.systemUTC());
        try {
            var api = server.api();
            api.post("/admin/v1/rules", Map.of("name", "reads counts", "actionCode", "seeded", "priority", 1,
                    "outcome", "BLOCK", "condition", Json.MAPPER.readTree(
                            "{\"or\": [{\"var\": \"device.isKnown\"}, {\">\": [{\"var\": \"counts.actionsLastHour\"}, 1e9]}]}")));
            api.post("/v1/users/hot/actions/seeded", Map.of());
            try (DirectSeed seed = new DirectSeed(server.databaseUrl())) {
                seed.actionHistory("hot", "seeded", "dev", 1500, System.currentTimeMillis());
                seed.users("scale-", 0, 2000, System.currentTimeMillis());
            }
            JsonNode t = api.post("/v1/users/hot/actions/seeded", Map.of("deviceId", "dev")).json();
            JsonNode reads = api.get("/v1/users/hot/actions/seeded/" + t.path("idempotencyKey").asString()).json()
                    .path("explanation").path("rules").get(0).path("reads");
            assertThat(reads.path("device.isKnown").asBoolean(true)).as("seeded actions are BLOCKed").isFalse();
            assertThat(reads.path("counts.actionsLastHour").asLong()).as("the user's first track and the seeded")
                    .isEqualTo(1501);
            assertThat(api.get("/v1/users/scale-1999").json().path("email").asString())
                    .isEqualTo("scale-1999@bench.example.com");
            assertThat(api.get("/v1/users/scale-2000").json().has("email")).as("only 2000 seeded").isFalse();
        } finally {
            server.closeAndDropDatabase();
        }
    }
}
