package io.signet.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Every JSON answer any test received through {@link Api} in this JVM (the integration tests share one), kept
 * so {@code OpenApiResponsesIT} can validate real responses against the OpenAPI document's schemas. Bounded:
 * past {@link #LIMIT} answers, further ones are not kept.
 */
public final class CapturedResponses {
    static final int LIMIT = 50_000;
    private static final List<Captured> ALL = new ArrayList<>();

    public record Captured(String method, String path, int status, String body) {
    }

    private CapturedResponses() {
    }

    static synchronized void add(String method, String path, int status, String contentType, String body) {
        if (ALL.size() < LIMIT && contentType != null && contentType.startsWith("application/json")) {
            ALL.add(new Captured(method, path, status, body));
        }
    }

    public static synchronized List<Captured> all() {
        return List.copyOf(ALL);
    }
}
