package io.signet.authenticator;

import java.io.ByteArrayOutputStream;
import java.util.Map;

/** A minimal CBOR writer for the fuzz test: a map of integer keys to integers or byte strings. */
final class Cbor {
    private Cbor() {
    }

    static byte[] map(Map<Integer, Object> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        head(out, 5, entries.size());
        entries.forEach((k, v) -> {
            integer(out, k);
            if (v instanceof Integer i) {
                integer(out, i);
            } else {
                byte[] b = (byte[]) v;
                head(out, 2, b.length);
                out.writeBytes(b);
            }
        });
        return out.toByteArray();
    }

    private static void integer(ByteArrayOutputStream out, int n) {
        if (n >= 0) {
            head(out, 0, n);
        } else {
            head(out, 1, -1 - n);
        }
    }

    private static void head(ByteArrayOutputStream out, int major, int value) {
        if (value < 24) {
            out.write(major << 5 | value);
        } else if (value < 256) {
            out.write(major << 5 | 24);
            out.write(value);
        } else {
            out.write(major << 5 | 25);
            out.write(value >> 8);
            out.write(value & 0xff);
        }
    }
}
