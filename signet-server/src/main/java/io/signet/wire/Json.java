package io.signet.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.signet.error.SignetException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.type.LogicalType;

/**
 * The one JSON mapper of the server. Settings that matter are explicit: unknown input fields are
 * ignored (newer SDKs send fields we do not know), nulls and absent optionals are omitted from output
 * (the .NET SDK throws on {@code null} in non-nullable fields, docs/server-api.md §2.5 "Responses").
 */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // A number or boolean where a string belongs is a client bug worth a 400, not a silent "5".
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .changeDefaultPropertyInclusion(v -> JsonInclude.Value.construct(
                    JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
            .build();

    private Json() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /**
     * Parses a request body. Empty, whitespace-only and the literal {@code null} all mean {@code {}}
     * (PHP sends no body, Java sends {@code null}, docs/server-api.md §2.4 "Request bodies"). Bytes that are not UTF-8,
     * malformed JSON and wrong types become 400 {@code invalid_request} naming the field.
     */
    public static <T> T read(byte[] body, Class<T> type) {
        String text = decodeUtf8(body).strip();
        if (text.isEmpty() || text.equals("null")) {
            text = "{}";
        }
        try {
            JsonNode tree = MAPPER.readTree(text);
            if (!tree.isObject()) {
                throw SignetException.invalid("The request body must be a JSON object.");
            }
            return MAPPER.treeToValue(tree, type);
        } catch (DatabindException e) {
            throw SignetException.invalid(describe(e));
        } catch (JacksonException e) {
            throw SignetException.invalid("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Parses a body as a JSON object tree, with the same rules as {@link #read(byte[], Class)}. */
    public static ObjectNode readObject(byte[] body) {
        return read(body, ObjectNode.class);
    }

    private static String decodeUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw SignetException.invalid("The request body must be UTF-8 encoded JSON.");
        }
    }

    private static String describe(DatabindException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("");
        Throwable cause = e.getCause();
        if (cause instanceof SignetException se) {
            return se.description();
        }
        if (cause instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            return path.isEmpty() ? iae.getMessage() : "Field '" + path + "': " + iae.getMessage();
        }
        return path.isEmpty()
                ? "The request body does not have the expected shape."
                : "Field '" + path + "' has the wrong type or value.";
    }
}
