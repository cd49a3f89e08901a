package io.signet.challenge;

import io.signet.user.VerificationMethod;
import java.time.Clock;
import java.util.Optional;

/**
 * Challenges as the Client API drives them (docs/client-api.md §4.2 "Email OTP (#10–#12)"–4.6): bound to the caller's
 * action, found again through it (the SDK sends no challengeId), and run through the same
 * {@link ChallengeService} and {@link Verification} as the Server API, so sending limits, attempt limits,
 * the action's result and the authenticator's {@code lastVerifiedAt} are one implementation whichever API a
 * request comes through.
 */
public final class ClientChallenges {
    private final ChallengeService challenges;
    private final Verification verification;
    private final ChallengeStore store;
    private final Clock clock;

    public ClientChallenges(ChallengeService challenges, Verification verification, ChallengeStore store, Clock clock) {
        this.challenges = challenges;
        this.verification = verification;
        this.store = store;
        this.clock = clock;
    }

    /**
     * What a client verify found: {@code failureReason} when not verified; on success the authenticator it
     * used and whether this verification completed that authenticator's enrollment.
     */
    public record Result(boolean isVerified, VerifyResponse.FailureReason failureReason, String userAuthenticatorId,
                         boolean enrolled) {
        static final Result INVALID = new Result(false, VerifyResponse.FailureReason.CODE_INVALID_OR_EXPIRED, null,
                false);
        static final Result PENDING = new Result(false, null, null, false);

        static Result of(Verification.Outcome o) {
            return new Result(o.response().isVerified(), o.response().failureReason(),
                    o.factor().userAuthenticatorId(), o.factor().enrolled());
        }
    }

    /**
     * Starts a challenge of {@code method} for the action and sends its code or link, to {@code contact} or,
     * when null, to the user's authenticator of that method. Counted by the sending limits (429 when over).
     * Returns the challenge id.
     */
    public String start(ActionRef action, VerificationMethod method, String contact, String ipAddress,
                        String userAgent) {
        boolean email = method == VerificationMethod.EMAIL_OTP || method == VerificationMethod.EMAIL_MAGIC_LINK;
        return challenges.challenge(action.tenantId(), new ChallengeRequest(method.name(), action.actionCode(), null,
                action.idempotencyKey(), action.userId(), email ? contact : null, email ? null : contact, null, null,
                null, ipAddress, userAgent, null, null)).challengeId();
    }

    /**
     * Checks a code against the newest open challenge of {@code method} for the action. For an authenticator
     * app, which the SDK verifies without starting a challenge, and a recovery code (the hosted page's
     * extension), one is started on the first guess (counted by the sending limits like any challenge: with
     * its attempt limit that bounds guessing). No open challenge is an invalid code, as for a code already used.
     */
    public Result verify(ActionRef action, VerificationMethod method, String code, String ipAddress) {
        String checked = Inputs.verificationCode(code);
        Optional<Challenge> open = store.findActive(action.tenantId(), ChallengeQuery.ofAction(action, method),
                clock.millis());
        if (open.isEmpty() && (method == VerificationMethod.AUTHENTICATOR_APP
                || method == VerificationMethod.RECOVERY_CODE)) {
            String id = start(action, method, null, ipAddress, null);
            open = store.find(action.tenantId(), id);
        }
        return open.map(c -> Result.of(verification.check(c, checked))).orElse(Result.INVALID);
    }

    /**
     * Magic-link finalize: verified once the newest link of the action was opened, and then only once (the
     * first finalize after the click gets the success, later ones do not). Cheap, because the SDK polls it.
     */
    public Result finalizeLink(ActionRef action) {
        return store.findLatest(action.tenantId(), ChallengeQuery.ofAction(action, VerificationMethod.EMAIL_MAGIC_LINK))
                .filter(Challenge::isVerified)
                .filter(c -> store.consume(action.tenantId(), c.challengeId(), clock.millis()))
                .map(c -> new Result(true, null, null, false))
                .orElse(Result.PENDING);
    }
}
