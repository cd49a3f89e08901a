package io.signet.imports;

import io.signet.export.ExportCipher;
import io.signet.wire.Json;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The lines of a Signet export file (docs/export-format.md), plain or passphrase-encrypted, read one at a
 * time. A line longer than {@value #MAX_LINE_BYTES} bytes is not held in memory: it is skipped to its end and
 * yielded as unreadable, so a hostile or damaged file costs at most that much memory. Blank lines are skipped
 * (they still count, so line numbers match an editor's).
 */
public final class JsonlSource implements ImportSource {
    /** Far above a real user (custom data is at most 16 KiB, a passkey about 1 KiB) and small enough to hold. */
    public static final int MAX_LINE_BYTES = 256 * 1024;

    private final InputStream in;
    private final Counting raw;
    private final long size;
    private byte[] buffer = new byte[8192];
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkEnd;
    private boolean tooLong;
    private long number;
    private ImportLine next;
    private boolean ended;

    private JsonlSource(InputStream in, Counting raw, long size) {
        this.in = in;
        this.raw = raw;
        this.size = size;
    }

    /**
     * Opens {@code file}; when it is an encrypted export, {@code passphrase} is asked for (only then) and the
     * chunks are decrypted and authenticated as they are read.
     */
    public static JsonlSource open(Path file, Supplier<char[]> passphrase) throws IOException {
        Counting raw = new Counting(Files.newInputStream(file));
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16); // mark() to peek at the magic
        try {
            buffered.mark(64);
            byte[] start = buffered.readNBytes(64);
            buffered.reset();
            InputStream content = buffered;
            if (ExportCipher.isEncrypted(start)) {
                char[] phrase = passphrase.get();
                try {
                    content = ExportCipher.decrypting(buffered, phrase);
                } finally {
                    Arrays.fill(phrase, '\0');
                }
            }
            return new JsonlSource(content, raw, Files.size(file));
        } catch (IOException | RuntimeException e) {
            buffered.close();
            throw e;
        }
    }

    /** Reads lines from {@code in} (already plain JSON Lines), for tests and sources that wrap this one. */
    public static JsonlSource of(InputStream in) {
        return new JsonlSource(in, null, -1);
    }

    @Override
    public void skipThrough(long lines) {
        try {
            while (number < lines && readLine() != null) {
                // counted in readLine
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the import file: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null && !ended) {
            next = read();
            ended = next == null;
        }
        return next != null;
    }

    @Override
    public ImportLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ImportLine line = next;
        next = null;
        return line;
    }

    @Override
    public double fractionRead() {
        return raw == null || size <= 0 ? -1 : Math.min(1.0, (double) raw.count / size);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private ImportLine read() {
        try {
            while (true) {
                String text = readLine();
                if (text == null) {
                    return null;
                }
                if (tooLong) {
                    return ImportLine.unreadable(number, "the line is longer than " + MAX_LINE_BYTES / 1024
                            + " KiB; no user is that large");
                }
                if (!text.isBlank()) {
                    return parse(number, text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the import file after line " + number + ": "
                    + e.getMessage(), e);
        }
    }

    /** One line's text as a JSON object, or an unreadable line saying what is wrong with it. */
    static ImportLine parse(long number, String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            return node != null && node.isObject() ? ImportLine.of(number, node)
                    : ImportLine.unreadable(number, "the line is not a JSON object");
        } catch (JacksonException e) {
            return ImportLine.unreadable(number, "the line is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The next line without its end of line, or null at the end of the input; {@link #tooLong} tells whether
     * the line was cut. Scans a chunk at a time rather than a byte at a time: this loop sees every byte.
     */
    private String readLine() throws IOException {
        int length = 0;
        tooLong = false;
        boolean any = false;
        while (true) {
            if (chunkPos == chunkEnd) {
                chunkEnd = in.read(chunk, 0, chunk.length);
                chunkPos = 0;
                if (chunkEnd <= 0) {
                    chunkEnd = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int from = chunkPos;
            while (chunkPos < chunkEnd && chunk[chunkPos] != '\n') {
                chunkPos++;
            }
            int n = chunkPos - from;
            if (!tooLong && length + n > MAX_LINE_BYTES) {
                tooLong = true;
            }
            if (!tooLong) {
                if (length + n > buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.min(MAX_LINE_BYTES, Math.max(length + n, buffer.length * 2)));
                }
                System.arraycopy(chunk, from, buffer, length, n);
                length += n;
            }
            if (chunkPos < chunkEnd) {
                chunkPos++; // the '\n'
                break;
            }
        }
        number++;
        if (tooLong) {
            return "";
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    /** Counts the bytes read from the file itself, so progress works for encrypted files too. */
    private static final class Counting extends FilterInputStream {
        private volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
