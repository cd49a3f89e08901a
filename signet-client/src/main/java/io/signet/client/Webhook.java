package io.signet.client;

import io.signet.client.model.WebhookEnvelope;
import io.signet.client.model.WebhookEvent;
import io.signet.client.model.WebhookEventBatch;
import io.signet.client.model.WebhookLogEvent;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Verifies webhook deliveries from Signet or Authsignal (docs/server-api.md §9 "Webhooks"), as authsignal-java's
 * {@code com.authsignal.Webhook} does: the {@code X-Signature-V2} header is {@code t=<unix seconds>} and one
 * {@code v2=<signature>} per active secret key, each the unpadded base64 HMAC-SHA256 of {@code t + "." + body}
 * keyed with the tenant's secret key. Reach it as {@code client.webhook}. Thread-safe.
 */
public class Webhook {
    /** The tolerance of {@link #constructEvent(String, String)}, in minutes. */
    public static final int DEFAULT_TOLERANCE = 5;

    private final String apiSecretKey;
    private final Clock clock;

    /**
     * A verifier for one tenant's deliveries.
     *
     * @param apiSecretKey the tenant's Server API secret key, which signs its webhooks
     */
    public Webhook(String apiSecretKey) {
        this(apiSecretKey, Clock.systemUTC());
    }

    Webhook(String apiSecretKey, Clock clock) {
        this.apiSecretKey = apiSecretKey;
        this.clock = clock;
    }

    /**
     * Same as {@link #constructEvent(String, String, int)} with a tolerance of {@value #DEFAULT_TOLERANCE}
     * minutes.
     *
     * @param payload the raw request body, exactly as received
     * @param signature the {@code X-Signature-V2} header
     * @return the verified event
     * @throws InvalidSignatureException when the signature is malformed, wrong or too old
     */
    public WebhookEvent constructEvent(String payload, String signature) throws InvalidSignatureException {
        return constructEvent(payload, signature, DEFAULT_TOLERANCE);
    }

    /**
     * Verifies a single event's signature and returns the event. A log batch is refused: read it with
     * {@link #constructLogEventBatch}.
     *
     * @param payload the raw request body, exactly as received
     * @param signature the {@code X-Signature-V2} header
     * @param tolerance how old {@code t} may be, in minutes; 0 or less accepts any age
     * @return the verified event
     * @throws InvalidSignatureException when the signature is malformed, wrong or too old
     * @throws InvalidPayloadException when the signed body is not an event envelope
     */
    public WebhookEvent constructEvent(String payload, String signature, int tolerance)
            throws InvalidSignatureException {
        JsonNode body = verified(payload, signature, tolerance);
        if (body.has("records")) {
            throw new InvalidPayloadException("Payload is a batch of log events. Use constructLogEventBatch instead.");
        }
        WebhookEvent event = bind(body, WebhookEvent.class);
        requireEnvelope(event);
        if (event.data == null) {
            throw new InvalidPayloadException("Payload is missing required field 'data'.");
        }
        return event;
    }

    /**
     * Same as {@link #constructLogEventBatch(String, String, int)} with a tolerance of
     * {@value #DEFAULT_TOLERANCE} minutes.
     *
     * @param payload the raw request body, exactly as received
     * @param signature the {@code X-Signature-V2} header
     * @return the verified batch
     * @throws InvalidSignatureException when the signature is malformed, wrong or too old
     */
    public WebhookEventBatch constructLogEventBatch(String payload, String signature) throws InvalidSignatureException {
        return constructLogEventBatch(payload, signature, DEFAULT_TOLERANCE);
    }

    /**
     * Verifies a log batch ({@code {"records": [...]}}, sent for {@code action.log_created} and
     * {@code challenge.log_created}) and returns its records.
     *
     * @param payload the raw request body, exactly as received
     * @param signature the {@code X-Signature-V2} header
     * @param tolerance how old {@code t} may be, in minutes; 0 or less accepts any age
     * @return the verified batch
     * @throws InvalidSignatureException when the signature is malformed, wrong or too old
     * @throws InvalidPayloadException when the signed body is not a batch of log records
     */
    public WebhookEventBatch constructLogEventBatch(String payload, String signature, int tolerance)
            throws InvalidSignatureException {
        WebhookEventBatch batch = bind(verified(payload, signature, tolerance), WebhookEventBatch.class);
        if (batch.records == null) {
            throw new InvalidPayloadException("Payload format is invalid. Expected a 'records' array.");
        }
        for (WebhookLogEvent r : batch.records) {
            requireEnvelope(r);
            if (r.record == null) {
                throw new InvalidPayloadException("Payload is missing required field 'record'.");
            }
        }
        return batch;
    }

    /** Checks the signature header against {@code payload}, then parses it. */
    private JsonNode verified(String payload, String signature, int tolerance) throws InvalidSignatureException {
        long t = -1;
        List<String> signatures = new ArrayList<>();
        for (String item : signature == null ? new String[0] : signature.split(",", -1)) {
            String[] pair = item.split("=", 2);
            try {
                if (pair[0].equals("t") && pair.length == 2) {
                    t = Long.parseLong(pair[1]);
                } else if (pair[0].equals("v2") && pair.length == 2) {
                    signatures.add(pair[1]);
                }
            } catch (NumberFormatException e) {
                t = -1;
            }
        }
        if (t < 0 || signatures.isEmpty()) {
            throw new InvalidSignatureException("Signature format is invalid.");
        }
        if (tolerance > 0 && t < clock.instant().getEpochSecond() - tolerance * 60L) {
            throw new InvalidSignatureException("Timestamp is outside the tolerance zone.");
        }
        byte[] expected = hmac(t + "." + (payload == null ? "" : payload)).getBytes(StandardCharsets.US_ASCII);
        if (signatures.stream().noneMatch(s -> MessageDigest.isEqual(expected, s.getBytes(StandardCharsets.US_ASCII)))) {
            throw new InvalidSignatureException("Signature mismatch.");
        }
        try {
            JsonNode body = JsonCodec.tree(payload);
            if (!body.isObject()) {
                throw new InvalidPayloadException("Payload format is invalid.");
            }
            return body;
        } catch (JacksonException e) {
            throw new InvalidPayloadException("Payload format is invalid.", e);
        }
    }

    private String hmac(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiSecretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static <T> T bind(JsonNode body, Class<T> type) {
        try {
            return JsonCodec.bind(body, type);
        } catch (JacksonException e) {
            throw new InvalidPayloadException("Payload format is invalid.", e);
        }
    }

    private static void requireEnvelope(WebhookEnvelope e) {
        if (e.version <= 0) {
            throw new InvalidPayloadException("Payload is missing required field 'version'.");
        }
        String[][] fields = {{"type", e.type}, {"id", e.id}, {"source", e.source}, {"time", e.time},
                {"tenantId", e.tenantId}};
        for (String[] field : fields) {
            if (field[1] == null || field[1].isBlank()) {
                throw new InvalidPayloadException("Payload is missing required field '" + field[0] + "'.");
            }
        }
    }

    /** The delivery is not genuine: its signature header is malformed, does not match, or is too old. */
    public static class InvalidSignatureException extends Exception {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what is wrong, e.g. {@code Signature mismatch.}
         */
        public InvalidSignatureException(String message) {
            super(message);
        }
    }

    /** The signature is genuine but the body is not an event (or batch) of the expected shape. */
    public static class InvalidPayloadException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what is wrong
         */
        public InvalidPayloadException(String message) {
            super(message);
        }

        /**
         * Creates the exception.
         *
         * @param message what is wrong
         * @param cause the parser's failure
         */
        public InvalidPayloadException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
