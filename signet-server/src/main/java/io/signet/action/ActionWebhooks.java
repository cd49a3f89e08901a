package io.signet.action;

import io.signet.store.Jdbc;
import io.signet.user.VerificationMethod;
import io.signet.webhook.EventTypes;
import io.signet.webhook.Events;
import io.signet.webhook.SyncWebhooks;
import io.signet.wire.WireTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The webhooks about actions (docs/server-api.md §9.4 "Event types"): an {@code action.log_created} record for every
 * action recorded and every change of its state, written in the transaction of the change, and the
 * synchronous {@code action.verify} call whose non-2xx answer or timeout vetoes a challenge's success.
 */
final class ActionWebhooks {
    private final Events events;
    private final SyncWebhooks sync;

    ActionWebhooks(Events events, SyncWebhooks sync) {
        this.events = events;
        this.sync = sync;
    }

    /** Records {@code action.log_created} for the action as it is now. */
    void logged(Jdbc jdbc, Action a) {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("userId", a.userId());
        record.put("actionCode", a.actionCode());
        record.put("idempotencyKey", a.idempotencyKey());
        record.put("state", a.state().name());
        record.put("stateUpdatedAt", WireTime.iso(a.stateUpdatedAt()));
        record.put("createdAt", WireTime.iso(a.createdAt()));
        record.put("verificationMethod", a.verificationMethod() == null ? null : a.verificationMethod().name());
        record.put("verifiedByAuthenticatorId", a.verifiedByAuthenticatorId());
        record.put("ruleIds", a.ruleIds().isEmpty() ? null : String.join(",", a.ruleIds()));
        record.put("ipAddress", a.ipAddress());
        record.put("userAgent", a.userAgent());
        record.put("deviceId", a.deviceId());
        events.publish(jdbc, a.tenantId(), a.userId(), EventTypes.ACTION_LOG_CREATED, record);
    }

    /**
     * Asks the tenant's {@code action.verify} endpoints whether the action may become CHALLENGE_SUCCEEDED;
     * true when one answered non-2xx, timed out or could not be reached. No subscribed endpoint: no veto.
     */
    boolean vetoed(String tenantId, String userId, String actionCode, String idempotencyKey,
                   VerificationMethod method, String userAuthenticatorId) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("userId", userId);
        data.put("actionCode", actionCode);
        data.put("idempotencyKey", idempotencyKey);
        data.put("verificationMethod", method == null ? null : method.name());
        data.put("userAuthenticatorId", userAuthenticatorId);
        return sync.call(tenantId, userId, EventTypes.ACTION_VERIFY, data) == SyncWebhooks.Result.REJECTED;
    }
}
