package io.signet.bench;

import io.signet.crypto.Sha256;
import io.signet.wire.Json;
import io.signet.testing.Es256Keys;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Passkey sign-in through the Client API, closed loop: each worker is one browser with its own ES256
 * passkey (enrolled through the Server API), and repeats the usernameless ceremony the browser SDK runs,
 * authentication options (#6) then verify (#8), both with tenant Basic. What is measured is the whole
 * ceremony: two requests, a stored challenge consumed, a signature verified, the counter and a new
 * sign-in action written. wrk cannot sign a fresh challenge, hence this driver.
 */
final class PasskeyLoop {
    static final String ORIGIN = ClosedLoop.ORIGIN;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** Sets the tenant's relying party for the bench page, enrolls one passkey per worker, then measures. */
    static ClosedLoop.Result run(String baseUrl, String secretKey, int workers, int warmupSeconds, int seconds)
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
        return ClosedLoop.run(browsers, (b, client) -> b.signIn(client, baseUrl, basic), warmupSeconds, seconds);
    }

    /** One browser with one passkey: signs each challenge with a counter that increases. */
    private static final class Browser {
        final KeyPair keys = Es256Keys.generate();
        final String credentialId;
        final byte[] rpIdHash;
        long counter;

        Browser(String rpId) {
            byte[] id = new byte[32];
            new SecureRandom().nextBytes(id);
            this.credentialId = B64.encodeToString(id);
            this.rpIdHash = Sha256.of(rpId.getBytes(StandardCharsets.UTF_8));
        }

        String cosePublicKey() {
            return B64.encodeToString(Es256Keys.cosePublicKey(keys));
        }

        boolean signIn(HttpClient client, String baseUrl, String basic) {
            try {
                HttpResponse<String> options = ClosedLoop.post(client, baseUrl
                        + "/v1/client/user-authenticators/passkey/authentication-options", basic, "{}");
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
                s.update(Sha256.of(clientData));
                String body = "{\"challengeId\":\"" + o.path("challengeId").asString() + "\",\"deviceId\":\"bench\","
                        + "\"authenticationCredential\":{\"id\":\"" + credentialId + "\",\"rawId\":\"" + credentialId
                        + "\",\"type\":\"public-key\",\"clientExtensionResults\":{},\"response\":{"
                        + "\"clientDataJSON\":\"" + B64.encodeToString(clientData) + "\",\"authenticatorData\":\""
                        + B64.encodeToString(authData) + "\",\"signature\":\"" + B64.encodeToString(s.sign()) + "\"}}}";
                return ClosedLoop.post(client, baseUrl + "/v1/client/verify/passkey", basic, body).statusCode() == 200;
            } catch (IOException | GeneralSecurityException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
