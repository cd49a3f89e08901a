package io.signet.client.model;

import java.util.List;

/**
 * A batch of log records, the body {@code {"records": [...]}} of a log feed delivery, as
 * {@link io.signet.client.Webhook#constructLogEventBatch} returns it after verifying its signature.
 */
public class WebhookEventBatch {
    /** The records, each delivered at least once, in no promised order. */
    public List<WebhookLogEvent> records;

    /** Creates an instance with every field unset. */
    public WebhookEventBatch() {
    }
}
