package io.signet.webhook;

import io.signet.store.Jdbc;
import java.util.List;
import java.util.Map;

/**
 * How features announce asynchronous webhook events ({@code authenticator.created}, ...). The event is written
 * to the outbox with {@code jdbc}, in the transaction of the change that causes it, so it exists if and only if
 * that change commits; the delivery worker sends it afterwards. An interface so a feature's tests can count
 * what it publishes without running deliveries.
 */
public interface Events {
    /**
     * Records an event of an asynchronous {@code type} (see {@link EventTypes}) about {@code userId} (null for a
     * tenant-level event) with string-valued {@code data} (null values are left out). Returns the event id, or
     * null when no endpoint of the tenant receives {@code type}: then nothing is recorded.
     */
    String publish(Jdbc jdbc, String tenantId, String userId, String type, Map<String, String> data);

    /** One event of a {@link #publishAll} call: about {@code userId}, with {@code data}. */
    record Occurrence(String userId, Map<String, String> data) {
    }

    /**
     * {@link #publish} for many events of one {@code type}, reading the tenant's endpoints once: a batch
     * enrollment announces up to a thousand authenticators.
     */
    void publishAll(Jdbc jdbc, String tenantId, String type, List<Occurrence> occurrences);
}
