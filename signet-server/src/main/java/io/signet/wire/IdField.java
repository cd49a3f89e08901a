package io.signet.wire;

import io.signet.error.SignetException;
import io.signet.text.BoundedText;

/**
 * The shape every id a caller names must have (user id, authenticator id, idempotency key, event id), wherever
 * it arrives: in the path, the body or a header. 1 to 255 characters, no control characters.
 */
public final class IdField {
    private static final int MAX_LENGTH = 255;

    private IdField() {
    }

    /** {@code value} when it is a valid id; otherwise a 400 naming {@code name}. */
    public static String check(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw SignetException.invalid("'" + name + "' must not be empty.");
        }
        return BoundedText.optional(name, value, MAX_LENGTH);
    }
}
