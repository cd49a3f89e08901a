package io.signet.challenge;

import io.signet.crypto.Ids;
import io.signet.error.SignetException;
import io.signet.store.Database;
import io.signet.user.Contacts;
import io.signet.user.User;
import io.signet.user.UserChanges;
import io.signet.user.UserService;
import io.signet.user.VerificationMethod;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Starting and re-sending challenges (docs/server-api.md §7.5.1 "challenge") and reading them back (§7.5.4). Every input
 * is validated before anything is written; a message that cannot be delivered removes the challenge it
 * was for.
 */
public final class ChallengeService {
    private final Database db;
    private final ChallengeStore store;
    private final UserService users;
    private final Factors factors;
    private final Delivery delivery;
    private final SendLimits limits;
    private final Secrets secrets;
    private final ChallengeSettings settings;
    private final ChallengeLog log;
    private final Supplier<String> publicUrl;
    private final Clock clock;

    public ChallengeService(Database db, ChallengeStore store, UserService users, Factors factors, Delivery delivery,
                     SendLimits limits, Secrets secrets, ChallengeSettings settings, ChallengeLog log,
                     Supplier<String> publicUrl, Clock clock) {
        this.db = db;
        this.store = store;
        this.users = users;
        this.factors = factors;
        this.delivery = delivery;
        this.limits = limits;
        this.secrets = secrets;
        this.settings = settings;
        this.log = log;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** challenge: a new challenge, or with {@code challengeId} a re-send of that same challenge. */
    public ChallengeResponse challenge(String tenantId, ChallengeRequest r) {
        String challengeId = Inputs.optionalId("challengeId", r.challengeId());
        return challengeId == null ? start(tenantId, r) : resend(tenantId, challengeId, r);
    }

    private ChallengeResponse start(String tenantId, ChallengeRequest r) {
        VerificationMethod method = Inputs.method("verificationMethod", r.verificationMethod(), Inputs.STARTABLE);
        String action = Inputs.action(r.action());
        String userId = Inputs.optionalId("userId", r.userId());
        String idempotencyKey = Optional.ofNullable(Inputs.optionalId("idempotencyKey", r.idempotencyKey()))
                .orElseGet(Ids::timeOrdered);
        SmsChannel smsChannel = Inputs.smsChannel(r.smsChannel());
        if (smsChannel != null && method != VerificationMethod.SMS) {
            throw SignetException.invalid("'smsChannel' applies only to verificationMethod SMS.");
        }
        String locale = Inputs.locale(r.locale());
        String ipAddress = Inputs.ipAddress(r.ipAddress());
        Inputs.text("userAgent", r.userAgent(), 1024);
        String email = null;
        String phone = null;
        switch (method) {
            case EMAIL_OTP, EMAIL_MAGIC_LINK -> email = contact("email", r.email(), tenantId, userId, method,
                    User::email, Contacts::email);
            case SMS, WHATSAPP -> phone = contact("phoneNumber", r.phoneNumber(), tenantId, userId, method,
                    User::phoneNumber, Contacts::phoneNumber);
            default -> {
                if (userId == null) {
                    throw SignetException.invalid("'userId' is required for verificationMethod " + method + ".");
                }
                if (method == VerificationMethod.AUTHENTICATOR_APP && factors.totpFactors(tenantId, userId).isEmpty()) {
                    throw SignetException.invalid("The user has no authenticator app enrolled; enroll one with "
                            + "verificationMethod AUTHENTICATOR_APP first.");
                }
            }
        }
        long now = clock.millis();
        Challenge c = new Challenge(tenantId, Ids.timeOrdered(now), userId, action, idempotencyKey, method,
                smsChannel, email, phone, locale, 0, now, now + ttl(method).toMillis(), null);
        boolean sends = channel(c).isPresent();
        // Counted for every method: for authenticator-app and recovery codes the limit on new challenges
        // (5 attempts each) is what bounds guessing.
        limits.count(tenantId, userId != null ? userId : c.recipient().toLowerCase(Locale.ROOT), ipAddress);
        Secret secret = newSecret(c);
        db.write(jdbc -> {
            if (userId != null) {
                users.ensureUser(jdbc, tenantId, userId, UserChanges.NONE);
            }
            store.insert(jdbc, c, secret.codeHash(), secret.linkHash());
            return null;
        });
        if (sends) {
            try {
                delivery.send(message(c, secret, ipAddress, r.userAgent()));
            } catch (SignetException e) {
                store.delete(tenantId, c.challengeId()); // nothing half-done: no message, no challenge
                throw e;
            }
        }
        log.record(c, ChallengeLog.Step.CREATED, null);
        return new ChallengeResponse(c.challengeId(), c.idempotencyKey(), c.expiresAtSeconds());
    }

    /** Re-send: a fresh code (only hashes are kept, so the old one cannot be sent again), same challenge. */
    private ChallengeResponse resend(String tenantId, String challengeId, ChallengeRequest r) {
        Challenge c = store.find(tenantId, challengeId).orElseThrow(() -> unknown(challengeId));
        VerificationMethod asked = Inputs.given(r.verificationMethod()) == null ? null
                : Inputs.method("verificationMethod", r.verificationMethod(), Inputs.STARTABLE);
        if (asked != null && asked != c.method()) {
            throw SignetException.invalid("'verificationMethod' " + asked + " does not match the challenge, which is "
                    + c.method() + ".");
        }
        String ipAddress = Inputs.ipAddress(r.ipAddress());
        Inputs.text("userAgent", r.userAgent(), 1024);
        if (c.isVerified() || c.attempts() >= Verification.MAX_ATTEMPTS) {
            throw SignetException.invalid("This challenge is " + (c.isVerified() ? "already verified" : "locked after "
                    + Verification.MAX_ATTEMPTS + " wrong codes") + "; start a new one without 'challengeId'.");
        }
        if (channel(c).isEmpty()) {
            return new ChallengeResponse(c.challengeId(), c.idempotencyKey(), c.expiresAtSeconds());
        }
        limits.count(tenantId, c.userId() != null ? c.userId() : c.recipient().toLowerCase(Locale.ROOT), ipAddress);
        long expiresAt = clock.millis() + ttl(c.method()).toMillis();
        Secret secret = newSecret(c);
        // Sent before it is stored: if delivery fails, the code the person already has keeps working.
        delivery.send(message(c, secret, ipAddress, r.userAgent()));
        if (!store.replaceSecret(tenantId, challengeId, secret.codeHash(), secret.linkHash(), expiresAt,
                Verification.MAX_ATTEMPTS)) {
            throw SignetException.invalid("This challenge was completed meanwhile; start a new one.");
        }
        return new ChallengeResponse(c.challengeId(), c.idempotencyKey(), expiresAt / 1000);
    }

    /** getChallenge: the newest active challenge matching the filters, or {@code {}}. */
    public GetChallengeResponse get(String tenantId, ChallengeQuery query) {
        return store.findActive(tenantId, query, clock.millis())
                .map(c -> new GetChallengeResponse(c.challengeId(), c.expiresAtSeconds(), c.method(),
                        c.smsChannel() == null ? null : c.smsChannel().name(), c.phoneNumber(), c.email(),
                        c.actionCode()))
                .orElse(GetChallengeResponse.NONE);
    }

    /** Deletes what expired a day ago or more; run periodically. */
    public int purgeExpired() {
        return store.purge(clock.millis() - Duration.ofDays(1).toMillis());
    }

    static SignetException unknown(String challengeId) {
        return SignetException.notFound("No challenge with this challengeId exists.");
    }

    private Duration ttl(VerificationMethod method) {
        return method == VerificationMethod.EMAIL_MAGIC_LINK ? settings.magicLinkTtl() : settings.otpTtl();
    }

    /**
     * Where the code goes: the contact in the request (validated), else the one of the user's enrolled
     * authenticator of this method, else the user's own attribute.
     */
    private String contact(String field, String given, String tenantId, String userId, VerificationMethod method,
                           Function<User, String> attribute, BinaryOperator<String> check) {
        String v = Inputs.given(given);
        if (v != null) {
            return check.apply(field, v);
        }
        String known = userId == null ? null : Optional.ofNullable(factors.enrolledContact(tenantId, userId, method))
                .or(() -> users.find(tenantId, userId).map(attribute)).orElse(null);
        if (known == null) {
            throw SignetException.invalid("'" + field + "' is required (or a 'userId' whose user has one).");
        }
        return known;
    }

    /** The channel a challenge's message travels on; empty for methods Signet sends nothing for. */
    private static Optional<Message.Channel> channel(Challenge c) {
        return switch (c.method()) {
            case EMAIL_OTP, EMAIL_MAGIC_LINK -> Optional.of(Message.Channel.EMAIL);
            case SMS -> Optional.of(c.smsChannel() == SmsChannel.WHATSAPP ? Message.Channel.WHATSAPP
                    : Message.Channel.SMS);
            case WHATSAPP -> Optional.of(Message.Channel.WHATSAPP);
            default -> Optional.empty();
        };
    }

    private record Secret(String code, String codeHash, String linkToken, String linkHash) {
    }

    private Secret newSecret(Challenge c) {
        return switch (c.method()) {
            case EMAIL_MAGIC_LINK -> {
                String token = Secrets.newLinkToken();
                yield new Secret(null, null, token, secrets.linkHash(token));
            }
            case EMAIL_OTP, SMS, WHATSAPP -> {
                String code = Secrets.newCode();
                yield new Secret(code, secrets.codeHash(c.challengeId(), code), null, null);
            }
            default -> new Secret(null, null, null, null);
        };
    }

    private Message message(Challenge c, Secret s, String ipAddress, String userAgent) {
        String url = s.linkToken() == null ? null : publicUrl.get() + ChallengeRoutes.MAGIC_LINK_PATH + s.linkToken();
        return new Message(c.tenantId(), channel(c).orElseThrow(), c.method(), c.recipient(), s.code(), url,
                c.userId(), c.actionCode(), c.idempotencyKey(), c.locale(), ipAddress, Inputs.given(userAgent),
                (int) Math.max(1, ttl(c.method()).toMinutes()));
    }
}
