package io.signet.authenticator;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Strict RFC 4648 §6 base32 decoding for TOTP secrets. Written here rather than taken from a library
 * because the common decoders (commons-codec's {@code Base32} among them) skip characters outside the
 * alphabet, which would turn a mistyped secret into a different, valid-looking one.
 */
public final class Base32 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    /**
     * Decodes {@code text}: case-insensitive, optional {@code =} padding, no other characters. Leftover
     * bits must be zero, so every secret has exactly one accepted spelling (canonical = upper case, no
     * padding). Throws {@link IllegalArgumentException} for anything else.
     */
    public static byte[] decode(String text) {
        String s = text.toUpperCase(Locale.ROOT);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            throw new IllegalArgumentException("empty");
        }
        int remainder = end % 8;
        if (remainder == 1 || remainder == 3 || remainder == 6) {
            throw new IllegalArgumentException("impossible length");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(end * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < end; i++) {
            int value = ALPHABET.indexOf(s.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character outside the base32 alphabet");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out.write((buffer >> bits) & 0xFF);
            }
        }
        if ((buffer & ((1 << bits) - 1)) != 0) {
            throw new IllegalArgumentException("non-zero trailing bits");
        }
        return out.toByteArray();
    }

    /** Canonical form: upper case, no padding. */
    public static String encode(byte[] data) {
        StringBuilder sb = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                sb.append(ALPHABET.charAt((buffer >> bits) & 31));
            }
        }
        if (bits > 0) {
            sb.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return sb.toString();
    }
}
