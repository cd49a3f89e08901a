package io.signet.authenticator;

import io.signet.error.SignetException;
import io.signet.text.BoundedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Strict reads of one JSON object's fields: a value of the wrong JSON type is a 400 naming the field,
 * never coerced (a number where a phone number belongs is a mistake, not a phone number). Batch items are
 * read one by one with this, so one bad item fails alone. Absent and {@code null} both mean "not sent"
 * (docs/server-api.md §2.4 "Request bodies").
 */
final class Fields {
    static final int MAX_TEXT = 255;
    private final JsonNode node;

    Fields(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw SignetException.invalid("Each authenticator must be a JSON object.");
        }
        this.node = node;
    }

    /** A string field, or null when absent; at most {@code maxLength} characters, no control characters. */
    String text(String name, int maxLength) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw SignetException.invalid("'" + name + "' must be a string.");
        }
        String s = BoundedText.optional(name, v.asString(), maxLength);
        return s;
    }

    /** A non-empty string field; {@code why} tells the caller when it is needed. */
    String required(String name, int maxLength, String why) {
        String s = text(name, maxLength);
        if (s == null || s.isBlank()) {
            throw SignetException.invalid("'" + name + "' is required " + why + ".");
        }
        return s;
    }

    Boolean bool(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw SignetException.invalid("'" + name + "' must be true or false.");
        }
        return v.asBoolean();
    }

    /** A whole number in [min, max], or null when absent. */
    Long wholeNumber(String name, long min, long max) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            throw SignetException.invalid("'" + name + "' must be a whole number from " + min + " to " + max + ".");
        }
        return v.asLong();
    }

    /** An array of strings, each one of {@code allowed}; null when absent. */
    List<String> strings(String name, Set<String> allowed) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        String hint = "'" + name + "' must be an array of " + String.join(", ", allowed.stream().sorted().toList()) + ".";
        if (!v.isArray() || v.size() > allowed.size()) {
            throw SignetException.invalid(hint);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isString() || !allowed.contains(item.asString())) {
                throw SignetException.invalid(hint);
            }
            if (!out.contains(item.asString())) {
                out.add(item.asString());
            }
        }
        return out;
    }
}
