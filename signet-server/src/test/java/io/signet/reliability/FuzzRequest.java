package io.signet.reliability;

import io.signet.wire.Json;
import io.signet.testing.FuzzValues;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** One fuzzed request: any route of the server, with fuzzed path, query, body and credentials. */
record FuzzRequest(String method, String path, Object body, Credentials credentials, String idempotencyKey,
                   String contentType) {

    enum Credentials { TENANT, OPERATOR, CLIENT_TOKEN, RANDOM_BEARER, NONE }

    /** Every route Signet registers (the Routes classes), with its path parameters as {name}. */
    static final List<String> ROUTES = List.of(
            "GET /v1/users", "GET /v1/users/{userId}", "PATCH /v1/users/{userId}", "POST /v1/users/{userId}",
            "DELETE /v1/users/{userId}", "GET /v1/users/{userId}/actions",
            "GET /v1/users/{userId}/actions/{action}/{idempotencyKey}",
            "PATCH /v1/users/{userId}/actions/{action}/{idempotencyKey}", "POST /v1/users/{userId}/actions/{action}",
            "GET /v1/users/{userId}/authenticators", "POST /v1/users/{userId}/authenticators",
            "DELETE /v1/users/{userId}/authenticators/{userAuthenticatorId}", "POST /v1/users/authenticators",
            "GET /v1/users/{userId}/challenge", "POST /v1/challenge", "POST /v1/verify", "POST /v1/claim",
            "GET /v1/challenges", "POST /v1/challenges", "GET /v1/v1/challenges", "POST /v1/validate",
            "POST /v1/sessions", "POST /v1/sessions/validate", "POST /v1/sessions/refresh", "POST /v1/sessions/revoke",
            "POST /v1/sessions/user/revoke", "GET /tenants/{tenantId}/.well-known/jwks.json",
            "GET /admin/v1/rules", "POST /admin/v1/rules", "GET /admin/v1/rules/{ruleId}",
            "PATCH /admin/v1/rules/{ruleId}", "DELETE /admin/v1/rules/{ruleId}", "POST /admin/v1/rules/dry-run",
            "GET /admin/v1/action-configurations", "PATCH /admin/v1/action-configurations/{actionCode}",
            "GET /admin/v1/settings", "PATCH /admin/v1/settings", "GET /admin/v1/branding", "PATCH /admin/v1/branding",
            "POST /admin/v1/branding/logo", "DELETE /admin/v1/branding/logo", "GET /admin/v1/clients",
            "POST /admin/v1/clients", "GET /admin/v1/clients/{clientId}", "PATCH /admin/v1/clients/{clientId}",
            "DELETE /admin/v1/clients/{clientId}", "GET /admin/v1/keys", "DELETE /admin/v1/keys/{keyId}",
            "GET /admin/v1/audit", "GET /admin/v1/webhooks", "POST /admin/v1/webhooks",
            "GET /admin/v1/webhooks/{endpointId}", "PATCH /admin/v1/webhooks/{endpointId}",
            "DELETE /admin/v1/webhooks/{endpointId}", "GET /admin/v1/webhooks/{endpointId}/deliveries",
            "GET /admin/v1/webhooks/{endpointId}/health", "POST /admin/v1/webhooks/{endpointId}/redeliver",
            "GET /operator/v1/tenants", "POST /operator/v1/tenants", "GET /operator/v1/tenants/{tenantId}",
            "PATCH /operator/v1/tenants/{tenantId}", "DELETE /operator/v1/tenants/{tenantId}",
            "GET /operator/v1/tenants/{tenantId}/keys", "DELETE /operator/v1/tenants/{tenantId}/keys/{keyId}",
            "GET /operator/v1/tenants/{tenantId}/audit",
            "GET /v1/client/user-authenticators", "POST /v1/client/user-authenticators/email-otp",
            "POST /v1/client/challenge/email-otp", "POST /v1/client/verify/email-otp",
            "POST /v1/client/user-authenticators/sms", "POST /v1/client/challenge/sms", "POST /v1/client/verify/sms",
            "POST /v1/client/challenge/whatsapp", "POST /v1/client/verify/whatsapp",
            "POST /v1/client/user-authenticators/totp", "POST /v1/client/verify/totp",
            "POST /v1/client/verify/recovery-code", "POST /v1/client/user-authenticators/email-magic-link",
            "POST /v1/client/challenge/email-magic-link", "POST /v1/client/verify/email-magic-link/finalize",
            "POST /v1/client/user-authenticators/passkey/registration-options",
            "POST /v1/client/user-authenticators/passkey/registration-options/web",
            "POST /v1/client/user-authenticators/passkey", "GET /v1/client/user-authenticators/passkey",
            "POST /v1/client/challenge", "POST /v1/client/challenge/web",
            "POST /v1/client/user-authenticators/passkey/authentication-options",
            "POST /v1/client/user-authenticators/passkey/authentication-options/web",
            "POST /v1/client/verify/passkey", "POST /v1/client/ui/qr-code", "POST /v1/client/ui/recovery-codes",
            "GET /ui", "GET /health");
    /** Query parameters the endpoints read. */
    private static final List<String> QUERY = List.of("limit", "fromDate", "toDate", "lastEvaluatedUserId", "email",
            "phoneNumber", "username", "challengeId", "userId", "action", "verificationMethod", "token", "status",
            "cursor", "codes", "allowLockout", "mode", "t", "tenantId", "since");
    private static final Pattern PARAMETER = Pattern.compile("\\{[a-zA-Z]+}");

    static Arbitrary<FuzzRequest> any() {
        Arbitrary<String> route = Arbitraries.of(ROUTES);
        Arbitrary<String> query = Arbitraries.maps(Arbitraries.of(QUERY), FuzzValues.text()).ofMaxSize(3)
                .map(FuzzRequest::queryString);
        Arbitrary<Object> body = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.maps(FuzzValues.fieldName(), FuzzValues.json(3)).ofMaxSize(8)
                        .map(m -> (Object) Json.write(m))),
                Tuple.of(1, FuzzValues.anyText().map(s -> (Object) s)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(b -> (Object) b)),
                Tuple.of(1, Arbitraries.just(null)));
        Arbitrary<Credentials> credentials = Arbitraries.frequency(Tuple.of(6, Credentials.TENANT),
                Tuple.of(1, Credentials.OPERATOR), Tuple.of(2, Credentials.CLIENT_TOKEN),
                Tuple.of(1, Credentials.RANDOM_BEARER), Tuple.of(1, Credentials.NONE));
        Arbitrary<String> key = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(null)),
                Tuple.of(1, FuzzValues.anyText()));
        Arbitrary<String> contentType = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                        "application/json; charset=latin1", "")));
        return Combinators.combine(route, FuzzValues.text().list().ofSize(4), query, body, credentials, key, contentType)
                .as((r, values, q, b, c, k, t) -> new FuzzRequest(r.substring(0, r.indexOf(' ')), fill(r, values) + q,
                        b, c, k, t));
    }

    /** The route with each {param} replaced by a fuzzed value, percent-encoded as a client would send it. */
    private static String fill(String route, List<String> values) {
        Matcher m = PARAMETER.matcher(route.substring(route.indexOf(' ') + 1));
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (m.find()) {
            String v = values.get(i++ % values.size());
            m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(v, StandardCharsets.UTF_8)
                    .replace("+", "%20")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String queryString(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        StringBuilder q = new StringBuilder("?");
        params.forEach((k, v) -> q.append(q.length() > 1 ? "&" : "").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return q.toString();
    }

    boolean mutating() {
        return !method.equals("GET");
    }
}
