package io.signet.webhook;

import io.signet.store.Jdbc;
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

    /**
     * True when some endpoint of the tenant would receive an event of {@code type}, as the caller's transaction
     * sees them. Lets a caller with many events skip building them when nobody listens.
     */
    boolean anyReceiver(Jdbc jdbc, String tenantId, String type);
}
