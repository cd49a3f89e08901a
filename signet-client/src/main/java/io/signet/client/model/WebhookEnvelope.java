package io.signet.client.model;

/** The fields every webhook event and every log record carries (docs/server-api.md §9.3 "Envelope"). */
public abstract class WebhookEnvelope {
    /** The envelope version, {@code 1}. */
    public int version;

    /** The event type, e.g. {@code authenticator.created} or {@code action.log_created}. */
    public String type;

    /** The unique id: a receiver ignores an id it has already handled (delivery is at least once). */
    public String id;

    /** Always {@code https://authsignal.com}. */
    public String source;

    /** When it happened, ISO-8601 UTC. */
    public String time;

    /** The tenant it belongs to. */
    public String tenantId;

    /** Creates an instance with every field unset. */
    protected WebhookEnvelope() {
    }
}
