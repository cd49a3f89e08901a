package io.signet.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.http.Idempotency;
import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.Rfc6238;
import io.signet.testing.ServerSuite;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint that answers with a secret is called with an {@code Idempotency-Key}, its
 * replay must give the same answer, and afterwards no table of the database holds any of those secrets in
 * the clear (the idempotency cache stores answers sealed with the data key).
 */
abstract class IdempotentSecretsContract extends ServerSuite {
    private final List<String> secrets = new ArrayList<>();

    /** Sends the request twice with one fresh Idempotency-Key; both answers must be the same 200. */
    private JsonNode idempotent(String method, String path, Object body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put(Idempotency.HEADER, "key-" + UUID.randomUUID());
        ApiResponse first = api.send(method, path, body, all);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        ApiResponse replay = api.send(method, path, body, all);
        assertThat(replay.body()).as("the replay is the recorded answer").isEqualTo(first.body());
        return first.json();
    }

    private JsonNode idempotentPost(String path, Object body) {
        return idempotent("POST", path, body, Map.of());
    }

    /** A Client API POST with the Bearer token and a fresh Idempotency-Key; its answer. */
    private JsonNode clientPost(String token, String path, Object body) {
        ApiResponse r = new Api(server.baseUrl(), null).send("POST", "/v1/client" + path, body,
                Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json",
                        Idempotency.HEADER, "key-" + UUID.randomUUID()));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private String keep(String secret) {
        assertThat(secret).isNotBlank();
        secrets.add(secret);
        return secret;
    }

    @Test
    void no_secret_answered_under_an_idempotency_key_is_stored_in_the_clear() throws SQLException {
        // Enrollment with recovery codes.
        JsonNode enrolled = idempotentPost("/v1/users/user-" + UUID.randomUUID() + "/authenticators",
                Map.of("verificationMethod", "SMS", "phoneNumber", "+64211234567"));
        enrolled.path("recoveryCodes").forEach(c -> keep(c.asString()));
        assertThat(enrolled.path("recoveryCodes")).isNotEmpty();

        // Track token, then an authenticator app enrolled through the Client API with it.
        String totpUser = "user-" + UUID.randomUUID();
        String trackToken = keep(idempotentPost("/v1/users/" + totpUser + "/actions/signIn", Map.of())
                .path("token").asString());
        JsonNode totp = clientPost(trackToken, "/user-authenticators/totp", "");
        String totpSecret = keep(totp.path("secret").asString());
        // Its first verify answers a new action token.
        JsonNode verified = clientPost(trackToken, "/verify/totp",
                Map.of("verificationCode", Rfc6238.code(totpSecret, java.time.Instant.now(), 0)));
        assertThat(verified.path("isVerified").asBoolean()).as(verified.toString()).isTrue();
        keep(verified.path("accessToken").asString());

        // Sessions: create and refresh.
        String clientId = api.post("/admin/v1/clients", Map.of("name", "web")).json().path("clientId").asString();
        String sessionUser = "user-" + UUID.randomUUID();
        String allowed = keep(idempotentPost("/v1/users/" + sessionUser + "/actions/signIn", Map.of())
                .path("token").asString());
        JsonNode pair = idempotentPost("/v1/sessions", Map.of("clientId", clientId, "token", allowed));
        keep(pair.path("accessToken").asString());
        String refresh = keep(pair.path("refreshToken").asString());
        JsonNode refreshed = idempotentPost("/v1/sessions/refresh", Map.of("refreshToken", refresh));
        keep(refreshed.path("accessToken").asString());
        keep(refreshed.path("refreshToken").asString());

        String everything = dump();
        assertThat(everything).as("the scan read the idempotency records").contains("idempotency_records");
        for (String secret : secrets) {
            assertThat(everything).as("a secret an endpoint answered").doesNotContain(secret);
        }
    }

    /** Every row of every table as text, each table preceded by its name. */
    private String dump() throws SQLException {
        String url = server.databaseUrl();
        StringBuilder all = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery(url.startsWith("jdbc:sqlite:")
                    ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                    : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String table : tables) {
                all.append(table).append('\n');
                try (ResultSet r = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        for (int i = 1; i <= columns; i++) {
                            all.append(r.getString(i)).append('\t');
                        }
                        all.append('\n');
                    }
                }
            }
        }
        assertThat(all).contains("idempotency_records");
        return all.toString();
    }
}
