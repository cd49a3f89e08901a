package io.signet.bench;

import io.signet.wire.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * createSession + refresh, closed loop: each worker is one app user whose backend tracks a sign-in (ALLOW:
 * the user has no authenticator), creates a session from the action token, then refreshes it once, as an
 * app does when the first access token expires. Each iteration is three Server API calls.
 */
final class SessionLoop {
    private SessionLoop() {
    }

    static ClosedLoop.Result run(String baseUrl, String secretKey, int workers, int warmupSeconds, int seconds)
            throws IOException, InterruptedException {
        SignetHttp admin = new SignetHttp(baseUrl, secretKey);
        String clientId = Json.MAPPER.readTree(admin.post("/admin/v1/clients", "{\"name\":\"bench-sessions\"}"))
                .path("clientId").asString();
        String basic = "Basic " + SignetHttp.basicCredentials(secretKey);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            users.add("bench-session-" + i);
        }
        return ClosedLoop.run(users, (user, client) -> iteration(client, baseUrl, basic, clientId, user),
                warmupSeconds, seconds);
    }

    /** One track, createSession and refreshSession; true when all three answered as expected. */
    static boolean iteration(HttpClient client, String baseUrl, String basic, String clientId, String user) {
        try {
            JsonNode tracked = ok(ClosedLoop.post(client, baseUrl + "/v1/users/" + user + "/actions/signIn", basic, "{}"));
            if (tracked == null || !tracked.path("state").asString().equals("ALLOW")) {
                return false;
            }
            JsonNode session = ok(ClosedLoop.post(client, baseUrl + "/v1/sessions", basic,
                    "{\"clientId\":\"" + clientId + "\",\"token\":\"" + tracked.path("token").asString() + "\"}"));
            if (session == null) {
                return false;
            }
            JsonNode refreshed = ok(ClosedLoop.post(client, baseUrl + "/v1/sessions/refresh", basic,
                    "{\"refreshToken\":\"" + session.path("refreshToken").asString() + "\"}"));
            return refreshed != null && !refreshed.path("accessToken").asString().isEmpty();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static JsonNode ok(HttpResponse<String> r) {
        return r.statusCode() == 200 ? Json.MAPPER.readTree(r.body()) : null;
    }
}
