package io.signet.client.model;

/** The changeable attributes of an action: the body and answer of {@code updateAction}. */
public class ActionAttributes {
    /** The action's state. */
    public UserActionState state;

    /** Creates an instance with every field unset. */
    public ActionAttributes() {
    }
}
