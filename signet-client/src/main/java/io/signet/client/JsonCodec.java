package io.signet.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.signet.client.exception.AuthsignalException;
import java.util.concurrent.CompletionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client's one JSON mapper, every setting that matters stated here: unknown fields in answers
 * are ignored (servers add fields over time), unknown enum strings read as {@code null} (as
 * authsignal-java does), null fields are not sent (the API treats absent and null alike, and some
 * servers reject null), and a missing primitive is its default.
 */
final class JsonCodec {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .changeDefaultPropertyInclusion(v -> JsonInclude.Value.construct(
                    JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private JsonCodec() {
    }

    /** The request body for {@code value}; {@code null} becomes {@code {}} rather than the literal null. */
    static String write(Object value) {
        return value == null ? "{}" : MAPPER.writeValueAsString(value);
    }

    /**
     * Reads a 2xx answer. An unreadable one fails the call with an {@link AuthsignalException}
     * (wrapped so it can leave a {@code thenApply}), never with a parser exception.
     */
    static <T> T read(Answer answer, Class<T> type) {
        try {
            return MAPPER.readValue(answer.body(), type);
        } catch (JacksonException e) {
            throw new CompletionException(new AuthsignalException(answer.status(), "invalid_response",
                    "The answer is not the expected JSON: " + e.getOriginalMessage()));
        }
    }

    /** Parses a webhook body; a {@link JacksonException} when it is not JSON of that shape. */
    static JsonNode tree(String json) {
        return MAPPER.readTree(json);
    }

    /** Binds a parsed webhook body to {@code type}; a {@link JacksonException} when the shapes differ. */
    static <T> T bind(JsonNode tree, Class<T> type) {
        return MAPPER.treeToValue(tree, type);
    }

    /** The API's error object; any field may be missing. */
    record ErrorBody(String error, String errorCode, String errorDescription) {
    }

    /** Turns a non-2xx answer into the exception the caller sees. */
    static AuthsignalException error(Answer answer) {
        try {
            ErrorBody body = MAPPER.readValue(answer.body(), ErrorBody.class);
            // Node, Java and .NET read "error"; Go, Python and PHP read "errorCode": accept either.
            String code = body.error() != null ? body.error() : body.errorCode();
            return new AuthsignalException(answer.status(), code != null ? code : "unexpected_error",
                    body.errorDescription());
        } catch (JacksonException e) {
            return new AuthsignalException(answer.status(), "unexpected_error",
                    "HTTP " + answer.status() + " with a body that is not the API's error JSON");
        }
    }

    /** A raw HTTP answer: status and body text. */
    record Answer(int status, String body) {
    }
}
