package io.signet.bench;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import io.signet.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Passkey sign-in through the Client API, closed loop: each worker is one browser with its own ES256
 * passkey (enrolled through the Server API), and repeats the usernameless ceremony the browser SDK runs,
 * authentication options (#6) then verify (#8), both with tenant Basic. What is measured is the whole
 * ceremony: two requests, a stored challenge consumed, a signature verified, the counter and a new
 * sign-in action written. wrk cannot sign a fresh challenge, hence this driver.
 */
final class PasskeyLoop {
    static final String ORIGIN = "http://localhost:3000";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    record Result(double ceremoniesPerSecond, double p50Ms, double p99Ms, long failures) {
    }

    /** Sets the tenant's relying party for the bench page, enrolls one passkey per worker, then measures. */
    static Result run(String baseUrl, String secretKey, int workers, int warmupSeconds, int seconds)
            throws IOException, InterruptedException {
        SignetHttp admin = new SignetHttp(baseUrl, secretKey);
        JsonNode settings = Json.MAPPER.readTree(admin.patch("/admin/v1/settings",
                "{\"rpId\":\"localhost\",\"expectedOrigins\":[\"" + ORIGIN + "\"]}"));
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                settings.path("tenantId").asString().getBytes(StandardCharsets.UTF_8));
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Browser b = new Browser("localhost");
            admin.post("/v1/users/bench-passkey-" + i + "/authenticators", "{\"verificationMethod\":\"PASSKEY\","
                    + "\"credentialId\":\"" + b.credentialId + "\",\"credentialPublicKey\":\"" + b.cosePublicKey()
                    + "\"}");
            browsers.add(b);
        }
        long start = System.nanoTime();
        long measureFrom = start + warmupSeconds * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (Browser b : browsers) {
            threads.add(Thread.ofVirtual().start(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                long now;
                while ((now = System.nanoTime()) < end) {
                    boolean ok = b.signIn(client, baseUrl, basic);
                    long done = System.nanoTime();
                    if (now >= measureFrom) {
                        latencies.add((done - now) / 1e6);
                        if (!ok) {
                            failures.incrementAndGet();
                        }
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double p50 = sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
        double p99 = sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99)));
        return new Result((sorted.size() - failures.get()) / (double) seconds, p50, p99, failures.get());
    }

    /** One browser with one passkey: signs each challenge with a counter that increases. */
    private static final class Browser {
        final KeyPair keys = keyPair();
        final String credentialId;
        final byte[] rpIdHash;
        long counter;

        Browser(String rpId) {
            byte[] id = new byte[32];
            new SecureRandom().nextBytes(id);
            this.credentialId = B64.encodeToString(id);
            this.rpIdHash = sha256(rpId.getBytes(StandardCharsets.UTF_8));
        }

        String cosePublicKey() {
            return B64.encodeToString(new ObjectConverter().getCborMapper().writeValueAsBytes(
                    EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256)));
        }

        boolean signIn(HttpClient client, String baseUrl, String basic) {
            try {
                HttpResponse<String> options = post(client, baseUrl + "/v1/client/user-authenticators/passkey/"
                        + "authentication-options", basic, "{}");
                if (options.statusCode() != 200) {
                    return false;
                }
                JsonNode o = Json.MAPPER.readTree(options.body());
                byte[] clientData = ("{\"type\":\"webauthn.get\",\"challenge\":\""
                        + o.path("options").path("challenge").asString() + "\",\"origin\":\"" + ORIGIN
                        + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
                byte[] authData = ByteBuffer.allocate(37).put(rpIdHash).put((byte) 0x05).putInt((int) ++counter)
                        .array();
                Signature s = Signature.getInstance("SHA256withECDSA");
                s.initSign(keys.getPrivate());
                s.update(authData);
                s.update(sha256(clientData));
                String body = "{\"challengeId\":\"" + o.path("challengeId").asString() + "\",\"deviceId\":\"bench\","
                        + "\"authenticationCredential\":{\"id\":\"" + credentialId + "\",\"rawId\":\"" + credentialId
                        + "\",\"type\":\"public-key\",\"clientExtensionResults\":{},\"response\":{"
                        + "\"clientDataJSON\":\"" + B64.encodeToString(clientData) + "\",\"authenticatorData\":\""
                        + B64.encodeToString(authData) + "\",\"signature\":\"" + B64.encodeToString(s.sign()) + "\"}}}";
                return post(client, baseUrl + "/v1/client/verify/passkey", basic, body).statusCode() == 200;
            } catch (IOException | GeneralSecurityException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private static HttpResponse<String> post(HttpClient client, String url, String basic, String json)
                throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", basic).header("Content-Type", "application/json")
                    .header("Origin", ORIGIN).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
