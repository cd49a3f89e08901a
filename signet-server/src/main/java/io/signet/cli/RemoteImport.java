package io.signet.cli;

import io.signet.imports.ImportLine;
import io.signet.imports.ImportOptions;
import io.signet.imports.ImportRun;
import io.signet.imports.LineResult;
import io.signet.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./signet import --url}: batches go to a running server's {@code POST /admin/v1/import}, which runs the
 * same importer as a local import. A batch is split into requests under {@value #MAX_REQUEST_BYTES} bytes (the
 * server takes bodies of at most 1 MiB). Unreadable lines are rejected here: there is no user to send.
 */
final class RemoteImport implements ImportRun.Target {
    static final int MAX_REQUEST_BYTES = 768 * 1024;

    private final AdminClient client;
    private final String tenantId;

    private RemoteImport(AdminClient client, String tenantId) {
        this.client = client;
        this.tenantId = tenantId;
    }

    /** Connects: the tenant the key belongs to, from {@code GET /admin/v1/settings}, names the checkpoint's target. */
    static RemoteImport connect(AdminClient client) {
        JsonNode settings = Json.MAPPER.readTree(exchange(client, "GET", "/admin/v1/settings", null));
        String tenantId = settings.path("tenantId").asString("");
        if (tenantId.isEmpty()) {
            throw new IllegalStateException(client.baseUrl() + " did not say which tenant the key belongs to");
        }
        return new RemoteImport(client, tenantId);
    }

    @Override
    public String tenantId() {
        return tenantId;
    }

    @Override
    public List<LineResult> apply(List<ImportLine> batch, ImportOptions options) {
        List<LineResult> results = new ArrayList<>(batch.size());
        List<ImportLine> sent = new ArrayList<>();
        List<String> items = new ArrayList<>();
        int bytes = 0;
        for (ImportLine line : batch) {
            if (line.unreadable() != null) {
                flush(sent, items, options, results);
                bytes = 0;
                results.add(LineResult.rejected(line.number(), null, "", line.unreadable()));
                continue;
            }
            String item = "{\"line\":" + line.number() + ",\"user\":" + Json.write(line.user()) + "}";
            int size = item.getBytes(StandardCharsets.UTF_8).length + 1;
            if (bytes + size > MAX_REQUEST_BYTES && !items.isEmpty()) {
                flush(sent, items, options, results);
                bytes = 0;
            }
            sent.add(line);
            items.add(item);
            bytes += size;
        }
        flush(sent, items, options, results);
        return results;
    }

    /** Sends the pending items as one request and appends their results in order. */
    private void flush(List<ImportLine> sent, List<String> items, ImportOptions options, List<LineResult> results) {
        if (items.isEmpty()) {
            return;
        }
        String body = "{\"dryRun\":" + options.dryRun() + ",\"skipRecoveryCodes\":" + options.skipRecoveryCodes()
                + ",\"lines\":[" + String.join(",", items) + "]}";
        JsonNode answer = Json.MAPPER.readTree(exchange(client, "POST", "/admin/v1/import", body));
        JsonNode list = answer.path("results");
        if (list.size() != items.size()) {
            throw new IllegalStateException(client.baseUrl() + " answered " + list.size() + " results for "
                    + items.size() + " lines");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            LineResult.Outcome outcome = LineResult.Outcome.parse(r.path("outcome").asString(""));
            if (outcome == null || r.path("line").asLong() != sent.get(i).number()) {
                throw new IllegalStateException(client.baseUrl() + " answered a result this client does not understand: " + r);
            }
            String userId = r.hasNonNull("userId") ? r.get("userId").asString() : null;
            results.add(outcome == LineResult.Outcome.REJECTED
                    ? LineResult.rejected(sent.get(i).number(), userId, r.path("field").asString(""), r.path("reason").asString(""))
                    : new LineResult(sent.get(i).number(), userId, outcome, null, null));
        }
        sent.clear();
        items.clear();
    }

    /** The answer's body, or an exception carrying the server's error description: the import cannot go on. */
    private static String exchange(AdminClient client, String method, String path, String body) {
        try {
            AdminClient.Answer answer = client.send(method, path, body);
            if (!answer.ok()) {
                String description = answer.body();
                try {
                    description = Json.MAPPER.readTree(answer.body()).path("errorDescription").asString(answer.body());
                } catch (RuntimeException notJson) {
                    // keep the raw body
                }
                throw new IllegalStateException(client.baseUrl() + path + " answered " + answer.status() + ": " + description);
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + client.baseUrl() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
