package io.signet.webhook;

import io.signet.wire.Json;
import io.signet.wire.WireTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * One webhook event. {@link #body()} is the envelope of docs/server-api.md §9.3 "Envelope" as compact JSON, fields in the
 * order Authsignal sends them, {@code data} values all strings (the .NET and Java SDKs parse {@code data} as a
 * string map), plus {@code sequence}: Signet's per-tenant counter so a receiver can see that it missed one.
 * Log records are shaped differently, see {@link #envelope()}.
 */
record Event(String eventId, String tenantId, String userId, String type, Map<String, String> data,
             long createdAt, Long sequence) {
    static final int VERSION = 1;
    static final String SOURCE = "https://authsignal.com";

    Event {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(type);
        Map<String, String> copy = new LinkedHashMap<>();
        data.forEach((k, v) -> {
            if (v != null) { // absent optionals are omitted, as everywhere on the wire
                copy.put(Objects.requireNonNull(k, "data key"), v);
            }
        });
        data = Collections.unmodifiableMap(copy);
    }

    String body() {
        return Json.write(envelope());
    }

    /**
     * The envelope. A log record ({@link EventTypes#LOG}) carries its fields under {@code record} instead of
     * {@code data} and no {@code sequence}: it is sent as one of the {@code records} of a batch (§9.3).
     */
    ObjectNode envelope() {
        boolean log = EventTypes.LOG.contains(type);
        ObjectNode envelope = Json.MAPPER.createObjectNode();
        envelope.put("version", VERSION);
        envelope.put("id", eventId);
        envelope.put("source", SOURCE);
        envelope.put("time", WireTime.iso(createdAt));
        envelope.put("tenantId", tenantId);
        envelope.put("type", type);
        ObjectNode fields = envelope.putObject(log ? "record" : "data");
        data.forEach(fields::put);
        if (sequence != null && !log) {
            envelope.put("sequence", sequence.longValue());
        }
        return envelope;
    }

    /** The body of one POST carrying log records: {@code {"records": [...]}} with each stored record as is. */
    static String batchBody(List<String> records) {
        StringBuilder body = new StringBuilder("{\"records\":[");
        for (int i = 0; i < records.size(); i++) {
            body.append(i == 0 ? "" : ",").append(records.get(i));
        }
        return body.append("]}").toString();
    }
}
