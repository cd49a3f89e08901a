package io.signet.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.signet.session.OwnSigningKey;
import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.ClientApi;
import io.signet.testing.ManualClock;
import io.signet.testing.ServerSuite;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The forged-token corpus: what an attacker can make without Signet's keys (alg none, HMAC keyed with a
 * public key, ES256 with r = s = 0, their own key named by kid, jwk, jku or x5u, altered claims under a
 * genuine signature, a truncated or borrowed signature) and genuine tokens used where they must not work
 * (expired, another tenant's). Every one is refused, for action tokens (Client API Bearer) and for session
 * access tokens (validateSession). Token checks do not depend on the storage, so SQLite only.
 */
class ForgedTokensIT extends ServerSuite {
    private final ManualClock clock = new ManualClock(Instant.now());

    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }

    @Override
    protected Clock clock() {
        return clock;
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String part(String token, int i) {
        return token.split("\\.", -1)[i];
    }

    private static String payloadJson(String token) {
        return new String(Base64.getUrlDecoder().decode(part(token, 1)), StandardCharsets.UTF_8);
    }

    private static String signed(JWSHeader header, JWTClaimsSet claims, com.nimbusds.jose.JWSSigner signer)
            throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** Forgeries of {@code genuine} that need no key of Signet's; {@code alg} is the genuine algorithm. */
    private List<String> forgeries(String genuine, String otherTenantsGenuine) throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(genuine).getJWTClaimsSet();
        String payload = part(genuine, 1);
        ECKey attacker = new ECKeyGenerator(Curve.P_256).keyID("attacker").generate();
        byte[] hmacKey = "an attacker's 256-bit hmac key!!".getBytes(StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        out.add(b64("{\"alg\":\"none\"}") + "." + payload + ".");
        out.add(b64("{\"alg\":\"none\"}") + "." + payload + "." + part(genuine, 2));
        out.add(b64("{\"alg\":\"None\",\"typ\":\"JWT\"}") + "." + payload + ".");
        out.add(b64("{\"alg\":\"ES256\"}") + "." + payload + "." + Base64URL.encode(new byte[64]));  // r = s = 0
        out.add(signed(new JWSHeader(JWSAlgorithm.HS256), claims, new MACSigner(hmacKey)));
        out.add(signed(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("../../../dev/null").build(), claims,
                new MACSigner(new byte[32])));
        out.add(signed(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(SignedJWT.parse(genuine).getHeader().getKeyID())
                .build(), claims, new ECDSASigner(attacker)));
        out.add(signed(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("unknown-kid").build(), claims,
                new ECDSASigner(attacker)));
        out.add(signed(new JWSHeader.Builder(JWSAlgorithm.ES256).jwk(attacker.toPublicJWK()).build(), claims,
                new ECDSASigner(attacker)));
        out.add(signed(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("attacker")
                .jwkURL(URI.create("https://attacker.example/jwks.json")).build(), claims, new ECDSASigner(attacker)));
        out.add(signed(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("attacker")
                .x509CertURL(URI.create("https://attacker.example/cert.pem")).build(), claims,
                new ECDSASigner(attacker)));
        out.add(signed(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder(claims).issuer("someone-else").build(), new MACSigner(hmacKey)));
        // genuine signature, altered claims
        String altered = payloadJson(genuine).replace(claims.getSubject(), "victim-" + UUID.randomUUID());
        out.add(part(genuine, 0) + "." + b64(altered) + "." + part(genuine, 2));
        out.add(part(genuine, 0) + "." + b64(payloadJson(genuine).replaceFirst("\"exp\":\\d+", "\"exp\":99999999999"))
                + "." + part(genuine, 2));
        out.add(part(genuine, 0) + "." + b64(payloadJson(genuine).replaceFirst("\\{", "{\"nbf\":99999999999,"))
                + "." + part(genuine, 2));
        // genuine pieces recombined
        out.add(part(genuine, 0) + "." + payload + "." + part(genuine, 2).substring(0, 20));
        out.add(part(genuine, 0) + "." + payload + "." + part(otherTenantsGenuine, 2));
        out.add(part(genuine, 0) + "." + part(otherTenantsGenuine, 1) + "." + part(genuine, 2));
        out.add(genuine + ".");
        out.add(part(genuine, 0) + ".." + part(genuine, 2));
        return out;
    }

    private static void allRefused(List<String> forged, Predicate<String> refused, String kind) {
        assertThat(forged).hasSizeGreaterThanOrEqualTo(15);
        for (int i = 0; i < forged.size(); i++) {
            assertThat(refused.test(forged.get(i))).as(kind + " forgery #" + i + ": " + forged.get(i)).isTrue();
        }
    }

    private String track(io.signet.testing.Api as) {
        ApiResponse r = as.post("/v1/users/user-" + UUID.randomUUID() + "/actions/signIn", Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("token").asString();
    }

    private int bearerStatus(String token) {
        return ClientApi.bearer(server.baseUrl(), token).get("/user-authenticators").status();
    }

    @Test
    void forged_action_tokens_are_refused_as_Bearer() throws Exception {
        String genuine = track(api);
        String otherTenants = track(server.newTenant("other-" + UUID.randomUUID()));
        assertThat(bearerStatus(genuine)).isEqualTo(200);
        List<String> forged = forgeries(genuine, otherTenants);
        allRefused(forged, t -> bearerStatus(t) == 401, "action token");

        String expiring = track(api);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(bearerStatus(expiring)).isEqualTo(401);
    }

    @Test
    void forged_access_tokens_are_refused_by_validateSession() throws Exception {
        String clientId = api.post("/admin/v1/clients", Map.of("name", "web")).json().path("clientId").asString();
        String genuine = api.post("/v1/sessions", Map.of("clientId", clientId, "token", track(api))).json()
                .path("accessToken").asString();
        io.signet.testing.Api other = server.newTenant("other-" + UUID.randomUUID());
        String otherClient = other.post("/admin/v1/clients", Map.of("name", "web")).json().path("clientId").asString();
        String otherTenants = other.post("/v1/sessions", Map.of("clientId", otherClient, "token", track(other)))
                .json().path("accessToken").asString();
        assertThat(api.post("/v1/sessions/validate", Map.of("accessToken", genuine)).status()).isEqualTo(200);
        assertThat(api.post("/v1/sessions/validate", Map.of("accessToken", otherTenants)).status())
                .as("another tenant's genuine token").isEqualTo(422);

        List<String> forged = forgeries(genuine, otherTenants);
        allRefused(forged, t -> api.post("/v1/sessions/validate", Map.of("accessToken", t)).status() == 422,
                "access token");

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(api.post("/v1/sessions/validate", Map.of("accessToken", genuine)).status()).as("expired")
                .isEqualTo(422);
    }

    /**
     * Access tokens made with the tenant's own active signing key: the genuine claims re-signed validate, so each
     * refusal below is the check of its header parameter or claim, not of the key.
     */
    @Test
    void access_tokens_signed_with_signets_own_key_but_a_wrong_header_typ_aud_iss_tenant_or_time_are_refused()
            throws Exception {
        String clientId = api.post("/admin/v1/clients", Map.of("name", "web")).json().path("clientId").asString();
        String otherClient = api.post("/admin/v1/clients", Map.of("name", "app")).json().path("clientId").asString();
        String genuine = api.post("/v1/sessions", Map.of("clientId", clientId, "token", track(api))).json()
                .path("accessToken").asString();
        String tenantId = server.app().tenants().tenantIdForSecretKey(io.signet.testing.TestServer.SECRET_KEY)
                .orElseThrow();
        OwnSigningKey own = OwnSigningKey.of(server.app().signingKeys(), tenantId);
        JWTClaimsSet claims = SignedJWT.parse(genuine).getJWTClaimsSet();
        JOSEObjectType type = SignedJWT.parse(genuine).getHeader().getType();
        java.util.function.Function<JOSEObjectType, JWSHeader> header = t -> new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(own.keyId()).type(t).build();
        Predicate<String> refused = t -> api.post("/v1/sessions/validate",
                Map.of("accessToken", t, "clientIds", List.of(clientId))).status() == 422;

        String resigned = signed(header.apply(type), claims, own.signer());
        assertThat(refused.test(resigned)).as("the same claims re-signed with the tenant's key still validate")
                .isFalse();
        java.util.Date now = java.util.Date.from(clock.instant());
        ECKey attacker = new ECKeyGenerator(Curve.P_256).keyID("attacker").generate();
        java.util.function.Function<JWSHeader.Builder, String> withHeader = b -> {
            try {
                return signed(b.keyID(own.keyId()).type(type).build(), claims, own.signer());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        List<String> forged = List.of(
                withHeader.apply(new JWSHeader.Builder(JWSAlgorithm.ES256).jwkURL(URI.create("https://a.test/j"))),
                withHeader.apply(new JWSHeader.Builder(JWSAlgorithm.ES256).x509CertURL(URI.create("https://a.test/"))),
                withHeader.apply(new JWSHeader.Builder(JWSAlgorithm.ES256).jwk(attacker.toPublicJWK())),
                withHeader.apply(new JWSHeader.Builder(JWSAlgorithm.ES256).customParam("exp", 1)),
                signed(header.apply(type), new JWTClaimsSet.Builder(claims).issuer("urn:signet:tenant:another").build(),
                        own.signer()),
                signed(header.apply(type), new JWTClaimsSet.Builder(claims).issuer("signet").build(), own.signer()),
                signed(header.apply(type), new JWTClaimsSet.Builder(claims).issuer(null).build(), own.signer()),
                signed(header.apply(type), new JWTClaimsSet.Builder(claims)
                        .expirationTime(new java.util.Date(now.getTime() - 1000)).build(), own.signer()),
                signed(header.apply(type), new JWTClaimsSet.Builder(claims).expirationTime(null).build(), own.signer()),
                signed(header.apply(type), new JWTClaimsSet.Builder(claims)
                        .notBeforeTime(new java.util.Date(now.getTime() + 3_600_000)).build(), own.signer()),
                signed(header.apply(type), new JWTClaimsSet.Builder(claims).subject(null).build(), own.signer()),
                signed(header.apply(type), new JWTClaimsSet.Builder(claims).claim("sid", null).build(),
                        own.signer()),
                signed(header.apply(null), claims, own.signer()),
                signed(header.apply(JOSEObjectType.JWT), claims, own.signer()),
                signed(header.apply(JOSEObjectType.JOSE), claims, own.signer()),
                signed(header.apply(new JOSEObjectType("JWT+at")), claims, own.signer()),
                signed(header.apply(type), new JWTClaimsSet.Builder(claims).audience(otherClient).build(), own.signer()),
                signed(header.apply(type), new JWTClaimsSet.Builder(claims).audience((String) null).build(),
                        own.signer()),
                signed(header.apply(type), new JWTClaimsSet.Builder(claims).audience(List.of(clientId, otherClient))
                        .build(), own.signer()),
                signed(header.apply(type), new JWTClaimsSet.Builder(claims).audience(List.<String>of()).build(),
                        own.signer()));
        allRefused(forged, refused, "own-key access token");
        // signed for another tenant with this tenant's key: the other tenant's keys do not know its kid
        io.signet.testing.Api other = server.newTenant("other-" + UUID.randomUUID());
        String otherTenantId = (String) SignedJWT.parse(track(other)).getJWTClaimsSet().getJSONObjectClaim("other")
                .get("tenantId");
        String forOther = signed(header.apply(type), new JWTClaimsSet.Builder(claims)
                .issuer("urn:signet:tenant:" + otherTenantId).build(), own.signer());
        assertThat(other.post("/v1/sessions/validate", Map.of("accessToken", forOther)).status()).isEqualTo(422);
    }
    /**
     * Action tokens made with the tenant's own action-token key (derived as Signet derives it, from the
     * encryption key): the genuine claims re-signed validate, so each refusal below is the check of its
     * header parameter or claim, not of the key.
     */
    @Test
    void action_tokens_signed_with_the_tenants_own_key_but_a_wrong_typ_aud_iss_tenant_or_time_are_refused()
            throws Exception {
        String genuine = track(api);
        JWTClaimsSet claims = SignedJWT.parse(genuine).getJWTClaimsSet();
        String tenantId = (String) claims.getJSONObjectClaim("other").get("tenantId");
        MACSigner own = new MACSigner(java.util.HexFormat.of().parseHex(new io.signet.crypto.SecretHasher(
                server.encryptionKey()).hash("signet-action-token-key-v1", tenantId)));
        java.util.function.Function<JOSEObjectType, JWSHeader.Builder> header = t ->
                new JWSHeader.Builder(JWSAlgorithm.HS256).type(t);
        Predicate<String> refused = t -> bearerStatus(t) == 401;
        assertThat(refused.test(signed(new JWSHeader(JWSAlgorithm.HS256), claims, own)))
                .as("the same claims re-signed with the tenant's key still work").isFalse();

        java.util.Date now = java.util.Date.from(clock.instant());
        java.util.Map<String, Object> otherTenant = new java.util.LinkedHashMap<>(claims.getJSONObjectClaim("other"));
        otherTenant.put("tenantId", "another-tenant");
        ECKey attacker = new ECKeyGenerator(Curve.P_256).keyID("attacker").generate();
        List<String> forged = List.of(
                signed(header.apply(JOSEObjectType.JWT).build(), claims, own),
                signed(header.apply(JOSEObjectType.JOSE).build(), claims, own),
                signed(header.apply(new JOSEObjectType("at+jwt")).build(), claims, own),
                signed(header.apply(new JOSEObjectType("JWT+at")).build(), claims, own),
                signed(header.apply(null).keyID("action").build(), claims, own),
                signed(header.apply(null).jwkURL(URI.create("https://attacker.example/jwks.json")).build(), claims, own),
                signed(header.apply(null).x509CertURL(URI.create("https://attacker.example/c.pem")).build(), claims, own),
                signed(header.apply(null).jwk(attacker.toPublicJWK()).build(), claims, own),
                signed(header.apply(null).customParam("exp", 1).build(), claims, own),
                signed(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder(claims).audience("signet").build(), own),
                signed(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder(claims).audience("a-client").build(),
                        own),
                signed(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder(claims)
                        .audience(List.of("signet", "a-client")).build(), own),
                signed(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder(claims).issuer("authsignal").build(),
                        own),
                signed(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder(claims).issuer(null).build(), own),
                signed(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder(claims).claim("other", otherTenant)
                        .build(), own),
                signed(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder(claims)
                        .expirationTime(new java.util.Date(now.getTime() - 1)).build(), own),
                signed(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder(claims)
                        .notBeforeTime(new java.util.Date(now.getTime() + 3_600_000)).build(), own),
                signed(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder(claims).issueTime(null).build(), own));
        allRefused(forged, refused, "own-key action token");
    }
}
