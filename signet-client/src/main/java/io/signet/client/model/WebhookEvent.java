package io.signet.client.model;

import java.util.Map;

/**
 * A webhook event (docs/server-api.md §9.3 "Envelope"), as {@link io.signet.client.Webhook#constructEvent} returns it
 * after verifying its signature.
 */
public class WebhookEvent extends WebhookEnvelope {
    /** The event's fields, every value a string. */
    public Map<String, String> data;

    /** Signet only: the tenant's event counter, which grows by one per asynchronous event; else {@code null}. */
    public Long sequence;

    /** Creates an instance with every field unset. */
    public WebhookEvent() {
    }
}
