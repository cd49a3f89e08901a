package io.signet.rule;

/** The admin view of one action code's configuration. */
public record ActionConfiguration(String actionCode, Outcome defaultOutcome) {
}
