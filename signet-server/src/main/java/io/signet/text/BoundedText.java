package io.signet.text;

import io.signet.error.SignetException;

/**
 * The one check of free text a caller sends (names, descriptions, device ids): a bounded length and no
 * control characters, so a value is safe to store, log and show on a page. Lengths count UTF-16 units,
 * as {@link String#length()} does, like every limit in the API reference.
 */
public final class BoundedText {
    private BoundedText() {
    }

    /** Whether {@code value} is at most {@code max} characters without control characters; null fits. */
    public static boolean fits(String value, int max) {
        return value == null || (value.length() <= max && value.chars().noneMatch(Character::isISOControl));
    }

    /** Whether {@code value} is a name: present, not blank, at most {@code max} characters, no control characters. */
    public static boolean isName(String value, int max) {
        return value != null && !value.isBlank() && fits(value, max);
    }

    /** An optional text field: null passes; otherwise a 400 naming the field when it is too long or has control characters. */
    public static String optional(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw SignetException.invalid("'" + field + "' must be at most " + max + " characters.");
        }
        if (!fits(value, max)) {
            throw SignetException.invalid("'" + field + "' must not contain control characters.");
        }
        return value;
    }

    /** A required name: a 400 naming the field unless it {@link #isName is a name}; returned as given. */
    public static String required(String field, String value, int max) {
        if (!isName(value, max)) {
            throw SignetException.invalid("'" + field + "' must be 1 to " + max + " characters without control characters.");
        }
        return value;
    }
}
