package io.signet.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAPI 3.1 document of the whole HTTP surface, kept by hand in {@code src/main/resources/openapi.json}
 * and served as is at {@code GET /openapi.json}. {@code OpenApiRoutesIT} fails when a route and the document
 * disagree; {@code OpenApiResponsesIT} validates real answers against its schemas.
 */
final class OpenApi {
    static final String DOCUMENT = load();

    private OpenApi() {
    }

    private static String load() {
        try (InputStream in = OpenApi.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
