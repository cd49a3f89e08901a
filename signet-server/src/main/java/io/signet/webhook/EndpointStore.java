package io.signet.webhook;

import io.signet.store.Jdbc;
import java.util.List;
import java.util.Optional;

/** Storage of webhook endpoints. */
public interface EndpointStore {
    /** Inserts a new endpoint. */
    void create(WebhookEndpoint endpoint);

    /** Replaces url, event types and enabled flag; false when the endpoint does not exist. */
    boolean update(WebhookEndpoint endpoint);

    /** Deletes the endpoint with its deliveries and their attempts; false when it did not exist. */
    boolean delete(String tenantId, String endpointId);

    /** The endpoint with this id in this tenant. */
    Optional<WebhookEndpoint> find(String tenantId, String endpointId);

    /** Every endpoint of the tenant, oldest first. */
    List<WebhookEndpoint> list(String tenantId);

    /** Every endpoint of the tenant, read in the caller's transaction. */
    List<WebhookEndpoint> list(Jdbc jdbc, String tenantId);
}
