package io.signet.client.model;

import java.util.Map;

/** One record of a log batch ({@code action.log_created}, {@code challenge.log_created}). */
public class WebhookLogEvent extends WebhookEnvelope {
    /** The logged fields. */
    public Map<String, Object> record;

    /** Creates an instance with every field unset. */
    public WebhookLogEvent() {
    }
}
