package io.signet.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.ManualClock;
import io.signet.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes on one database: a key rotated on one node works on both while the old one still does; once
 * revoked, the node that revoked it refuses it at once and the other within the key cache's TTL.
 */
abstract class KeyRotationNodesContract {
    @TempDir
    Path tempDir;

    abstract Backend backend();

    private static int status(TestServer node, String key) {
        return new Api(node.baseUrl(), key).get("/admin/v1/settings").status();
    }

    @Test
    void both_keys_work_on_both_nodes_then_the_revoked_one_on_neither() {
        ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
        Map<String, String> settings = Map.of("SIGNET_OPERATOR_KEY", TenantLifecycleContract.OPERATOR_KEY);
        TestServer a = TestServer.start(backend(), tempDir, settings, clock);
        try (TestServer b = TestServer.startOn(a.databaseUrl(), a.encryptionKey(), settings, clock)) {
            String oldKey = TestServer.SECRET_KEY;
            assertThat(status(a, oldKey)).isEqualTo(200);
            assertThat(status(b, oldKey)).as("cached on node b from now on").isEqualTo(200);

            Api operatorOnA = new Api(a.baseUrl(), TenantLifecycleContract.OPERATOR_KEY);
            JsonNode tenants = operatorOnA.get("/operator/v1/tenants").json().path("tenants");
            String keys = "/operator/v1/tenants/" + tenants.get(0).path("tenantId").asString() + "/keys";
            String oldKeyId = operatorOnA.get(keys).json().path("keys").get(0).path("keyId").asString();
            ApiResponse rotated = operatorOnA.post(keys + "/rotate", Map.of());
            String newKey = rotated.json().path("secretKey").asString();
            for (TestServer node : new TestServer[] {a, b}) {
                assertThat(status(node, oldKey)).as("old key during the overlap").isEqualTo(200);
                assertThat(status(node, newKey)).as("new key").isEqualTo(200);
            }

            assertThat(operatorOnA.delete(keys + "/" + oldKeyId).status()).isEqualTo(200);
            assertThat(status(a, oldKey)).as("refused at once on the node that revoked it").isEqualTo(401);
            clock.advance(KeyCache.TTL);
            assertThat(status(b, oldKey)).as("refused on the other node once its cache entry is " + KeyCache.TTL
                    + " old").isEqualTo(401);
            for (TestServer node : new TestServer[] {a, b}) {
                assertThat(status(node, newKey)).isEqualTo(200);
                assertThat(status(node, oldKey)).isEqualTo(401);
            }
            clock.advance(Duration.ofMinutes(5));
            assertThat(status(b, oldKey)).isEqualTo(401);
        } finally {
            a.closeAndDropDatabase();
        }
    }
}
