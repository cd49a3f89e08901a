package io.signet.action;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.signet.crypto.RandomTokens;
import io.signet.crypto.SecretHasher;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The short-lived action token track returns (docs/server-api.md §7.3.1 "track": a JWT valid for 10 minutes) and
 * that {@code /v1/validate}, sessions and the Client API (as a Bearer token) accept.
 *
 * <p>HS256, keyed per tenant with a key derived from the master encryption key, so every node can issue
 * and check tokens without shared state, and a token of one tenant never verifies for another. The
 * claims follow Authsignal's historic token shape: {@code sub} the user, and
 * {@code other: {tenantId, userId, actionCode, idempotencyKey}}, plus {@code scope}. Reusable until it
 * expires: see {@link ActionService#validate}.
 */
public final class ActionTokens {
    public static final Duration TTL = Duration.ofMinutes(10);
    private static final String ISSUER = "signet";
    private static final String KEY_PURPOSE = "signet-action-token-key-v1";

    private final SecretHasher keys;
    private final Clock clock;

    public ActionTokens(SecretHasher keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Why a token was refused; the text goes to validate's {@code error}, so it names no secret. */
    public static final class InvalidToken extends RuntimeException {
        private final boolean expired;

        InvalidToken(String reason) {
            this(reason, false);
        }

        InvalidToken(String reason, boolean expired) {
            super(reason, null, false, false);
            this.expired = expired;
        }

        /** A well-formed token of ours that only ran out of time (the Client API's {@code expired_token}). */
        public boolean expired() {
            return expired;
        }
    }

    /**
     * A new token for an action; {@code scope} is space-separated or null. The Client API issues its
     * {@code accessToken} here, for the same action as the token it was given.
     */
    public String issue(String tenantId, String userId, String actionCode, String idempotencyKey, String scope) {
        long now = clock.millis();
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("tenantId", tenantId);
        other.put("userId", userId);
        other.put("actionCode", actionCode);
        other.put("idempotencyKey", idempotencyKey);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(userId)
                .jwtID(RandomTokens.base64Url(16))
                .issueTime(new Date(now))
                .expirationTime(new Date(now + TTL.toMillis()))
                .claim("other", other)
                .claim("scope", scope)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(key(tenantId)));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an action token", e);
        }
        return jwt.serialize();
    }

    /** The claims of a token issued for {@code tenantId}, or empty when it is not one (any reason). */
    public Optional<TokenClaims> verify(String tenantId, String token) {
        try {
            return Optional.of(check(tenantId, token));
        } catch (InvalidToken e) {
            return Optional.empty();
        }
    }

    /**
     * Checks a token that names its tenant (a browser holds only the token, no secret key): the tenant the
     * token claims picks the key its signature must verify with, so a claim of another tenant cannot pass.
     * Throws {@link InvalidToken}, whose {@link InvalidToken#expired()} tells an expired token apart.
     */
    public TokenClaims check(String token) {
        SignedJWT jwt = parse(token);
        return check(claimedTenant(jwt), jwt);
    }

    /**
     * Checks signature (with the tenant's key), issuer and expiry; throws {@link InvalidToken} with why. The
     * header must be exactly the one {@link #issue} writes ({@code alg} HS256 and nothing else) and the claims
     * may carry no {@code aud} or {@code nbf}: a {@code typ}, {@code kid}, {@code jku}, {@code jwk},
     * {@code x5u} or {@code crit}, or an audience, would declare another kind of token, even one signed with
     * this tenant's key.
     */
    TokenClaims check(String tenantId, String token) {
        return check(tenantId, parse(token));
    }

    private TokenClaims check(String tenantId, SignedJWT jwt) {
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                || !jwt.getHeader().getIncludedParams().equals(Set.of("alg"))) {
            throw new InvalidToken("The token is not a Signet action token.");
        }
        try {
            if (!jwt.verify(new MACVerifier(key(tenantId)))) {
                throw new InvalidToken("The token signature is invalid for this tenant.");
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Map<String, Object> other = c.getJSONObjectClaim("other");
            if (!ISSUER.equals(c.getIssuer()) || other == null || c.getExpirationTime() == null
                    || c.getIssueTime() == null || !tenantId.equals(other.get("tenantId"))
                    || c.getClaim("aud") != null || c.getClaim("nbf") != null) {
                throw new InvalidToken("The token is not a Signet action token.");
            }
            long expiresAt = c.getExpirationTime().getTime();
            if (clock.millis() >= expiresAt) {
                throw new InvalidToken("The token has expired.", true);
            }
            return new TokenClaims(tenantId, string(other, "userId"), string(other, "actionCode"),
                    string(other, "idempotencyKey"), c.getStringClaim("scope"), c.getIssueTime().getTime() / 1000,
                    expiresAt / 1000);
        } catch (JOSEException | ParseException | ClassCastException e) {
            throw new InvalidToken("The token is malformed.");
        }
    }

    private static SignedJWT parse(String token) {
        try {
            return SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw new InvalidToken("The token is malformed.");
        }
    }

    private static String claimedTenant(SignedJWT jwt) {
        try {
            if (jwt.getJWTClaimsSet().getJSONObjectClaim("other").get("tenantId") instanceof String s) {
                return s;
            }
        } catch (ParseException | RuntimeException e) {
            // fall through: not ours
        }
        throw new InvalidToken("The token is malformed.");
    }

    private static String string(Map<String, Object> other, String name) {
        if (other.get(name) instanceof String s && !s.isEmpty()) {
            return s;
        }
        throw new InvalidToken("The token is malformed.");
    }

    /**
     * The tenant's signing key: HMAC-SHA256 of the tenant id under the hasher's key, itself derived from
     * the master key, i.e. a PRF output nobody can compute without {@code SIGNET_ENCRYPTION_KEY}.
     */
    private byte[] key(String tenantId) {
        return HexFormat.of().parseHex(keys.hash(KEY_PURPOSE, tenantId));
    }
}
