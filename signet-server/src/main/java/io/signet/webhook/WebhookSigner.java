package io.signet.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Signature-V2} header every SDK's {@code webhook.constructEvent} verifies (docs/server-api.md §9.1 "Signature header"):
 * {@code t=<seconds>,v2=<sig>[,v2=<sig>...]} without spaces, one signature per active secret key so receivers
 * keep verifying while a key is rotated. Each signature is HMAC-SHA256 over {@code t + "." + body}, keyed with
 * the UTF-8 bytes of the key, in standard base64 without padding.
 */
final class WebhookSigner {
    static final String HEADER = "X-Signature-V2";

    private WebhookSigner() {
    }

    static String header(long epochSeconds, String body, List<String> secretKeys) {
        if (secretKeys.isEmpty()) {
            throw new IllegalStateException("the tenant has no active secret key to sign webhooks with");
        }
        StringBuilder header = new StringBuilder("t=").append(epochSeconds);
        for (String key : secretKeys) {
            header.append(",v2=").append(signature(epochSeconds, body, key));
        }
        return header.toString();
    }

    static String signature(long epochSeconds, String body, String secretKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
