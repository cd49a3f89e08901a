package io.signet.client.model;

/** Which action {@code updateAction} changes, and how. */
public class UpdateActionRequest {
    /** The ID of the user. */
    public String userId;

    /** The action code. */
    public String action;

    /** The action's idempotency key. */
    public String idempotencyKey;

    /** The new attributes. */
    public ActionAttributes attributes;

    /** Creates an instance with every field unset. */
    public UpdateActionRequest() {
    }
}
