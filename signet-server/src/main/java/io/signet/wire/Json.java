package io.signet.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.signet.error.SignetException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
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
    /**
     * Request bodies nest at most this deep (objects and arrays): a JSONLogic rule's 64 operator levels take
     * two JSON levels each, plus the request around it; a deeper document is refused while it is parsed.
     */
    public static final int MAX_DEPTH = 160;
    /** The longest string in a request body, in characters: room for a 100 KiB logo as a base64 data URL. */
    public static final int MAX_STRING_LENGTH = 256 * 1024;
    /**
     * The most elements of one array in a request body. Endpoints with a smaller list limit (a batch enrollment
     * takes 1000 items) check it themselves and name it; this one bounds the work of any list, e.g. a rule's
     * {@code in} list or a track's {@code custom} data.
     */
    public static final int MAX_ARRAY_SIZE = 10_000;

    public static final JsonMapper MAPPER = mapper(StreamReadConstraints.defaults());
    /**
     * The mapper that parses request bodies, with the limits above enforced while parsing, before any endpoint
     * runs: a deep or huge document is refused without building it (stored JSON is read with {@link #MAPPER}).
     */
    private static final JsonMapper REQUESTS = mapper(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNameLength(MAX_STRING_LENGTH)
            .build());

    private static JsonMapper mapper(StreamReadConstraints limits) {
        return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(limits).build())
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
    }

    private Json() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** Indented JSON for people to read (the admin console), never for the wire. */
    public static String pretty(Object value) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
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
            JsonNode tree = REQUESTS.readTree(text);
            if (!tree.isObject()) {
                throw SignetException.invalid("The request body must be a JSON object.");
            }
            checkArraySizes(tree, "");
            return MAPPER.treeToValue(tree, type);
        } catch (DatabindException e) {
            throw SignetException.invalid(describe(e));
        } catch (StreamConstraintsException e) {
            throw SignetException.invalid("The request body is beyond a limit: nesting at most " + MAX_DEPTH
                    + " levels deep and strings of at most " + MAX_STRING_LENGTH + " characters.");
        } catch (JacksonException e) {
            throw SignetException.invalid("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Refuses an array longer than {@link #MAX_ARRAY_SIZE}, naming where it is ({@code authenticators},
     * {@code rule.in[1]}) so the caller knows which list to split; the tree is at most {@link #MAX_DEPTH} deep.
     */
    private static void checkArraySizes(JsonNode node, String path) {
        if (node.isArray() && node.size() > MAX_ARRAY_SIZE) {
            throw SignetException.invalid("The request body is beyond a limit: "
                    + (path.isEmpty() ? "the body" : "`" + path + "`") + " has " + node.size()
                    + " elements; arrays of at most " + MAX_ARRAY_SIZE + " elements are accepted.");
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isContainer()) {
                    checkArraySizes(node.get(i), path + "[" + i + "]");
                }
            }
        } else if (node.isObject()) {
            for (var field : node.properties()) {
                if (field.getValue().isContainer()) {
                    checkArraySizes(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
                }
            }
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
