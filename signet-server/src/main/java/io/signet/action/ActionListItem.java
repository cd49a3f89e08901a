package io.signet.action;

import io.signet.user.VerificationMethod;
import io.signet.wire.WireTime;
import tools.jackson.databind.node.ObjectNode;

/** One element of queryUserActions' bare array (docs/server-api.md §7.3.4 "queryUserActions"), plus the action's {@code custom}. */
public record ActionListItem(
        String actionCode,
        String idempotencyKey,
        String createdAt,
        String updatedAt,
        ActionState state,
        String stateUpdatedAt,
        VerificationMethod verificationMethod,
        String verifiedByAuthenticatorId,
        String userAgent,
        String ipAddress,
        ObjectNode custom) {

    static ActionListItem of(Action a) {
        return new ActionListItem(a.actionCode(), a.idempotencyKey(), WireTime.iso(a.createdAt()),
                WireTime.iso(a.updatedAt()), a.state(), WireTime.iso(a.stateUpdatedAt()), a.verificationMethod(),
                a.verifiedByAuthenticatorId(), a.userAgent(), a.ipAddress(), RuleInputs.actionCustom(a.ruleInput()));
    }
}
