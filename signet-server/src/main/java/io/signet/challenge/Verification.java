package io.signet.challenge;

import io.signet.http.HtmlPage;
import io.signet.http.SignetException;
import io.signet.store.Database;
import io.signet.user.VerificationMethod;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Checking what the person sends back: codes ({@code POST /v1/verify}, authsignal-api.md §7.5.2), including
 * authenticator-app and recovery codes (a Signet extension), and opened magic links. A challenge allows
 * {@link #MAX_ATTEMPTS} attempts in total, counted by a conditional update in the database before any code
 * is compared, and verifies at most once. A success settles the tracked action and stamps the
 * authenticator's {@code lastVerifiedAt}; running out of attempts fails the action.
 */
final class Verification {
    static final int MAX_ATTEMPTS = 5;

    private final Database db;
    private final ChallengeStore store;
    private final Secrets secrets;
    private final Factors factors;
    private final ActionOutcomes actions;
    private final Clock clock;

    Verification(Database db, ChallengeStore store, Secrets secrets, Factors factors, ActionOutcomes actions,
                 Clock clock) {
        this.db = db;
        this.store = store;
        this.secrets = secrets;
        this.factors = factors;
        this.actions = actions;
        this.clock = clock;
    }

    private enum Attempt { VERIFIED, WRONG, NOT_COUNTED }

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
        Attempt attempt = db.write(jdbc -> {
            Optional<String> hash = store.countAttempt(jdbc, c.tenantId(), c.challengeId(), MAX_ATTEMPTS, now);
            if (hash.isEmpty()) {
                return Attempt.NOT_COUNTED;
            }
            if (!secrets.codeMatches(hash.get(), c.challengeId(), code)) {
                return Attempt.WRONG;
            }
            return store.markVerified(jdbc, c.tenantId(), c.challengeId(), now) ? Attempt.VERIFIED
                    : Attempt.NOT_COUNTED;
        });
        return attempt == Attempt.VERIFIED ? succeeded(c, null, null) : failure(c, attempt == Attempt.WRONG);
    }

    /** An attempt is counted first; then the code must match a step no earlier verification used. */
    private Outcome verifyTotp(Challenge c, String code) {
        long now = clock.millis();
        if (db.write(jdbc -> store.countAttempt(jdbc, c.tenantId(), c.challengeId(), MAX_ATTEMPTS, now)).isEmpty()) {
            return failure(c, false);
        }
        for (Factors.TotpFactor f : factors.totpFactors(c.tenantId(), c.userId())) {
            Totp.Params p = new Totp.Params(f.secret(), f.algorithm(), f.digits(), f.period());
            OptionalLong step = Totp.matchingStep(p, code, Instant.ofEpochMilli(now));
            if (step.isPresent()) {
                // Replay guard and verification commit together: a step used once, on any node, never again.
                boolean ok = db.write(jdbc -> store.useTotpStep(jdbc, c.tenantId(), c.userId(),
                        f.userAuthenticatorId(), step.getAsLong(), now)
                        && store.markVerified(jdbc, c.tenantId(), c.challengeId(), now));
                return ok ? succeeded(c, f.userAuthenticatorId(), null) : failure(c, true);
            }
        }
        return failure(c, true);
    }

    private Outcome verifyRecoveryCode(Challenge c, String code) {
        long now = clock.millis();
        if (db.write(jdbc -> store.countAttempt(jdbc, c.tenantId(), c.challengeId(), MAX_ATTEMPTS, now)).isEmpty()) {
            return failure(c, false);
        }
        OptionalInt left = factors.redeemRecoveryCode(c.tenantId(), c.userId(), code);
        if (left.isEmpty() || !db.write(jdbc -> store.markVerified(jdbc, c.tenantId(), c.challengeId(), now))) {
            return failure(c, true);
        }
        return succeeded(c, null, left.getAsInt());
    }

    /** Settles the action and stamps the authenticator; the contact is returned only now (§7.5.2). */
    private Outcome succeeded(Challenge c, String userAuthenticatorId, Integer recoveryCodesLeft) {
        boolean email = c.method().name().startsWith("EMAIL");
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
     * Why an attempt failed, read after it was counted: exhausted attempts win over a merely wrong code. The
     * counted attempt that used up the last one fails the tracked action.
     */
    private Outcome failure(Challenge c, boolean counted) {
        Challenge now = store.find(c.tenantId(), c.challengeId())
                .orElseThrow(() -> ChallengeService.unknown(c.challengeId()));
        boolean exhausted = !now.isVerified() && now.attempts() >= MAX_ATTEMPTS;
        if (exhausted && counted && now.attempts() == MAX_ATTEMPTS && now.userId() != null) {
            actions.completed(c.tenantId(), now.userId(), c.actionCode(), c.idempotencyKey(), false, c.method(), null);
        }
        return Outcome.failed(VerifyResponse.failed(c.method(), exhausted
                ? VerifyResponse.FailureReason.MAX_ATTEMPTS_EXCEEDED : VerifyResponse.FailureReason.CODE_INVALID_OR_EXPIRED));
    }

    /** Magic-link status for a polling backend: the contact only once the link was opened. */
    private static VerifyResponse linkStatus(Challenge c) {
        return c.isVerified()
                ? new VerifyResponse(true, c.email(), null, c.method(), null, null)
                : VerifyResponse.failed(c.method(), VerifyResponse.FailureReason.CODE_INVALID_OR_EXPIRED);
    }

    /**
     * An opened magic link: verifies its challenge once. The page says only whether the link worked, never
     * whose it was or whether an address exists.
     */
    HtmlPage openMagicLink(String token) {
        Optional<Challenge> verified = token == null || token.length() > 100 ? Optional.empty()
                : store.verifyLink(secrets.linkHash(token), clock.millis());
        verified.ifPresent(c -> settle(c, null));
        if (verified.isEmpty()) {
            return HtmlPage.of(410, "This link is no longer valid",
                    "Sign-in links work once and expire after a few minutes. Go back to the app and ask for a new one.");
        }
        return HtmlPage.of(200, "You are verified",
                "You can close this window and continue where you started.");
    }
}
