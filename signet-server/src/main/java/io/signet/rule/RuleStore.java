package io.signet.rule;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Storage of rules and per-action-code configuration. */
public interface RuleStore {
    /** Stores a new rule. */
    void insert(Rule rule);

    /** The rule, if it exists in the tenant. */
    Optional<Rule> find(String tenantId, String ruleId);

    /** The tenant's rules, all or those of one action code (rules for every action included), by priority. */
    List<Rule> list(String tenantId, String actionCode);

    /** Applies {@code change} to the current rule under a row lock and stores it; empty when absent. */
    Optional<Rule> update(String tenantId, String ruleId, UnaryOperator<Rule> change);

    /** Deletes the rule; false when absent. */
    boolean delete(String tenantId, String ruleId);

    /** The configured default outcome of an action code, if any. */
    Optional<Outcome> defaultOutcome(String tenantId, String actionCode);

    /** Sets the default outcome of an action code, or removes it when {@code outcome} is null. */
    void setDefaultOutcome(String tenantId, String actionCode, Outcome outcome, long now);

    /** Every configured action code with its default outcome, by action code. */
    List<ActionConfiguration> configurations(String tenantId);
}
