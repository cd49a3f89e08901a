package io.signet.action;

import io.signet.challenge.ActionOutcomes;
import io.signet.error.SignetException;
import io.signet.store.Database;
import io.signet.store.Jdbc;
import io.signet.user.VerificationMethod;
import io.signet.wire.Json;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The results of challenges (verify, an opened magic link, claim) recorded on actions, through the
 * {@link ActionService#completeChallenge} rules. Lives here because action depends on challenge.
 */
public final class ChallengeResults implements ActionOutcomes {
    private final Database db;
    private final ActionStore store;
    private final ActionService actions;
    private final ActionTokens tokens;
    private final Clock clock;

    public ChallengeResults(Database db, ActionStore store, ActionService actions, ActionTokens tokens, Clock clock) {
        this.db = db;
        this.store = store;
        this.actions = actions;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public boolean vetoed(String tenantId, String userId, String actionCode, String idempotencyKey,
                          VerificationMethod method, String userAuthenticatorId) {
        return actions.vetoesSuccess(tenantId, userId, actionCode, idempotencyKey, method, userAuthenticatorId);
    }

    /**
     * Only the user's action of that code moves, and only from a state that takes the result: a challenge
     * that names someone else's idempotency key, or an action already BLOCKed, is left alone.
     */
    @Override
    public void completed(Jdbc jdbc, String tenantId, String userId, String actionCode, String idempotencyKey,
                          boolean succeeded, boolean vetoed, VerificationMethod method, String userAuthenticatorId) {
        Optional<Action> action = store.find(jdbc, tenantId, idempotencyKey)
                .filter(a -> a.userId().equals(userId) && a.actionCode().equals(actionCode))
                .filter(a -> a.state().acceptsChallengeResult(succeeded));
        if (action.isPresent()) {
            actions.completeChallenge(jdbc, tenantId, idempotencyKey, succeeded, vetoed, method, userAuthenticatorId);
        }
    }

    @Override
    public void completed(String tenantId, String userId, String actionCode, String idempotencyKey,
                          boolean succeeded, VerificationMethod method, String userAuthenticatorId) {
        boolean vetoed = succeeded && vetoed(tenantId, userId, actionCode, idempotencyKey, method, userAuthenticatorId);
        db.write(jdbc -> {
            completed(jdbc, tenantId, userId, actionCode, idempotencyKey, succeeded, vetoed, method,
                    userAuthenticatorId);
            return null;
        });
    }

    /**
     * A challenge started without track gets its action here, recorded as CHALLENGE_SUCCEEDED unless the
     * tenant's action.verify webhook vetoes it.
     */
    @Override
    public String claim(String tenantId, String userId, String actionCode, String idempotencyKey,
                        VerificationMethod method) {
        Optional<Action> recorded = store.find(tenantId, idempotencyKey);
        if (recorded.isEmpty()) {
            ActionState state = actions.claimedState(tenantId, userId, actionCode, idempotencyKey, method);
            long now = clock.millis();
            recorded = actions.insert(new Action(tenantId, idempotencyKey, userId, actionCode, state, now, method,
                    null, null, null, null, null, null, List.of(), null, null, Json.MAPPER.createObjectNode(),
                    Json.MAPPER.createObjectNode(), now, now, null)) ? Optional.empty() : store.find(tenantId, idempotencyKey);
        }
        if (recorded.isPresent()) {
            Action existing = recorded.get();
            if (!existing.userId().equals(userId) || !existing.actionCode().equals(actionCode)) {
                throw SignetException.conflict("The challenge's idempotencyKey belongs to another user's action.");
            }
            if (existing.state() != ActionState.CHALLENGE_SUCCEEDED) {
                actions.completeChallenge(tenantId, idempotencyKey, true, method, null);
            }
        }
        return tokens.issue(tenantId, userId, actionCode, idempotencyKey, null);
    }
}
