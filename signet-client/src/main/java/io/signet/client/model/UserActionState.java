package io.signet.client.model;

/** The state of a tracked action: the rules' outcome, then the challenge's or review's result. */
public enum UserActionState {
    /** The rules allowed the action. */
    ALLOW,
    /** The rules blocked the action. */
    BLOCK,
    /** The user must complete a challenge. */
    CHALLENGE_REQUIRED,
    /** The user completed the challenge. */
    CHALLENGE_SUCCEEDED,
    /** The user failed the challenge. */
    CHALLENGE_FAILED,
    /** The action waits for a manual review. */
    REVIEW_REQUIRED,
    /** The review approved the action. */
    REVIEW_SUCCEEDED,
    /** The review rejected the action. */
    REVIEW_FAILED
}
