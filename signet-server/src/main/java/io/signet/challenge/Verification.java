package io.signet.challenge;

import io.signet.http.HtmlPage;
import io.signet.http.SignetException;
import io.signet.store.Database;
import io.signet.user.VerificationMethod;
import java.time.Clock;
import java.util.Optional;

/**
 * Checking what the person sends back: codes ({@code POST /v1/verify}, authsignal-api.md §7.5.2) and opened
 * magic links. A challenge allows {@link #MAX_ATTEMPTS} attempts in total, counted by a conditional
 * update in the database, and verifies at most once.
 */
final class Verification {
    static final int MAX_ATTEMPTS = 5;

    private final Database db;
    private final ChallengeStore store;
    private final Secrets secrets;
    private final Clock clock;

    Verification(Database db, ChallengeStore store, Secrets secrets, Clock clock) {
        this.db = db;
        this.store = store;
        this.secrets = secrets;
        this.clock = clock;
    }

    private enum Attempt { VERIFIED, WRONG, NOT_COUNTED }

    VerifyResponse verify(String tenantId, VerifyRequest r) {
        String challengeId = Inputs.requiredId("challengeId", r.challengeId());
        Challenge c = store.find(tenantId, challengeId).orElseThrow(() -> ChallengeService.unknown(challengeId));
        if (c.method() == VerificationMethod.EMAIL_MAGIC_LINK) {
            // A link is verified by opening it; verify reports whether that happened, so a backend can poll.
            return c.isVerified() ? success(c) : VerifyResponse.failed(c.method(),
                    VerifyResponse.FailureReason.CODE_INVALID_OR_EXPIRED);
        }
        String code = Inputs.verificationCode(r.verificationCode());
        return switch (c.method()) {
            case EMAIL_OTP, SMS, WHATSAPP -> verifyCode(c, code);
            default -> throw SignetException.invalid("Challenges of method " + c.method() + " cannot be verified yet.");
        };
    }

    private VerifyResponse verifyCode(Challenge c, String code) {
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
        if (attempt == Attempt.VERIFIED) {
            return success(c);
        }
        return failure(c.tenantId(), c.challengeId(), c.method());
    }

    /** Why an attempt failed, read after it was counted: exhausted attempts win over a merely wrong code. */
    private VerifyResponse failure(String tenantId, String challengeId, VerificationMethod method) {
        Challenge now = store.find(tenantId, challengeId).orElseThrow(() -> ChallengeService.unknown(challengeId));
        boolean exhausted = !now.isVerified() && now.attempts() >= MAX_ATTEMPTS;
        return VerifyResponse.failed(method, exhausted ? VerifyResponse.FailureReason.MAX_ATTEMPTS_EXCEEDED
                : VerifyResponse.FailureReason.CODE_INVALID_OR_EXPIRED);
    }

    private static VerifyResponse success(Challenge c) {
        boolean email = c.method().name().startsWith("EMAIL");
        return new VerifyResponse(true, email ? c.email() : null, email ? null : c.phoneNumber(), c.method(),
                null, null);
    }

    /**
     * An opened magic link: verifies its challenge once. The page says only whether the link worked, never
     * whose it was or whether an address exists.
     */
    HtmlPage openMagicLink(String token) {
        Optional<Challenge> verified = token == null || token.length() > 100 ? Optional.empty()
                : store.verifyLink(secrets.linkHash(token), clock.millis());
        if (verified.isEmpty()) {
            return HtmlPage.of(410, "This link is no longer valid",
                    "Sign-in links work once and expire after a few minutes. Go back to the app and ask for a new one.");
        }
        return HtmlPage.of(200, "You are verified",
                "You can close this window and continue where you started.");
    }
}
