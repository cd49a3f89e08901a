package io.signet.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.signet.crypto.Ids;
import io.signet.crypto.Sha256;
import io.signet.user.VerificationMethod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Access tokens: ES256 JWTs (RFC 9068 shape, {@code typ: at+jwt}) with {@code iss} naming the tenant,
 * {@code aud} the app client, {@code sub} the user, {@code sid} the session and {@code verificationMethod}.
 * Verification here covers signature, issuer and expiry; revocation is the session row's business.
 */
final class AccessTokens {
    static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
    static final String SESSION_CLAIM = "sid";
    static final String METHOD_CLAIM = "verificationMethod";
    private static final int MAX_TOKEN_LENGTH = 8192;
    private static final int VERIFIED_TOKENS = 4_096; // under 2 MiB of heap
    /** The header {@link #issue} writes; anything more (jku, jwk, x5u, crit…) declares another kind of token. */
    private static final Set<String> HEADER = Set.of("alg", "typ", "kid");

    /**
     * Tokens whose signature was already checked. validateSession is called on every request an app serves, with
     * the same token again and again, and an ES256 verification was most of its cost (four fifths of the CPU
     * samples of the bench's validateSession). Only the signature is remembered: expiry is checked on every call,
     * revocation is the session row's, and a key retired past its overlap makes its tokens fail again.
     */
    private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(VERIFIED_TOKENS)
            .expireAfterWrite(Duration.ofMinutes(10)).build();
    private final SigningKeys keys;

    AccessTokens(SigningKeys keys) {
        this.keys = keys;
    }

    /** A token whose signature verified with {@code keyId}, and what it says. */
    private record Verified(String keyId, Claims claims) {
    }

    /** What a verified access token says. {@code expiresAt} in epoch seconds, as validateSession returns it. */
    record Claims(String sessionId, String userId, String clientId, long expiresAt,
                  VerificationMethod verificationMethod) {
    }

    /** The {@code iss} of every token of this tenant. */
    static String issuer(String tenantId) {
        return "urn:signet:tenant:" + tenantId;
    }

    /** Signs a token for {@code session} that expires {@code lifetimeSeconds} after {@code nowMillis}. */
    String issue(SigningKeys.ActiveKey key, Session session, long lifetimeSeconds, long nowMillis) {
        long iat = nowMillis / 1000;
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer(session.tenantId()))
                .audience(session.clientId())
                .subject(session.userId())
                .issueTime(new Date(iat * 1000))
                .expirationTime(new Date((iat + lifetimeSeconds) * 1000))
                .jwtID(Ids.timeOrdered(nowMillis))
                .claim(SESSION_CLAIM, session.sessionId());
        if (session.verificationMethod() != null) {
            claims.claim(METHOD_CLAIM, session.verificationMethod().name());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.keyId()).type(TYPE).build(),
                claims.build());
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing an access token failed", e);
        }
        return jwt.serialize();
    }

    /**
     * Checks that {@code token} was signed by one of this tenant's keys for this tenant and, unless
     * {@code allowExpired}, has not expired. Every failure is a 422 {@code invalid_request_token}.
     */
    Claims verify(String tenantId, String token, long nowMillis, boolean allowExpired) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw SessionService.invalidToken("The access token is not valid.");
        }
        String cacheKey = cacheKey(tenantId, token);
        Verified known = verified.getIfPresent(cacheKey);
        // A key retired past its overlap stops verifying: a remembered signature must not outlive it.
        if (known == null || keys.verifier(tenantId, known.keyId()).isEmpty()) {
            known = checkSignature(tenantId, token);
            verified.put(cacheKey, known);
        }
        if (!allowExpired && nowMillis >= known.claims().expiresAt() * 1000) {
            throw SessionService.invalidToken("The access token has expired.");
        }
        return known.claims();
    }

    /**
     * Signature, header and issuer, and the claims a token must carry; not the expiry. The header must be exactly
     * the one {@link #issue} writes and the claims carry no {@code nbf} (Signet never writes one): a token that
     * differs was not made here, even when it verifies with this tenant's key.
     */
    private Verified checkSignature(String tenantId, String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw SessionService.invalidToken("The access token is not a signed JWT.");
        }
        JWSHeader header = jwt.getHeader();
        Optional<JWSVerifier> verifier = JWSAlgorithm.ES256.equals(header.getAlgorithm())
                && TYPE.equals(header.getType()) && HEADER.equals(header.getIncludedParams())
                && header.getKeyID().length() <= 64
                ? keys.verifier(tenantId, header.getKeyID()) : Optional.empty();
        if (verifier.isEmpty() || !verifies(jwt, verifier.get()) || !issuer(tenantId).equals(claims.getIssuer())) {
            throw SessionService.invalidToken("The access token was not issued by this tenant or has been altered.");
        }
        Date exp = claims.getExpirationTime();
        List<String> audience = claims.getAudience();
        Object sessionId = claims.getClaim(SESSION_CLAIM);
        if (exp == null || audience.size() != 1 || claims.getSubject() == null || !(sessionId instanceof String sid)
                || claims.getClaim("nbf") != null) {
            throw SessionService.invalidToken(
                    "The access token lacks a required claim or carries one Signet never writes.");
        }
        Object method = claims.getClaim(METHOD_CLAIM);
        return new Verified(header.getKeyID(), new Claims(sid, claims.getSubject(), audience.getFirst(),
                exp.getTime() / 1000, method instanceof String m ? VerificationMethod.parse(m) : null));
    }

    /**
     * The cache key: a digest of tenant and token, so the cache holds 32 bytes per token rather than the token
     * (a bearer secret) itself.
     */
    private static String cacheKey(String tenantId, String token) {
        MessageDigest sha256 = Sha256.start();
        sha256.update(tenantId.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean verifies(SignedJWT jwt, JWSVerifier verifier) {
        try {
            return jwt.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }
}
