package io.signet.challenge;

/**
 * What an opened or confirmed magic link has to tell the person who opened it. {@link Verification} decides
 * it; {@link ChallengeRoutes} renders it as a page, so the service knows nothing of HTML.
 */
sealed interface MagicLinkOutcome {
    /** The link is unknown, used or expired. */
    record Gone() implements MagicLinkOutcome {
    }

    /** The link works: ask the person to press the button that posts {@code formToken} back. */
    record AskConfirmation(String formToken) implements MagicLinkOutcome {
    }

    /** The confirmation did not carry this link's form token: nothing changed. */
    record NotConfirmed() implements MagicLinkOutcome {
    }

    /** The link's challenge is verified now. */
    record Verified() implements MagicLinkOutcome {
    }
}
