package io.signet.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds request URIs from the base URL. Unlike authsignal-java, path parameters are percent-encoded,
 * so an ID such as {@code user:1} or one with a space works instead of failing to parse.
 */
final class Urls {
    private final String baseUrl;

    Urls(String baseUrl) {
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        URI parsed = URI.create(trimmed);
        if (parsed.getScheme() == null || !parsed.getScheme().startsWith("http") || parsed.getHost() == null) {
            throw new IllegalArgumentException("baseURL must be an http(s) URL such as http://127.0.0.1:8080/v1, was "
                    + baseUrl);
        }
        this.baseUrl = trimmed;
    }

    /**
     * The URI of {@code template}, whose {@code {}} placeholders are replaced in order by the encoded
     * {@code segments}.
     */
    URI path(String template, String... segments) {
        StringBuilder path = new StringBuilder(baseUrl);
        int next = 0;
        for (int i = 0; i < template.length(); i++) {
            if (template.startsWith("{}", i)) {
                path.append(encodeSegment(segments[next++]));
                i++;
            } else {
                path.append(template.charAt(i));
            }
        }
        return URI.create(path.toString());
    }

    /** As {@link #path}, followed by a form-encoded query of the non-null {@code params}, if any. */
    URI withQuery(URI uri, Map<String, String> params) {
        String query = params.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? uri : URI.create(uri + "?" + query);
    }

    /** A map that keeps insertion order, so query strings are stable. */
    static Map<String, String> params() {
        return new LinkedHashMap<>();
    }

    private static String encodeSegment(String segment) {
        if (segment == null || segment.isEmpty()) {
            throw new IllegalArgumentException("A path parameter (user ID, action, key or authenticator ID) is missing");
        }
        // URLEncoder is form encoding; in a path a space must be %20, and '+' must stay encoded as %2B.
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
