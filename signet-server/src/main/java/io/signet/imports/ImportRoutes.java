package io.signet.imports;

import io.javalin.http.Context;
import io.signet.error.SignetException;
import io.signet.http.Requests;
import io.signet.http.Router;
import io.signet.http.Routes;
import io.signet.imports.LineResult.Outcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Signet's own admin API for migrations (no Authsignal equivalent): {@code POST /admin/v1/import} takes a batch of
 * export lines and answers one result per line, so {@code ./signet import --url} moves thousands of users in
 * a few requests. Authenticated with the tenant's secret key by the filter on {@code /admin/*}.
 */
public final class ImportRoutes implements Routes {
    private final UserImporter importer;

    public ImportRoutes(UserImporter importer) {
        this.importer = importer;
    }

    @Override
    public void register(Router router) {
        router.post("/admin/v1/import", this::importUsers);
    }

    /** Body of {@code POST /admin/v1/import}: {@code lines} = [{line, user}], user in docs/export-schema.json. */
    record ImportRequest(Boolean dryRun, Boolean skipRecoveryCodes, List<JsonNode> lines) {
    }

    /** The answer: a result per line, in order, and how many of each outcome. */
    record ImportResponse(List<LineResult> results, int created, int updated, int unchanged, int rejected) {
        static ImportResponse of(List<LineResult> results) {
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            results.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
            return new ImportResponse(results, counts.getOrDefault(Outcome.CREATED, 0),
                    counts.getOrDefault(Outcome.UPDATED, 0), counts.getOrDefault(Outcome.UNCHANGED, 0),
                    counts.getOrDefault(Outcome.REJECTED, 0));
        }
    }

    /** {@code POST /admin/v1/import}: imports (or with {@code dryRun} judges) up to 500 lines. */
    private Object importUsers(Context ctx) {
        ImportRequest request = Requests.body(ctx, ImportRequest.class);
        List<ImportLine> lines = lines(request.lines());
        return ImportResponse.of(importer.importBatch(Requests.tenantId(ctx), lines,
                new ImportOptions(Boolean.TRUE.equals(request.dryRun()), Boolean.TRUE.equals(request.skipRecoveryCodes()))));
    }

    /** The request's items as lines; an item whose {@code user} is not an object is a rejected line, not a 400. */
    private static List<ImportLine> lines(List<JsonNode> items) {
        if (items == null || items.isEmpty()) {
            throw SignetException.invalid("'lines' is required: a list of {\"line\": n, \"user\": {...}} items.");
        }
        if (items.size() > UserImporter.MAX_BATCH) {
            throw SignetException.invalid("'lines' has " + items.size() + " items; at most " + UserImporter.MAX_BATCH
                    + " are accepted per request. Split the batch.");
        }
        List<ImportLine> lines = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            JsonNode number = item == null ? null : item.get("line");
            if (number == null || !number.isIntegralNumber() || !number.canConvertToLong() || number.asLong() < 1) {
                throw SignetException.invalid("'lines[" + i + "].line' must be the line's number in the file (1 or more).");
            }
            JsonNode user = item.get("user");
            lines.add(user != null && user.isObject() ? ImportLine.of(number.asLong(), user)
                    : ImportLine.unreadable(number.asLong(), "'user' must be a JSON object (one export line)"));
        }
        return lines;
    }
}
