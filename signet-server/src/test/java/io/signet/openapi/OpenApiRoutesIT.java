package io.signet.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.wire.Json;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The committed OpenAPI document and the routes the server really registers are the same set,
 * the server serves the committed document at {@code GET /openapi.json}, and every schema it names compiles.
 */
class OpenApiRoutesIT {
    /**
     * Registered for SDKs that build a wrong URL, not part of the API: the Java SDK's query glued to the path
     * without '?', and a base URL that already ends in /v1. The document describes the real routes only.
     */
    private static final Set<String> SDK_QUIRK_ALIASES = Set.of("POST /v1/challenges{javaQuery}",
            "GET /v1/v1/challenges");

    @TempDir
    Path tempDir;

    private final OpenApiDocument doc = new OpenApiDocument();

    @Test
    void every_route_has_an_entry_and_every_entry_a_route() {
        try (TestServer server = TestServer.start(Backend.SQLITE, tempDir)) {
            Set<String> routes = new TreeSet<>(server.app().jsonEndpoints());
            assertThat(routes).containsAll(SDK_QUIRK_ALIASES);
            routes.removeAll(SDK_QUIRK_ALIASES);
            Set<String> documented = new TreeSet<>();
            doc.operations().forEach(o -> documented.add(o.key()));

            Set<String> undocumented = new TreeSet<>(routes);
            undocumented.removeAll(documented);
            Set<String> withoutRoute = new TreeSet<>(documented);
            withoutRoute.removeAll(routes);
            assertThat(undocumented).as("routes without an OpenAPI entry").isEmpty();
            assertThat(withoutRoute).as("OpenAPI entries without a route").isEmpty();
        }
    }

    @Test
    void the_server_serves_the_committed_document() {
        try (TestServer server = TestServer.start(Backend.SQLITE, tempDir)) {
            ApiResponse served = server.api().withKey(null).get("/openapi.json");
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.header("Content-Type")).startsWith("application/json");
            assertThat(served.json()).isEqualTo(doc.root);
            assertThat(doc.root.path("openapi").asString()).isEqualTo("3.1.0");
        }
    }

    @Test
    void every_operation_is_complete_and_every_schema_compiles() {
        List<String> problems = new ArrayList<>();
        Set<String> operationIds = new TreeSet<>();
        doc.operations().forEach(o -> {
            JsonNode node = o.node();
            if (!operationIds.add(node.path("operationId").asString(""))) {
                problems.add(o.key() + ": missing or repeated operationId");
            }
            if (node.path("summary").asString("").isBlank() || !node.path("responses").has("default")
                    && !o.template().equals("/openapi.json")) {
                problems.add(o.key() + ": needs a summary and the error answer");
            }
            o.template().chars().filter(c -> c == '{').forEach(c -> {
                if (!node.has("parameters")) {
                    problems.add(o.key() + ": path parameters not described");
                }
            });
        });
        doc.root.path("components").path("schemas").propertyNames().forEach(name -> {
            try {
                doc.component(name).validate(Json.MAPPER.readTree("{}"));
            } catch (RuntimeException e) {
                problems.add("schema " + name + ": " + e.getMessage());
            }
        });
        assertThat(problems).isEmpty();
    }
}
