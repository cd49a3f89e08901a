package io.signet.session;

import io.signet.metrics.BusinessMetrics;
import io.signet.metrics.BusinessMetrics.SessionEvent;
import io.signet.crypto.Ids;
import io.signet.crypto.RandomTokens;
import io.signet.crypto.SecretHasher;
import io.signet.error.ErrorCode;
import io.signet.error.SignetException;
import io.signet.store.DuplicateKeyException;
import io.signet.user.User;
import io.signet.user.UserService;
import io.signet.wire.IdField;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Sessions (docs/server-api.md §7.6 "Sessions"): created from a successful challenge, validated against the database on
 * every call (so a revocation holds on every node at once), refreshed with rotation and reuse detection
 * (OAuth 2.0 Security BCP, RFC 9700 §4.14.2), revoked one by one or per user.
 *
 * <p>Every token failure is 422 {@code invalid_request_token} (§3.3; PHP raises its dedicated
 * {@code AuthsignalInvalidRequestTokenError}); malformed input is 400 {@code invalid_request}.
 */
public final class SessionService {
    private static final String REFRESH_PURPOSE = "session-refresh-token";
    private static final String NOT_VALID_OR_ENDED =
            "The refresh token is not valid, or its session has been revoked or has expired.";
    private static final int MAX_REFRESH_TOKEN_LENGTH = 200;
    private static final int PURGE_BATCH = 500;
    /** How long a session outlives its creation at least: longer than any challenge token (ActionTokens.TTL). */
    static final Duration USED_TOKEN_RECORD = Duration.ofHours(1);

    private final SessionStore store;
    private final AppClientService clients;
    private final SigningKeys keys;
    private final AccessTokens accessTokens;
    private final ChallengeTokens challenges;
    private final UserService users;
    private final SecretHasher hasher;
    private final BusinessMetrics metrics;
    private final Clock clock;

