package io.signet.session;

import io.signet.user.VerificationMethod;
import io.signet.wire.Json;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A verified challenge token's claims and its action's state now. {@code state} is the wire
 * UserActionState (docs/server-api.md §4.2 "UserActionState"); {@code verificationMethod} may be null (an ALLOWed action).
 */
public record VerifiedChallenge(String userId, String actionCode, String idempotencyKey, String state,
                                VerificationMethod verificationMethod) {
    /** States a session may start from: a completed challenge, or an action the rules let through (§7.6). */
    static final Set<String> SUCCESSFUL = Set.of("CHALLENGE_SUCCEEDED", "ALLOW");

    public VerifiedChallenge {
        Objects.requireNonNull(userId);
        Objects.requireNonNull(actionCode);
        Objects.requireNonNull(idempotencyKey);
        Objects.requireNonNull(state);
    }

    boolean successful() {
        return SUCCESSFUL.contains(state);
    }

    /** Identifies the action the token belongs to, unambiguously (a JSON array): one session per token. */
    String origin() {
        return Json.write(List.of(userId, actionCode, idempotencyKey));
    }
}
