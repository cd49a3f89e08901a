package io.signet.imports;

import io.signet.text.BoundedText;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads of one JSON object of an import line, each failure a {@link Rejection} naming the field by its
 * path in the line ({@code authenticators[1].totp.period}). Unknown fields are refused: the format is
 * lossless, and a field this version does not know would be dropped without a word.
 */
final class LineFields {
    private final JsonNode node;
    private final String path;

    LineFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    String path(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    Rejection reject(String field, String reason) {
        return new Rejection(field == null ? path : path(field), reason);
    }

    /** Refuses any field not in {@code known}. */
    void only(Set<String> known) {
        for (var field : node.properties()) {
            if (!known.contains(field.getKey())) {
                throw reject(field.getKey(), "unknown field (written by a newer Signet, or not an export line); "
                        + "importing would drop it");
            }
        }
    }

    JsonNode get(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    /**
     * An optional string of at most {@code max} characters without control characters; null when absent or
     * empty (an empty value means "not set", as in updateUser).
     */
    String text(String field, int max) {
        JsonNode v = get(field);
        if (v == null || (v.isString() && v.asString().isEmpty())) {
            return null;
        }
        if (!v.isString()) {
            throw reject(field, "must be a string");
        }
        if (!BoundedText.fits(v.asString(), max)) {
            throw reject(field, "must be at most " + max + " characters without control characters");
        }
        return v.asString();
    }

    String requiredText(String field, int max) {
        String v = text(field, max);
        if (v == null) {
            throw reject(field, "is required");
        }
        return v;
    }

    Boolean bool(String field) {
        JsonNode v = get(field);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw reject(field, "must be true or false");
        }
        return v.asBoolean();
    }

    boolean requiredBool(String field) {
        Boolean v = bool(field);
        if (v == null) {
            throw reject(field, "is required (true or false)");
        }
        return v;
    }

    /** A whole number from {@code min} to {@code max}; null when absent. */
    Long number(String field, long min, long max) {
        JsonNode v = get(field);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            throw reject(field, "must be a whole number from " + min + " to " + max);
        }
        return v.asLong();
    }

    long requiredNumber(String field, long min, long max) {
        Long v = number(field, min, max);
        if (v == null) {
            throw reject(field, "is required");
        }
        return v;
    }

    /** An ISO-8601 UTC instant as epoch millis; null when absent. Sub-millisecond digits are refused, not cut. */
    Long instant(String field) {
        String v = text(field, 40);
        if (v == null) {
            return null;
        }
        try {
            Instant t = Instant.parse(v);
            if (!v.endsWith("Z") || t.getNano() % 1_000_000 != 0 || t.toEpochMilli() < 0) {
                throw new DateTimeParseException("not a UTC millisecond instant", v, 0);
            }
            return t.toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw reject(field, "must be an ISO-8601 UTC time such as 2026-12-06T12:00:00.123Z");
        }
    }

    long requiredInstant(String field) {
        Long v = instant(field);
        if (v == null) {
            throw reject(field, "is required");
        }
        return v;
    }

    /** The nested object {@code field} read with {@code reader}; null when absent. */
    <T> T object(String field, Function<LineFields, T> reader) {
        JsonNode v = get(field);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            throw reject(field, "must be a JSON object");
        }
        return reader.apply(new LineFields(v, path(field)));
    }

    /** The array {@code field} (empty when absent), refusing more than {@code max} elements. */
    JsonNode array(String field, int max) {
        JsonNode v = get(field);
        if (v == null) {
            return tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!v.isArray()) {
            throw reject(field, "must be a JSON array");
        }
        if (v.size() > max) {
            throw reject(field, "has " + v.size() + " elements; at most " + max + " are accepted");
        }
        return v;
    }
}
