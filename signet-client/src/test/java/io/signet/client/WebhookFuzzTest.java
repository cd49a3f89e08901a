package io.signet.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The webhook signature header and the signed body, fuzzed. Whatever arrives, the verifier
 * returns an event or throws its own {@link Webhook.InvalidSignatureException} or
 * {@link Webhook.InvalidPayloadException}; nothing else escapes into the receiver's handler. Half the cases
 * carry a valid signature, so the body parser is reached too.
 */
class WebhookFuzzTest {
    private static final String SECRET = "fuzz-secret";
    private static final Webhook WEBHOOK = new Webhook(SECRET);

    @Property(tries = 3000)
    void any_header_and_body_give_an_event_or_the_verifiers_own_exception(@ForAll("headers") String header,
                                                                        @ForAll("bodies") String body,
                                                                        @ForAll boolean signedRight) {
        String signature = signedRight ? "t=" + (System.currentTimeMillis() / 1000) + ",v2=" + sign(
                System.currentTimeMillis() / 1000, body) + "," + header : header;
        try {
            WEBHOOK.constructEvent(body, signature);
        } catch (Webhook.InvalidSignatureException | Webhook.InvalidPayloadException expected) {
            // the documented refusals
        }
        try {
            WEBHOOK.constructLogEventBatch(body, signature);
        } catch (Webhook.InvalidSignatureException | Webhook.InvalidPayloadException expected) {
            // the documented refusals
        }
    }

    @Provide
    Arbitrary<String> headers() {
        Arbitrary<String> part = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.of("t=", "v2=", "t=-1", "t=99999999999999999999", "t=1740016316", "v2=abc", "=", ",",
                        "t", "v1=x", "t=1,t=2", " t=1"));
        return part.list().ofMaxSize(4).map(parts -> String.join(",", parts));
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(60), Arbitraries.of("", "null", "[]", "{}",
                "{\"records\":null}", "{\"records\":[1]}", "{\"records\":[{\"record\":null}]}", "{\"data\":null}",
                "{\"version\":1,\"id\":\"x\",\"type\":\"t\",\"data\":{}}", "{\"data\":[],\"time\":5}",
                "{\"version\":\"x\",\"data\":{\"actionCode\":{}}}", "{\"a\":" + "[".repeat(2000)),
                Combinators.combine(Arbitraries.of("version", "id", "source", "time", "type", "data", "records"),
                        Arbitraries.of("1", "\"x\"", "null", "{}", "[]", "-1e999", "true"))
                        .as((k, v) -> "{\"" + k + "\":" + v + "}"));
    }

    private static String sign(long t, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().withoutPadding().encodeToString(
                    mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
