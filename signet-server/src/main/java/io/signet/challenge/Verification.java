package io.signet.challenge;

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

/**
 * Checking what the person sends back: codes ({@code POST /v1/verify}, docs/server-api.md §7.5.2 "verify"), including
 * authenticator-app and recovery codes (a Signet extension), and opened magic links. A challenge allows
 * {@link #MAX_ATTEMPTS} attempts in total, counted by a conditional update in the database in the transaction
 * that compares the code, and verifies at most once. A success spends the secret, marks the challenge
 * verified, settles the tracked action and stamps the authenticator's {@code lastVerifiedAt} in that one
 * transaction; running out of attempts fails the action. Every attempt is also counted, in the same
 * transaction, against the user's and the recipient's {@link FailureCounters}, which new challenges do not
 * reset: a locked user gets {@code MAX_ATTEMPTS_EXCEEDED} and the attempt is rolled back.
 */
public final class Verification {
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

    public Verification(Database db, ChallengeStore store, Secrets secrets, Factors factors, ActionOutcomes actions,
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

    /**
     * How an attempt spends the secret it was checked against, in the attempt's transaction: null when the
     * code is wrong or the secret was spent already (a replay).
     */
    @FunctionalInterface
    private interface Spend {
        Spent spend(Jdbc jdbc, String codeHash);
    }

    /** A spent secret: the authenticator it belongs to (when known) and the recovery codes left (for one). */
    private record Spent(String userAuthenticatorId, Integer recoveryCodesLeft) {
        static final Spent CODE = new Spent(null, null);
    }

    /** What an attempt's transaction did; on success the authenticator and recovery codes left. */
    private record Result(Attempt attempt, Factors.VerifiedFactor factor, Integer recoveryCodesLeft) {
        static Result of(Attempt attempt) {
            return new Result(attempt, Factors.VerifiedFactor.NONE, null);
        }
    }

    /** Thrown inside an attempt's transaction to roll all of it back. */
    private static final class RolledBack extends RuntimeException {
        RolledBack() {
            super(null, null, false, false);
        }
    }

    private Outcome verifyCode(Challenge c, String code) {
        long now = clock.millis();
        boolean matches = store.codeHash(c.tenantId(), c.challengeId())
                .filter(hash -> secrets.codeMatches(hash, c.challengeId(), code)).isPresent();
        return attempt(c, now, matches, null,
                (jdbc, hash) -> secrets.codeMatches(hash, c.challengeId(), code) ? Spent.CODE : null);
    }

    /** The code must match a time step no earlier verification used, on any node. */
    private Outcome verifyTotp(Challenge c, String code) {
        long now = clock.millis();
        for (Factors.TotpFactor f : factors.totpFactors(c.tenantId(), c.userId())) {
            Totp.Params p = new Totp.Params(f.secret(), f.algorithm(), f.digits(), f.period());
            OptionalLong step = Totp.matchingStep(p, code, Instant.ofEpochMilli(now));
            if (step.isPresent()) {
                return attempt(c, now, true, f.userAuthenticatorId(), (jdbc, hash) -> store.useTotpStep(jdbc,
                        c.tenantId(), c.userId(), f.userAuthenticatorId(), step.getAsLong(), now)
                        ? new Spent(f.userAuthenticatorId(), null) : null);
            }
        }
        return attempt(c, now, false, null, (jdbc, hash) -> null);
    }

    private Outcome verifyRecoveryCode(Challenge c, String code) {
        long now = clock.millis();
        boolean matches = factors.isUnusedRecoveryCode(c.tenantId(), c.userId(), code);
        return attempt(c, now, matches, null, (jdbc, hash) -> {
            OptionalInt left = factors.redeemRecoveryCode(jdbc, c.tenantId(), c.userId(), code);
            return left.isPresent() ? new Spent(null, left.getAsInt()) : null;
        });
    }

    /**
     * One attempt, in one transaction: counted on the challenge and on the user's and recipient's
     * {@link FailureCounters}, then {@code spend} compares the code and spends it; when it did, the challenge
     * is marked verified, the counters reset, the authenticator stamped, the action settled and the VERIFIED
     * record written, all in the same transaction, so a failure at any step leaves the secret unspent. A
     * locked counter rolls the whole attempt back, so a locked user's guesses are neither counted on the
     * challenge nor compared. {@code matches} (read before, spending nothing) only decides whether the
     * tenant's {@code action.verify} webhook is asked, which must happen outside the transaction.
     */
    private Outcome attempt(Challenge c, long now, boolean matches, String userAuthenticatorId, Spend spend) {
        boolean vetoed = matches && vetoed(c, userAuthenticatorId, now, true);
        Result result;
        try {
            result = db.write(jdbc -> {
                Optional<String> hash = store.countAttempt(jdbc, c.tenantId(), c.challengeId(), MAX_ATTEMPTS, now);
                if (hash.isEmpty()) {
                    return Result.of(Attempt.NOT_COUNTED);
                }
                failures.count(jdbc, c.tenantId(), counterKeys(c), now);
                Spent spent = spend.spend(jdbc, hash.get());
                if (spent == null) {
                    return Result.of(Attempt.WRONG);
                }
                if (!store.markVerified(jdbc, c.tenantId(), c.challengeId(), now)) {
                    throw new RolledBack(); // verified meanwhile: the secret stays unspent
                }
                failures.reset(jdbc, c.tenantId(), counterKeys(c));
                Factors.VerifiedFactor factor = settle(jdbc, c, spent.userAuthenticatorId(), vetoed, now);
                return new Result(Attempt.VERIFIED, factor, spent.recoveryCodesLeft());
            });
        } catch (FailureCounters.Locked e) {
            result = Result.of(Attempt.LOCKED);
        } catch (RolledBack e) {
            result = Result.of(Attempt.NOT_COUNTED);
        }
        return result.attempt() == Attempt.VERIFIED ? succeeded(c, result) : failure(c, result.attempt());
    }

    /**
     * Whether the tenant's {@code action.verify} webhook vetoes the success of a code that verifies now. Asked
     * before the transaction, because it waits on the network, and only when the attempt can succeed: a
     * locked user's right guess must not be told apart by the webhook's delay.
     */
    private boolean vetoed(Challenge c, String userAuthenticatorId, long now, boolean counted) {
        if (c.userId() == null || c.isVerified() || c.expiresAt() <= now
                || counted && (c.attempts() >= MAX_ATTEMPTS
                || db.read(jdbc -> failures.mustWait(jdbc, c.tenantId(), counterKeys(c), now)))) {
            return false;
        }
        String authenticatorId = userAuthenticatorId != null ? userAuthenticatorId
                : factors.authenticatorFor(c.tenantId(), c.userId(), c.method(), c.recipient());
        return actions.vetoed(c.tenantId(), c.userId(), c.actionCode(), c.idempotencyKey(), c.method(),
                authenticatorId);
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

    /**
     * A verified challenge, in its transaction: the VERIFIED record, and for a known user the authenticator
     * stamped (or its enrollment completed) and then the action settled.
     */
    private Factors.VerifiedFactor settle(Jdbc jdbc, Challenge c, String userAuthenticatorId, boolean vetoed,
                                          long now) {
        log.record(jdbc, c, ChallengeLog.Step.VERIFIED, null);
        if (c.userId() == null) {
            return new Factors.VerifiedFactor(userAuthenticatorId, false);
        }
        Factors.VerifiedFactor factor = factors.verified(jdbc, c.tenantId(), c.userId(), c.method(),
                userAuthenticatorId, c.recipient(), now);
        actions.completed(jdbc, c.tenantId(), c.userId(), c.actionCode(), c.idempotencyKey(), true, vetoed,
                c.method(), factor.userAuthenticatorId());
        return factor;
    }

    /** The answer to a success; the contact is returned only now (§7.5.2). */
    private static Outcome succeeded(Challenge c, Result r) {
        boolean email = c.method().name().startsWith("EMAIL");
        return new Outcome(new VerifyResponse(true, email ? c.email() : null, email ? null : c.phoneNumber(),
                c.method(), null, r.recoveryCodesLeft()), r.factor());
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
        String linkHash = secrets.linkHash(token);
        long now = clock.millis();
        Optional<Challenge> open = store.findLink(linkHash, now);
        // The link's secret is spent in the same transaction that stamps the authenticator and settles the
        // action; the action.verify webhook is asked before it, outside it.
        boolean vetoed = open.isPresent() && vetoed(open.get(), null, now, false);
        Optional<Challenge> verified = open.isEmpty() ? open : db.write(jdbc -> store.verifyLink(jdbc, linkHash, now)
                .map(c -> {
                    settle(jdbc, c, null, vetoed, now);
                    return c;
                }));
        return verified.isEmpty() ? new MagicLinkOutcome.Gone() : new MagicLinkOutcome.Verified();
    }
}
