package io.signet.testing;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generators of hostile input for the fuzz properties: any text (control characters, unpaired surrogates,
 * very long), numbers at and beyond every bound, and near-valid values of each format Signet parses (otpauth
 * URIs, dates, phones, emails, base64url, tokens, JSONLogic), so that parsers are hit past their first check.
 */
public final class FuzzValues {
    private FuzzValues() {
    }

    /** Any string: printable, control characters, surrogates, long runs. */
    public static Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u007f').ofMaxLength(300),
                Arbitraries.strings().withChars("%/.\\:?#&=+@\"'{}[]<>$ \t\r\n\u0000\u202e\ud800").ofMaxLength(20),
                Arbitraries.of("", " ", "null", "undefined", "NaN", "0", "-1", "true", "..", "../..", "%00", "%ZZ",
                        "a".repeat(256), "\u0000", "\ud83d\ude00", "\ud800"));
    }

    /** Text shaped like the formats Signet parses, mutated at random. */
    public static Arbitrary<String> nearValid() {
        Arbitrary<String> formats = Arbitraries.of(
                "otpauth://totp/Acme:jane?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Acme",
                "otpauth://totp/A?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=99999999999&period=0&algorithm=MD5",
                "otpauth://hotp/x?secret=%%%", "otpauth://totp/?secret=", "otpauth:totp",
                "2024-01-01T00:00:00Z", "2024-13-45T25:61:61Z", "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
                "1700000000", "2024-01-01", "+14155550123", "+1", "+999999999999999999", "0014155550123", "(415) 555",
                "jane@example.com", "a@b", "@", "jane@@example.com", "x".repeat(300) + "@example.com",
                "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "a.b.c", "..", "eyJ.eyJ.", "Bearer x",
                "pQECAyYgASFYIA", "o2NmbXRkbm9uZQ", "AAAA", "____", "-_-_", "AQID",
                "AUTHENTICATOR_APP", "EMAIL_OTP", "SMS", "RECOVERY_CODE", "PASSKEY", "EMAIL_MAGIC_LINK", "WHATSAPP",
                "ALLOW", "BLOCK", "CHALLENGE", "REVIEW", "CHALLENGE_REQUIRED", "https://hooks.example.com/in",
                "http://127.0.0.1:1/", "http://169.254.169.254/latest", "javascript:alert(1)", "*");
        return Arbitraries.oneOf(formats, formats.flatMap(f -> Arbitraries.integers().between(0, Math.max(0, f.length()))
                .flatMap(cut -> anyText().map(noise -> f.substring(0, cut) + noise))));
    }

    public static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, nearValid()), net.jqwik.api.Tuple.of(1, anyText()));
    }

    /** Numbers at and beyond the bounds of every type Signet reads. */
    public static Arbitrary<Object> number() {
        return Arbitraries.oneOf(
                Arbitraries.of(0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
                        1e308, -1e308, 0.5, 4.9e-324, new java.math.BigInteger("99999999999999999999999999"))
                        .map(n -> (Object) n),
                Arbitraries.longs().map(n -> (Object) n));
    }

    /** A JSON value: scalars, and arrays and objects of them up to {@code depth}, with Signet's field names. */
    public static Arbitrary<Object> json(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(text().map(s -> (Object) s), number(),
                Arbitraries.of(true, false).map(b -> (Object) b), Arbitraries.just(null));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<Object> list = json(depth - 1).list().ofMaxSize(4).map(l -> (Object) l);
        Arbitrary<Object> object = Arbitraries.maps(fieldName(), json(depth - 1)).ofMaxSize(5).map(m -> (Object) m);
        Arbitrary<Object> logic = Arbitraries.of(JSON_LOGIC_OPERATORS)
                .flatMap(op -> json(depth - 1).list().ofMaxSize(3).map(args -> (Object) java.util.Map.of(op, args)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, scalar), net.jqwik.api.Tuple.of(2, object),
                net.jqwik.api.Tuple.of(1, list), net.jqwik.api.Tuple.of(1, logic));
    }

    /** The field names of Signet's request bodies, and a few it does not know. */
    public static Arbitrary<String> fieldName() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, Arbitraries.of(FIELDS)),
                net.jqwik.api.Tuple.of(1, anyText()));
    }

    public static final List<String> JSON_LOGIC_OPERATORS = List.of("==", "===", "!=", "!==", ">", ">=", "<", "<=",
            "!!", "!", "%", "and", "or", "if", "?:", "var", "missing", "missing_some", "in", "cat", "substr", "+", "-",
            "*", "/", "min", "max", "map", "filter", "reduce", "all", "none", "some", "merge", "log", "unknown_op");

    public static final List<String> FIELDS = List.of("verificationMethod", "otpUri", "email", "phoneNumber", "username",
            "displayName", "custom", "userId", "action", "challengeId", "verificationCode", "token", "refreshToken",
            "accessToken", "redirectUrl", "redirectToSettings", "ipAddress", "userAgent", "deviceId", "idempotencyKey",
            "state", "rule", "rules", "name", "description", "priority", "outcome", "isActive", "url", "eventTypes",
            "credentialId", "credentialPublicKey", "attestationObject", "clientDataJSON", "authenticatorData",
            "signature", "userHandle", "rpId", "expectedOrigins", "anyLocalhostPort", "allowNestedCustomData",
            "strictPhoneValidation", "allowWeakTotp", "failedSince", "logo", "items", "authenticators", "locale",
            "scope", "clientId", "clientSecret", "accessTokenLifetime", "refreshTokenLifetime", "defaultOutcome",
            "data", "input", "challenge", "code", "smsChannel", "cursor", "limit", "enabled", "headers", "secret",
            "primaryColor", "logoUrl", "theme", "actionCode", "ruleIds", "deliveryId", "endpointId", "tags",
            "emailVerified", "phoneNumberVerified", "verifiedAt", "createdAt", "signCount", "aaguid", "transports");
}
