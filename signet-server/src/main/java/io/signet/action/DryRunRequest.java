package io.signet.action;

import tools.jackson.databind.node.ObjectNode;

/**
 * Body of {@code POST /admin/v1/rules/dry-run}: either {@code actionCode} with a rule {@code input}, or the
 * {@code idempotencyKey} of a recorded action, whose stored input is replayed against today's rules.
 */
public record DryRunRequest(String actionCode, ObjectNode input, String idempotencyKey) {
}
