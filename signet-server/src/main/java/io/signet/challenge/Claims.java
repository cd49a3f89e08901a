package io.signet.challenge;

import io.signet.error.SignetException;
import io.signet.store.Database;
import io.signet.user.UserChanges;
import io.signet.user.UserService;

/**
 * claimChallenge (docs/server-api.md §7.5.3 "claimChallenge"): gives a verified challenge, possibly started without a user
 * (the Java SDK sends none), to a user, and returns a token {@code /v1/validate} accepts as
 * CHALLENGE_SUCCEEDED. A challenge belongs to at most one user.
 */
public final class Claims {
    private final Database db;
    private final ChallengeStore store;
    private final UserService users;
    private final ActionOutcomes actions;

    public Claims(Database db, ChallengeStore store, UserService users, ActionOutcomes actions) {
        this.db = db;
        this.store = store;
        this.users = users;
        this.actions = actions;
    }

    ClaimResponse claim(String tenantId, ClaimRequest r) {
        String challengeId = Inputs.requiredId("challengeId", r.challengeId());
        String userId = Inputs.requiredId("userId", r.userId());
        Challenge c = store.find(tenantId, challengeId).orElseThrow(() -> ChallengeService.unknown(challengeId));
        if (!c.isVerified() && !Boolean.TRUE.equals(r.skipVerificationCheck())) {
            throw SignetException.invalid("The challenge has not been verified; call verify first "
                    + "(or send skipVerificationCheck: true if your server verified the user another way).");
        }
        db.write(jdbc -> {
            users.ensureUser(jdbc, tenantId, userId, UserChanges.NONE);
            if (!store.assignUser(jdbc, tenantId, challengeId, userId)) {
                // thrown inside the transaction, so the user it may have created is rolled back too
                throw SignetException.conflict("The challenge was already claimed by another user.");
            }
            return null;
        });
        String token = actions.claim(tenantId, userId, c.actionCode(), c.idempotencyKey(), c.method());
        return new ClaimResponse(token, c.method());
    }
}
