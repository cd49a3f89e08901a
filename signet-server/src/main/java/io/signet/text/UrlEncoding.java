package io.signet.text;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Percent-encoding in its two flavours. A URI component (path segment, otpauth label) writes a space as
 * {@code %20} and reads {@code +} as itself; a form ({@code application/x-www-form-urlencoded} bodies, and
 * query strings written by Java's {@link URLEncoder}) writes and reads a space as {@code +}. Both write a
 * {@code +} as {@code %2B}, so nothing is lost either way.
 */
public final class UrlEncoding {
    private UrlEncoding() {
    }

    /** One query {@code name=value} pair as sent; {@code value} is null when the pair has no {@code =}. */
    public record Pair(String name, String value) {
    }

    /** A URI component: UTF-8, unreserved characters kept, a space as {@code %20}. */
    public static String component(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A form value: UTF-8, a space as {@code +}. */
    public static String form(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Decodes a URI component; {@code +} stays {@code +}. Throws IllegalArgumentException on a malformed escape. */
    public static String decodeComponent(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Decodes a form value; {@code +} is a space. Throws IllegalArgumentException on a malformed escape. */
    public static String decodeForm(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /**
     * The decoded pairs of a raw query string ({@code a=1&b=2}), in order and with repeats, empty pairs
     * skipped; {@code form} picks how {@code +} reads. Throws IllegalArgumentException on a malformed escape.
     */
    public static List<Pair> queryPairs(String rawQuery, boolean form) {
        List<Pair> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? null : pair.substring(eq + 1);
            pairs.add(new Pair(form ? decodeForm(name) : decodeComponent(name),
                    value == null ? null : form ? decodeForm(value) : decodeComponent(value)));
        }
        return pairs;
    }
}
