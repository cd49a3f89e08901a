package io.signet.authenticator;

import io.signet.crypto.RandomTokens;
import io.signet.crypto.SecretHasher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recovery codes: {@value #COUNT} per user, each {@value #SYMBOLS} Crockford base32 symbols (60 bits) shown
 * as {@code XXXX-XXXX-XXXX}. Crockford's alphabet has no I, L, O or U, and reading accepts the usual
 * confusions (O for 0, I and L for 1), lower case, spaces and missing hyphens, so a code read aloud or
 * retyped still works. Only keyed hashes of the normalised form are stored.
 */
final class RecoveryCodes {
    static final int COUNT = 10;
    static final int SYMBOLS = 12;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String HASH_PURPOSE = "recovery-code";

    private RecoveryCodes() {
    }

    static List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int c = 0; c < COUNT; c++) {
            StringBuilder sb = new StringBuilder(SYMBOLS + 2);
            for (int i = 0; i < SYMBOLS; i++) {
                if (i > 0 && i % 4 == 0) {
                    sb.append('-');
                }
                sb.append(ALPHABET.charAt(RandomTokens.nextInt(ALPHABET.length())));
            }
            codes.add(sb.toString());
        }
        return codes;
    }

    /** The canonical form of a typed code, or null when it cannot be one of ours. */
    static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(SYMBOLS);
        for (char ch : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            char c = switch (ch) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> ch;
            };
            if (c == '-' || c == ' ') {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0 || sb.length() == SYMBOLS) {
                return null;
            }
            sb.append(c);
        }
        return sb.length() == SYMBOLS ? sb.toString() : null;
    }

    static String hash(SecretHasher hasher, String normalized) {
        return hasher.hash(HASH_PURPOSE, normalized);
    }
}
