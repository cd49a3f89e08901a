package io.signet.client.model;

/** One action in a {@code queryUserActions} answer. */
public class QueryUserActionsResponseItem {
    /** The action code. */
    public String actionCode;

    /** The action's idempotency key. */
    public String idempotencyKey;

    /** When it was tracked (ISO-8601). */
    public String createdAt;

    /** When it last changed (ISO-8601). */
    public String updatedAt;

    /** The action's state, as the wire string. */
    public String state;

    /** When its state last changed (ISO-8601). */
    public String stateUpdatedAt;

    /** The method the user completed the challenge with, if any. */
    public VerificationMethodType verificationMethod;

    /** The authenticator that completed the challenge, if any. */
    public String verifiedByAuthenticatorId;

    /** Creates an instance with every field unset. */
    public QueryUserActionsResponseItem() {
    }
}
