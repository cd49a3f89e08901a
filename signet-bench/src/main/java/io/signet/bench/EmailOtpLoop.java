package io.signet.bench;

import com.sun.net.httpserver.HttpServer;
import io.signet.wire.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Email OTP verification through the Client API, closed loop: each worker is one user with an EMAIL_OTP
 * authenticator (enrolled pre-verified through the Server API) and repeats the whole flow: the app server's
 * track (secret key), then the browser's challenge (#11) and verify (#12) with the track's token. The code
 * is known honestly: the tenant delivers its own email through the synchronous {@code email.created}
 * webhook, answered by a receiver in this JVM that keeps each user's latest code. So each iteration also
 * includes one signed webhook call, as it does for a tenant delivering its own mail. The server must allow
 * a loopback webhook and lift its sending limits, see {@link #SERVER_ENV}.
 */
final class EmailOtpLoop {
    /** Server settings this scenario needs: a plain-http loopback receiver, and sends not throttled. */
    static final Map<String, String> SERVER_ENV = Map.of("SIGNET_WEBHOOK_ALLOW_PRIVATE", "true",
            "SIGNET_SEND_LIMIT_PER_USER", "1000000000", "SIGNET_SEND_LIMIT_PER_IP", "1000000000");
    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    /** Subscribes the code receiver, enrolls one EMAIL_OTP user per worker, then measures. */
    static ClosedLoop.Result run(String baseUrl, String secretKey, int workers, int warmupSeconds, int seconds)
            throws IOException, InterruptedException {
        Map<String, String> codes = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/email", exchange -> {
            JsonNode data = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes()).path("data");
            Matcher m = CODE.matcher(data.path("code").asString());
            boolean found = m.find();
            if (found) {
                codes.put(data.path("userId").asString(), m.group(1));
            }
            exchange.sendResponseHeaders(found ? 200 : 400, -1);
            exchange.close();
        });
        receiver.start();
        try {
            SignetHttp admin = new SignetHttp(baseUrl, secretKey);
            admin.post("/admin/v1/webhooks", "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                    + "/email\",\"eventTypes\":[\"email.created\"]}");
            String secretBasic = "Basic " + SignetHttp.basicCredentials(secretKey);
            List<String> users = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                String user = "bench-otp-" + i;
                admin.post("/v1/users/" + user + "/authenticators",
                        "{\"verificationMethod\":\"EMAIL_OTP\",\"email\":\"" + user + "@bench.example.com\"}");
                users.add(user);
            }
            return ClosedLoop.run(users, (user, client) -> verify(client, baseUrl, secretBasic, user, codes),
                    warmupSeconds, seconds);
        } finally {
            receiver.stop(0);
        }
    }

    /** One sign-in: track, challenge, verify with the code the webhook received; true when verified. */
    private static boolean verify(HttpClient client, String baseUrl, String secretBasic, String user,
            Map<String, String> codes) {
        try {
            HttpResponse<String> track = ClosedLoop.post(client, baseUrl + "/v1/users/" + user + "/actions/signIn",
                    secretBasic, "{}");
            if (track.statusCode() != 200) {
                return false;
            }
            String bearer = "Bearer " + Json.MAPPER.readTree(track.body()).path("token").asString();
            codes.remove(user);
            if (ClosedLoop.post(client, baseUrl + "/v1/client/challenge/email-otp", bearer, "{}").statusCode() != 200
                    || !codes.containsKey(user)) {
                return false;
            }
            HttpResponse<String> verified = ClosedLoop.post(client, baseUrl + "/v1/client/verify/email-otp", bearer,
                    "{\"verificationCode\":\"" + codes.get(user) + "\"}");
            return verified.statusCode() == 200
                    && Json.MAPPER.readTree(verified.body()).path("isVerified").asBoolean(false);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
