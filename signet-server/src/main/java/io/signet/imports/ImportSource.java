package io.signet.imports;

import java.io.Closeable;
import java.util.Iterator;

/**
 * Where import lines come from, in input order and numbered: a Signet export file ({@link JsonlSource}) or a
 * reader that converts another system's export into export-schema lines. A source holds one line at a time,
 * so an import's memory does not grow with the input. {@link #next} may throw {@link java.io.UncheckedIOException}
 * when the input cannot be read on (a damaged file): that ends the import, it is not a line's fault.
 */
public interface ImportSource extends Iterator<ImportLine>, Closeable {
    /**
     * The share of the input consumed so far, 0 to 1, for the progress display's ETA; negative when the
     * source cannot tell.
     */
    default double fractionRead() {
        return -1;
    }

    /**
     * Passes over the lines numbered up to {@code lastLine} when resuming, cheaply where the source can (without
     * parsing them). A source that cannot may do nothing: the import ignores lines up to the checkpoint anyway.
     */
    default void skipThrough(long lastLine) {
    }
}
