package io.signet.passkey;

import io.signet.error.SignetException;
import io.signet.wire.IdField;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** Checks of the passkey requests' fields: each refusal a 400 that names the field. */
final class PasskeyInput {
    static final int MAX_TEXT = 255;

    private PasskeyInput() {
    }

    static JsonNode object(String field, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw SignetException.invalid("'" + field + "' is required: the object the browser's WebAuthn call "
                    + "returned, as JSON.");
        }
        return node;
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw SignetException.invalid("'" + field + "' is required.");
        }
        return IdField.check(field, value);
    }

    static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw SignetException.invalid("'" + field + "' must be at most " + MAX_TEXT + " characters.");
        }
        return value.strip();
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static String firstNonNull(String... values) {
        return Stream.of(values).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    }
}