    public SessionService(SessionStore store, AppClientService clients, SigningKeys keys, ChallengeTokens challenges,
                          UserService users, SecretHasher hasher, BusinessMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.store = store;
        this.clients = clients;
        this.keys = keys;
        this.accessTokens = new AccessTokens(keys);
        this.challenges = challenges;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    static SignetException invalidToken(String description) {
        return new SignetException(ErrorCode.INVALID_REQUEST_TOKEN, description);
    }

    /** createSession: a new session for the user of a successful challenge token; one session per token. */
    TokenPair create(String tenantId, String clientId, String token, String action) {
        IdField.check("clientId", clientId);
        required("token", token);
        AppClient client = clients.find(tenantId, clientId).orElseThrow(() -> SignetException.invalid(
                "'clientId' does not name an app client of this tenant."));
        VerifiedChallenge challenge = challenges.verify(tenantId, token).orElseThrow(() -> invalidToken(
                "The token is not valid: malformed, expired, altered or issued for another tenant."));
        if (!challenge.successful()) {
            throw invalidToken("The token is not from a successful challenge or an allowed action (state "
                    + challenge.state() + ").");
        }
        if (action != null && !action.isEmpty() && !action.equals(challenge.actionCode())) {
            throw invalidToken("The token was issued for another action than 'action'.");
        }
        SigningKeys.ActiveKey key = keys.active(tenantId); // before the write: it may create the first key
        long now = clock.millis();
        Session session = new Session(tenantId, Ids.timeOrdered(now), challenge.userId(), clientId,
                challenge.verificationMethod(), challenge.origin(), now, now + client.refreshTokenLifetime() * 1000,
                null);
        String refreshToken = newRefreshToken();
        try {
            if (!store.create(session, hash(refreshToken))) {
                throw invalidToken("The token's user or the app client no longer exists.");
            }
        } catch (DuplicateKeyException e) {
            throw invalidToken("This token has already been used to create a session.");
        }
        metrics.session(tenantId, SessionEvent.CREATED);
        return new TokenPair(accessTokens.issue(key, session, client.accessTokenLifetime(), now), refreshToken);
    }

    /** validateSession: signature, expiry, audience and revocation; the user as stored now. */
    ValidateSessionResponse validate(String tenantId, String accessToken, List<String> clientIds) {
        required("accessToken", accessToken);
        long now = clock.millis();
        AccessTokens.Claims claims = accessTokens.verify(tenantId, accessToken, now, false);
        // An empty list is treated as absent: SDKs serialize an unset array either way.
        if (clientIds != null && !clientIds.isEmpty() && !clientIds.contains(claims.clientId())) {
            throw invalidToken("The access token was not issued for any of 'clientIds'.");
        }
        boolean active = store.find(tenantId, claims.sessionId()).map(s -> s.isActive(now)).orElse(false);
        User user = active ? users.find(tenantId, claims.userId()).orElse(null) : null;
        if (user == null) {
            throw invalidToken("The session has been revoked or has expired.");
        }
        return new ValidateSessionResponse(ValidateSessionResponse.SessionUser.of(user), claims.expiresAt(),
                claims.verificationMethod());
    }

    /** refreshSession: a new pair; the presented refresh token is retired, and presenting it again revokes all. */
    TokenPair refresh(String tenantId, String refreshToken) {
        required("refreshToken", refreshToken);
        if (refreshToken.length() > MAX_REFRESH_TOKEN_LENGTH) {
            throw invalidToken("The refresh token is not valid.");
        }
        // The key is read before the token is rotated, so that a failure to read it cannot retire a token whose
        // holder then never receives the next one (presenting the old one again would revoke the session). A
        // tenant without a key has issued no session: the token is refused without creating one.
        SigningKeys.ActiveKey key = keys.existing(tenantId).orElseThrow(() -> invalidToken(NOT_VALID_OR_ENDED));
        String next = newRefreshToken();
        long now = clock.millis();
        return switch (store.rotate(tenantId, hash(refreshToken), hash(next), now)) {
            case SessionStore.Rotated r -> {
                metrics.session(tenantId, SessionEvent.REFRESHED);
                yield new TokenPair(accessTokens.issue(key, r.session(), r.accessTokenLifetime(), now), next);
            }
            case SessionStore.Reused r -> {
                metrics.session(tenantId, SessionEvent.REUSE_DETECTED);
                throw invalidToken("The refresh token was already used; the session has been revoked as a precaution.");
            }
            case SessionStore.Rejected r -> throw invalidToken(NOT_VALID_OR_ENDED);
        };
    }

    /**
     * revokeSession: ends the access token's session. An expired but genuine token is accepted, so that
     * signing out still revokes the refresh token; revoking twice succeeds.
     */
    void revoke(String tenantId, String accessToken) {
        required("accessToken", accessToken);
        long now = clock.millis();
        if (store.revoke(tenantId, accessTokens.verify(tenantId, accessToken, now, true).sessionId(), now)) {
            metrics.session(tenantId, SessionEvent.REVOKED);
        }
    }

    /** revokeUserSessions: ends every session of the user; an unknown user has none. */
    public void revokeUser(String tenantId, String userId) {
        int revoked = store.revokeUser(tenantId, IdField.check("userId", userId), clock.millis());
        for (int i = 0; i < revoked; i++) {
            metrics.session(tenantId, SessionEvent.REVOKED);
        }
    }

    /** The JWK Set that verifies this tenant's access tokens. */
    Map<String, Object> jwks(String tenantId) {
        return keys.jwks(tenantId);
    }

    /**
     * Deletes sessions (and their refresh tokens) whose refresh lifetime has passed; returns how many. A
     * session is also the record that its challenge token was used (its unique {@code origin}), so it is
     * kept at least {@link #USED_TOKEN_RECORD} after creation, longer than any challenge token lives: purged
     * early, the still-valid token could open a second session.
     */
    public int purgeExpired() {
        long now = clock.millis();
        long createdBefore = now - USED_TOKEN_RECORD.toMillis();
        int total = 0;
        int deleted;
        do {
            deleted = store.purgeExpired(now, createdBefore, PURGE_BATCH);
            total += deleted;
        } while (deleted == PURGE_BATCH);
        return total;
    }

    private String hash(String refreshToken) {
        return hasher.hash(REFRESH_PURPOSE, refreshToken);
    }

    /** 256 random bits; only its keyed hash is stored. */
    private static String newRefreshToken() {
        return RandomTokens.base64Url(32);
    }

    private static void required(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw SignetException.invalid("'" + field + "' is required.");
        }
    }
}
