package io.signet.challenge;

import io.signet.error.SignetException;
import io.signet.lockout.FailureCounters;
import io.signet.metrics.BusinessMetrics;
import io.signet.metrics.BusinessMetrics.VerifyFailure;
import io.signet.store.Database;
import io.signet.store.Jdbc;
import io.signet.user.VerificationMethod;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * Checking what the person sends back: codes ({@code POST /v1/verify}, docs/server-api.md §7.5.2 "verify"), including
 * authenticator-app and recovery codes (a Signet extension), and opened magic links. A challenge allows
 * {@link #MAX_ATTEMPTS} attempts in total, counted by a conditional update in the database before any code
 * is compared, and verifies at most once. A success settles the tracked action and stamps the
 * authenticator's {@code lastVerifiedAt}; running out of attempts fails the action. Every attempt is also
 * counted, in the same transaction, against the user's and the recipient's {@link FailureCounters}, which new
 * challenges do not reset: a locked user gets {@code MAX_ATTEMPTS_EXCEEDED} without any code being compared.
 */
final class Verification {
    static final int MAX_ATTEMPTS = 5;

    private final Database db;
    private final ChallengeStore store;
    private final Secrets secrets;
    private final Factors factors;
    private final ActionOutcomes actions;
    private final ChallengeLog log;
    private final BusinessMetrics metrics;
    private final Clock clock;
    private final FailureCounters failures = new FailureCounters();

    Verification(Database db, ChallengeStore store, Secrets secrets, Factors factors, ActionOutcomes actions,
                 ChallengeLog log, BusinessMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.db = db;
        this.store = store;
        this.secrets = secrets;
        this.factors = factors;
        this.actions = actions;
        this.log = log;
        this.clock = clock;
    }

    private enum Attempt { VERIFIED, WRONG, NOT_COUNTED, LOCKED }

    /** What checking a code did: the Server API answer, and the authenticator a success used. */
    record Outcome(VerifyResponse response, Factors.VerifiedFactor factor) {
        static Outcome failed(VerifyResponse response) {
            return new Outcome(response, Factors.VerifiedFactor.NONE);
        }
    }

    VerifyResponse verify(String tenantId, VerifyRequest r) {
        String challengeId = Inputs.requiredId("challengeId", r.challengeId());
        Challenge c = store.find(tenantId, challengeId).orElseThrow(() -> ChallengeService.unknown(challengeId));
        if (c.method() == VerificationMethod.EMAIL_MAGIC_LINK) {
            // A link is verified by opening it; verify reports whether that happened, so a backend can poll.
            return linkStatus(c);
        }
        return check(c, Inputs.verificationCode(r.verificationCode())).response();
    }

    /** Checks a code against a challenge whichever API it came through: one attempt limit, one result path. */
    Outcome check(Challenge c, String code) {
        return switch (c.method()) {
            case EMAIL_OTP, SMS, WHATSAPP -> verifyCode(c, code);
            case AUTHENTICATOR_APP -> verifyTotp(c, code);
            case RECOVERY_CODE -> verifyRecoveryCode(c, code);
            default -> throw new IllegalStateException("challenge of unexpected method " + c.method());
        };
    }

    private Outcome verifyCode(Challenge c, String code) {
        long now = clock.millis();
        Attempt attempt = counted(c, now, (jdbc, hash) -> {
            if (!secrets.codeMatches(hash, c.challengeId(), code)) {
                return Attempt.WRONG;
            }
            if (!store.markVerified(jdbc, c.tenantId(), c.challengeId(), now)) {
                return Attempt.NOT_COUNTED;
            }
            failures.reset(jdbc, c.tenantId(), counterKeys(c));
            return Attempt.VERIFIED;
        });
        return attempt == Attempt.VERIFIED ? succeeded(c, null, null) : failure(c, attempt);
    }

    /**
     * Counts one attempt on the challenge and on the user's and recipient's failure counters in one
     * transaction, then runs {@code then} with the code hash in it; a locked counter rolls the whole attempt
     * back, so a locked user's guesses are neither counted on the challenge nor compared.
     */
    private Attempt counted(Challenge c, long now, BiFunction<Jdbc, String, Attempt> then) {
        try {
            return db.write(jdbc -> {
                Optional<String> hash = store.countAttempt(jdbc, c.tenantId(), c.challengeId(), MAX_ATTEMPTS, now);
                if (hash.isEmpty()) {
                    return Attempt.NOT_COUNTED;
                }
                failures.count(jdbc, c.tenantId(), counterKeys(c), now);
                return then.apply(jdbc, hash.get());
            });
        } catch (FailureCounters.Locked e) {
            return Attempt.LOCKED;
        }
    }

    /** The consecutive-failure counters a challenge's attempts count against: its user's and its recipient's. */
    private static List<String> counterKeys(Challenge c) {
        List<String> keys = new ArrayList<>(2);
        if (c.userId() != null) {
            keys.add(FailureCounters.user(c.userId()));
        }
        if (c.recipient() != null) {
            keys.add(FailureCounters.recipient(c.method().name(), c.recipient()));
        }
        return keys;
    }

    /** An attempt is counted first; then the code must match a step no earlier verification used. */
    private Outcome verifyTotp(Challenge c, String code) {
        long now = clock.millis();
        Attempt attempt = counted(c, now, (jdbc, hash) -> Attempt.WRONG);
        if (attempt != Attempt.WRONG) {
            return failure(c, attempt);
        }
        for (Factors.TotpFactor f : factors.totpFactors(c.tenantId(), c.userId())) {
            Totp.Params p = new Totp.Params(f.secret(), f.algorithm(), f.digits(), f.period());
            OptionalLong step = Totp.matchingStep(p, code, Instant.ofEpochMilli(now));
            if (step.isPresent()) {
                // Replay guard and verification commit together: a step used once, on any node, never again.
                boolean ok = db.write(jdbc -> store.useTotpStep(jdbc, c.tenantId(), c.userId(),
                        f.userAuthenticatorId(), step.getAsLong(), now)
                        && store.markVerified(jdbc, c.tenantId(), c.challengeId(), now)
                        && reset(jdbc, c));
                return ok ? succeeded(c, f.userAuthenticatorId(), null) : failure(c, Attempt.WRONG);
            }
        }
        return failure(c, Attempt.WRONG);
    }

    private Outcome verifyRecoveryCode(Challenge c, String code) {
        long now = clock.millis();
        Attempt attempt = counted(c, now, (jdbc, hash) -> Attempt.WRONG);
        if (attempt != Attempt.WRONG) {
            return failure(c, attempt);
        }
        OptionalInt left = factors.redeemRecoveryCode(c.tenantId(), c.userId(), code);
        if (left.isEmpty() || !db.write(jdbc -> store.markVerified(jdbc, c.tenantId(), c.challengeId(), now)
                && reset(jdbc, c))) {
            return failure(c, Attempt.WRONG);
        }
        return succeeded(c, null, left.getAsInt());
    }

    /** A success: the consecutive failures of the challenge's user and recipient start again from zero. */
    private boolean reset(Jdbc jdbc, Challenge c) {
        failures.reset(jdbc, c.tenantId(), counterKeys(c));
        return true;
    }

    /** Settles the action and stamps the authenticator; the contact is returned only now (§7.5.2). */
    private Outcome succeeded(Challenge c, String userAuthenticatorId, Integer recoveryCodesLeft) {
        boolean email = c.method().name().startsWith("EMAIL");
        log.record(c, ChallengeLog.Step.VERIFIED, null);
        Factors.VerifiedFactor factor = settle(c, userAuthenticatorId);
        return new Outcome(new VerifyResponse(true, email ? c.email() : null, email ? null : c.phoneNumber(),
                c.method(), null, recoveryCodesLeft), factor);
    }

    /** A verified challenge of a known user: the authenticator is stamped (or enrolled), then the action. */
    private Factors.VerifiedFactor settle(Challenge c, String userAuthenticatorId) {
        if (c.userId() == null) {
            return new Factors.VerifiedFactor(userAuthenticatorId, false);
        }
        Factors.VerifiedFactor factor = factors.verified(c.tenantId(), c.userId(), c.method(), userAuthenticatorId,
                c.recipient(), clock.millis());
        actions.completed(c.tenantId(), c.userId(), c.actionCode(), c.idempotencyKey(), true, c.method(),
                factor.userAuthenticatorId());
        return factor;
    }

    /**
     * Why an attempt failed, read after it was counted: exhausted attempts (of the challenge, or the user's
     * consecutive failures) win over a merely wrong code. The counted attempt that used up the challenge's
     * last one fails the tracked action.
     */
    private Outcome failure(Challenge c, Attempt attempt) {
        boolean counted = attempt == Attempt.WRONG;
        Challenge now = store.find(c.tenantId(), c.challengeId())
                .orElseThrow(() -> ChallengeService.unknown(c.challengeId()));
        boolean exhausted = attempt == Attempt.LOCKED || !now.isVerified() && now.attempts() >= MAX_ATTEMPTS;
        if (exhausted && counted && now.attempts() == MAX_ATTEMPTS && now.userId() != null) {
            actions.completed(c.tenantId(), now.userId(), c.actionCode(), c.idempotencyKey(), false, c.method(), null);
        }
        VerifyResponse.FailureReason reason = exhausted ? VerifyResponse.FailureReason.MAX_ATTEMPTS_EXCEEDED
                : VerifyResponse.FailureReason.CODE_INVALID_OR_EXPIRED;
        if (counted) {
            log.record(now, ChallengeLog.Step.FAILED, reason);
        }
        metrics.verifyFailed(c.tenantId(), c.method().name(), counted ? VerifyFailure.WRONG_CODE
                : exhausted ? VerifyFailure.ATTEMPTS_EXHAUSTED : VerifyFailure.EXPIRED_OR_USED);
        return Outcome.failed(VerifyResponse.failed(c.method(), reason));
    }

    /** Magic-link status for a polling backend: the contact only once the link was opened. */
    private static VerifyResponse linkStatus(Challenge c) {
        return c.isVerified()
                ? new VerifyResponse(true, c.email(), null, c.method(), null, null)
                : VerifyResponse.failed(c.method(), VerifyResponse.FailureReason.CODE_INVALID_OR_EXPIRED);
    }

    /** Magic-link tokens are 43 characters; anything much longer is not one and is not hashed. */
    private static boolean plausibleLink(String token) {
        return token != null && token.length() <= 100;
    }

    /**
     * An opened magic link ({@code GET}): only a page with a button, because mail scanners and link previews
     * open links too. The button posts the form token derived from the link back to the same address. The
     * page says only whether the link works, never whose it is or whether an address exists.
     */
    MagicLinkOutcome openMagicLink(String token) {
        if (!plausibleLink(token) || store.findLink(secrets.linkHash(token), clock.millis()).isEmpty()) {
            return new MagicLinkOutcome.Gone();
        }
        return new MagicLinkOutcome.AskConfirmation(secrets.linkFormToken(token));
    }

    /**
     * The confirmation of a magic link ({@code POST} from its page): verifies its challenge once, when the
     * form token is the one derived from this link. Without it nothing changes (403).
     */
    MagicLinkOutcome confirmMagicLink(String token, String formToken) {
        if (!plausibleLink(token)) {
            return new MagicLinkOutcome.Gone();
        }
        if (!secrets.linkFormTokenMatches(token, formToken)) {
            return new MagicLinkOutcome.NotConfirmed();
        }
        Optional<Challenge> verified = store.verifyLink(secrets.linkHash(token), clock.millis());
        verified.ifPresent(c -> {
            log.record(c, ChallengeLog.Step.VERIFIED, null);
            settle(c, null);
        });
        return verified.isEmpty() ? new MagicLinkOutcome.Gone() : new MagicLinkOutcome.Verified();
    }
}
