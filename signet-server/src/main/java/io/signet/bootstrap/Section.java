package io.signet.bootstrap;

import io.signet.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One kind of item a bootstrap file declares per tenant (app clients, rules, ...), implemented by the feature
 * that owns it, through the same validation as its admin API. Items are matched to what exists by
 * {@link #key()} ({@code name}, {@code url}, ...); an existing item is left alone when every field the file gives
 * already has the given value, so applying the same file twice changes nothing.
 */
public interface Section {
    /** The field of the tenant's object in the file, e.g. {@code "appClients"}. */
    String field();

    /** The field that identifies an item; null for a section that is one object (the tenant's settings). */
    String key();

    /** The fields an item may have: the admin API's request body. */
    Class<? extends Record> body();

    /** The tenant's items as the admin API shows them. */
    List<JsonNode> existing(String tenantId);

    void create(String tenantId, JsonNode item);

    /** {@code current}: the matched item as {@link #existing} showed it. */
    void update(String tenantId, JsonNode current, JsonNode item);

    /** The names of {@link #body()}'s fields, for refusing a misspelt one in the file. */
    default List<String> fieldNames() {
        return Arrays.stream(body().getRecordComponents()).map(c -> c.getName()).toList();
    }

    /** Parses {@code item} as the admin API parses a body: a wrong type is a 400 naming the field. */
    static <T> T read(JsonNode item, Class<T> type) {
        return Json.read(item.toString().getBytes(StandardCharsets.UTF_8), type);
    }

    /** The item in {@code items} whose {@code key} field equals {@code value}. */
    static Optional<JsonNode> find(List<JsonNode> items, String key, JsonNode value) {
        return items.stream().filter(i -> i.path(key).equals(value)).findFirst();
    }
}
