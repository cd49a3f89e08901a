package io.signet.client.model;

/** A tracked action. */
public class GetActionResponse {
    /** The action's state. */
    public UserActionState state;

    /** When it was tracked (ISO-8601). */
    public String createdAt;

    /** When its state last changed (ISO-8601). */
    public String stateUpdatedAt;

    /** The method the user completed the challenge with, if any. */
    public String verificationMethod;

    /** The rules that fired, in priority order. */
    public Rule[] rules;

    /** The IDs of the rules that fired. */
    public String[] ruleIds;

    /** Creates an instance with every field unset. */
    public GetActionResponse() {
    }
}
