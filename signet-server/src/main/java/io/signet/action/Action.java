package io.signet.action;

import io.signet.user.VerificationMethod;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A recorded action. {@code explanation} is what decided it (see {@link Explanation}); {@code ruleInput}
 * the input the rules saw, kept so a dry run can replay it. {@code locale} is track's, for the hosted page.
 */
record Action(
        String tenantId,
        String idempotencyKey,
        String userId,
        String actionCode,
        ActionState state,
        long stateUpdatedAt,
        VerificationMethod verificationMethod,
        String verifiedByAuthenticatorId,
        String ipAddress,
        String userAgent,
        String deviceId,
        String redirectUrl,
        String scope,
        List<String> ruleIds,
        String decidedByRuleId,
        Integer decidedByRuleVersion,
        JsonNode explanation,
        ObjectNode ruleInput,
        long createdAt,
        long updatedAt,
        String locale) {

    Action {
        ruleIds = List.copyOf(ruleIds);
    }

    /** This action after {@link ActionStore#updateState} moved it; a null method or id keeps the old one. */
    Action moved(ActionState to, VerificationMethod method, String authenticatorId, long now) {
        return new Action(tenantId, idempotencyKey, userId, actionCode, to, now,
                method == null ? verificationMethod : method,
                authenticatorId == null ? verifiedByAuthenticatorId : authenticatorId, ipAddress, userAgent, deviceId,
                redirectUrl, scope, ruleIds, decidedByRuleId, decidedByRuleVersion, explanation, ruleInput, createdAt,
                now, locale);
    }
}
