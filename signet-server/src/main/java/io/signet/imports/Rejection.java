package io.signet.imports;

/**
 * Why a line cannot be imported: the field at fault, as a path into the line, and a reason a person can act on.
 * Thrown while a line is read and checked; it never leaves the importer (it becomes a {@link LineResult}).
 */
final class Rejection extends RuntimeException {
    private final String field;

    Rejection(String field, String reason) {
        super(reason, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }

    String reason() {
        return getMessage();
    }
}
