package io.signet.client.model;

/** A rule that fired for an action. */
public class Rule {
    /** The rule's ID. */
    public String ruleId;

    /** The rule's name. */
    public String name;

    /** The rule's description. */
    public String description;

    /** Creates an instance with every field unset. */
    public Rule() {
    }
}
