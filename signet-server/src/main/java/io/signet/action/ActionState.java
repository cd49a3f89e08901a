package io.signet.action;

import java.util.EnumSet;
import java.util.Set;

/**
 * UserActionState (docs/server-api.md §4.2 "UserActionState") and which states updateAction may move an action to. The
 * contract leaves transitions unverified (§12.8); Signet allows what a reviewer or a later signal needs
 * and keeps the challenge results to challenges: {@code CHALLENGE_SUCCEEDED} and {@code CHALLENGE_FAILED}
 * are reached only through {@link ActionService#completeChallenge}, so updateAction cannot forge a
 * successful challenge.
 */
public enum ActionState {
    ALLOW,
    BLOCK,
    CHALLENGE_REQUIRED,
    CHALLENGE_SUCCEEDED,
    CHALLENGE_FAILED,
    REVIEW_REQUIRED,
    REVIEW_SUCCEEDED,
    REVIEW_FAILED;

    /** The states updateAction may move this one to (staying in the same state is always a no-op). */
    Set<ActionState> updatableTo() {
        return switch (this) {
            case ALLOW -> EnumSet.of(BLOCK, REVIEW_REQUIRED);
            case BLOCK -> EnumSet.of(ALLOW, REVIEW_REQUIRED);
            // The SDK live tests move a fresh CHALLENGE_REQUIRED action to REVIEW_REQUIRED (§8).
            case CHALLENGE_REQUIRED, CHALLENGE_SUCCEEDED, CHALLENGE_FAILED -> EnumSet.of(BLOCK, REVIEW_REQUIRED);
            case REVIEW_REQUIRED -> EnumSet.of(ALLOW, BLOCK, REVIEW_SUCCEEDED, REVIEW_FAILED);
            case REVIEW_SUCCEEDED, REVIEW_FAILED -> EnumSet.noneOf(ActionState.class);
        };
    }

    /**
     * States a challenge may complete from: ALLOW too, since an unenrolled user may enroll during the action.
     * A failed challenge is final for its action: otherwise each new challenge of the same action would bring
     * fresh guesses towards a success (a new action must be tracked).
     */
    boolean acceptsChallengeResult(boolean succeeded) {
        return succeeded
                ? this == ALLOW || this == CHALLENGE_REQUIRED || this == CHALLENGE_SUCCEEDED
                : this == CHALLENGE_REQUIRED || this == CHALLENGE_FAILED;
    }

    /** validateChallenge's {@code isValid}: the action was allowed outright or its challenge succeeded. */
    boolean isValid() {
        return this == ALLOW || this == CHALLENGE_SUCCEEDED;
    }

    static ActionState parse(String field, String value) {
        if (value != null) {
            for (ActionState s : values()) {
                if (s.name().equals(value)) {
                    return s;
                }
            }
        }
        throw io.signet.error.SignetException.invalid("'" + field + "' must be one of ALLOW, BLOCK, CHALLENGE_REQUIRED, "
                + "CHALLENGE_SUCCEEDED, CHALLENGE_FAILED, REVIEW_REQUIRED, REVIEW_SUCCEEDED, REVIEW_FAILED.");
    }
}
