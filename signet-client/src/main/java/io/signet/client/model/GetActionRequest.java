package io.signet.client.model;

/** Which tracked action {@code getAction} reads. */
public class GetActionRequest {
    /** The ID of the user. */
    public String userId;

    /** The action code. */
    public String action;

    /** The action's idempotency key, from {@code track}. */
    public String idempotencyKey;

    /** Creates an instance with every field unset. */
    public GetActionRequest() {
    }
}
