package io.signet.openapi;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.signet.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The committed {@code openapi.json} as the tests read it: its operations, the operation a concrete request
 * went to, and the schema of an answer, compiled by networknt's json-schema-validator with the OpenAPI 3.1
 * dialect ({@code $ref}s resolved inside the document).
 */
final class OpenApiDocument {
    static final String LOCATION = "classpath:openapi.json";
    private static final List<String> METHODS = List.of("get", "post", "patch", "delete", "put");

    final JsonNode root;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31());
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final List<Operation> operations = new ArrayList<>();

    record Operation(String method, String template, Pattern pattern, JsonNode node) {
        String key() {
            return method.toUpperCase(Locale.ROOT) + " " + template;
        }
    }

    OpenApiDocument() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi.json")) {
            root = Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        root.path("paths").properties().forEach(path -> METHODS.forEach(m -> {
            if (path.getValue().has(m)) {
                String regex = Pattern.quote(path.getKey()).replaceAll("\\{\\w+}", "\\\\E[^/]+\\\\Q");
                operations.add(new Operation(m, path.getKey(), Pattern.compile(regex), path.getValue().get(m)));
            }
        }));
    }

    List<Operation> operations() {
        return operations;
    }

    /** The operation {@code method path} went to; a literal segment wins over a parameter, as in the router. */
    Optional<Operation> find(String method, String path) {
        String p = path.replaceAll("/{2,}", "/");
        int query = p.indexOf('?');
        String bare = query < 0 ? p : p.substring(0, query);
        String stripped = bare.length() > 1 && bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare;
        return operations.stream()
                .filter(o -> o.method().equalsIgnoreCase(method) && o.pattern().matcher(stripped).matches())
                .min(Comparator.comparingLong(o -> o.template().chars().filter(c -> c == '{').count()));
    }

    /**
     * The schema of an answer with {@code status}: the operation's own for that status, else its
     * {@code default} (the error shape); empty when the operation describes neither.
     */
    Optional<Schema> responseSchema(Operation op, int status) {
        JsonNode responses = op.node().path("responses");
        JsonNode response = responses.has(Integer.toString(status)) ? responses.get(Integer.toString(status))
                : status >= 400 ? responses.get("default") : null;
        if (response == null) {
            return Optional.empty();
        }
        JsonNode schema = response.path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? Optional.empty() : Optional.of(compile(schema));
    }

    /** The error shape, for JSON answers to paths no operation has (404s of unknown paths). */
    Schema errorSchema() {
        return component("ErrorBody");
    }

    Schema component(String name) {
        return schemas.computeIfAbsent("#/components/schemas/" + name,
                ref -> registry.getSchema(SchemaLocation.of(LOCATION + ref)));
    }

    /** A response schema inline in an operation: wrapped so its {@code $ref}s resolve against the document. */
    private Schema compile(JsonNode schema) {
        String text = schema.toString();
        return schemas.computeIfAbsent(text, t -> {
            if (schema.has("$ref") && schema.size() == 1) {
                return registry.getSchema(SchemaLocation.of(LOCATION + schema.get("$ref").asString()));
            }
            String rebased = t.replace("\"#/components/", "\"" + LOCATION + "#/components/");
            return registry.getSchema(Json.MAPPER.readTree(rebased));
        });
    }
}
