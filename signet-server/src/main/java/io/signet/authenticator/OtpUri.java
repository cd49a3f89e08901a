package io.signet.authenticator;

import io.signet.error.SignetException;
import io.signet.text.UrlEncoding;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A parsed {@code otpauth://totp/...} URI (the Google Authenticator key URI format): the shared secret and
 * the parameters an authenticator app uses with it. HOTP is refused: Signet verifies time-based codes only.
 *
 * @param secret    the decoded shared secret, at least {@value #MIN_SECRET_BYTES} bytes (RFC 4226 §4 asks for
 *                  128 bits and allows no fewer than 80)
 * @param issuer    issuer from the parameter, else from the label prefix; may be null
 * @param account   the account name part of the label; may be null
 * @param algorithm SHA1, SHA256 or SHA512
 * @param digits    6 or 8
 * @param period    seconds per code, 15 to 300
 */
record OtpUri(byte[] secret, String issuer, String account, String algorithm, int digits, int period) {
    static final int MIN_SECRET_BYTES = 10;
    static final int MAX_SECRET_BYTES = 128;
    /** New enrollments need this much unless the tenant allows weak imports: NIST SP 800-63B's 112 bits. */
    static final int MIN_STRONG_SECRET_BYTES = 14;
    /** A longer period keeps a code valid too long; import-only, behind {@code allowWeakTotp}. */
    static final int MAX_STRONG_PERIOD = 60;
    private static final String FIELD = "otpUri";
    private static final Set<String> ALGORITHMS = Set.of("SHA1", "SHA256", "SHA512");
    private static final Set<String> KNOWN_PARAMETERS = Set.of("secret", "issuer", "algorithm", "digits", "period", "image");

    OtpUri {
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    /**
     * Why these parameters are weak for a new enrollment (a secret under {@value #MIN_STRONG_SECRET_BYTES}
     * bytes, a period over {@value #MAX_STRONG_PERIOD} s), naming the field and the minimum; null when strong.
     * Refused unless the tenant setting {@code allowWeakTotp} is on, then returned as the enroll answer's warning.
     */
    String weakness() {
        if (secret.length < MIN_STRONG_SECRET_BYTES) {
            return "'" + FIELD + "' has a secret of " + secret.length * 8 + " bits; at least "
                    + MIN_STRONG_SECRET_BYTES * 8 + " bits are required.";
        }
        if (period > MAX_STRONG_PERIOD) {
            return "'" + FIELD + "' has 'period' " + period + "; at most " + MAX_STRONG_PERIOD + " seconds is allowed.";
        }
        return null;
    }

    /** The secret as canonical base32 (upper case, unpadded), the form apps are given. */
    String secretBase32() {
        return Base32.encode(secret);
    }

    /** A new random 160-bit secret (RFC 4226 §4's recommendation) with the defaults every app supports. */
    static OtpUri generate(String issuer, String account) {
        return new OtpUri(io.signet.crypto.RandomTokens.bytes(20), issuer, account, "SHA1", 6, 30);
    }

    /** The key URI an app scans: {@code otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=...}. */
    String toUri() {
        String label = (issuer == null ? "" : UrlEncoding.component(issuer) + ":")
                + UrlEncoding.component(account == null ? "" : account);
        return "otpauth://totp/" + label + "?secret=" + secretBase32()
                + (issuer == null ? "" : "&issuer=" + UrlEncoding.component(issuer))
                + "&algorithm=" + algorithm + "&digits=" + digits + "&period=" + period;
    }

    /** Parses and checks {@code value}; any problem is a 400 naming {@code otpUri}, never echoing the secret. */
    static OtpUri parse(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid("is not a valid URI");
        }
        if (!"otpauth".equalsIgnoreCase(uri.getScheme())) {
            throw invalid("must start with otpauth://totp/");
        }
        String type = uri.getHost() == null ? uri.getAuthority() : uri.getHost();
        if ("hotp".equalsIgnoreCase(type)) {
            throw invalid("is an HOTP (counter-based) URI; only TOTP (otpauth://totp/...) is supported");
        }
        if (!"totp".equalsIgnoreCase(type)) {
            throw invalid("must start with otpauth://totp/");
        }
        Map<String, String> params = parameters(uri.getRawQuery());
        String secretText = params.get("secret");
        if (secretText == null || secretText.isEmpty()) {
            throw invalid("has no 'secret' parameter");
        }
        byte[] secret;
        try {
            secret = Base32.decode(secretText.replace(" ", ""));
        } catch (IllegalArgumentException e) {
            throw invalid("has a 'secret' that is not valid base32 (letters A-Z and digits 2-7)");
        }
        if (secret.length < MIN_SECRET_BYTES) {
            throw invalid("has a secret of " + secret.length * 8 + " bits; at least " + MIN_SECRET_BYTES * 8
                    + " bits are required");
        }
        if (secret.length > MAX_SECRET_BYTES) {
            throw invalid("has a secret longer than " + MAX_SECRET_BYTES * 8 + " bits");
        }
        String algorithm = params.getOrDefault("algorithm", "SHA1").toUpperCase(Locale.ROOT);
        if (!ALGORITHMS.contains(algorithm)) {
            throw invalid("has an unsupported 'algorithm'; use SHA1, SHA256 or SHA512");
        }
        int digits = number(params, "digits", 6);
        if (digits != 6 && digits != 8) {
            throw invalid("has 'digits' " + digits + "; use 6 or 8");
        }
        int period = number(params, "period", 30);
        if (period < 15 || period > 300) {
            throw invalid("has 'period' " + period + "; use 15 to 300 seconds");
        }
        String label = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        int colon = label.indexOf(':');
        String labelIssuer = colon > 0 ? label.substring(0, colon).strip() : null;
        String account = (colon >= 0 ? label.substring(colon + 1) : label).strip();
        String issuer = params.getOrDefault("issuer", labelIssuer);
        return new OtpUri(secret, blankToNull(issuer), blankToNull(account), algorithm, digits, period);
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null) {
            return params;
        }
        List<UrlEncoding.Pair> pairs;
        try {
            // '+' stays '+': otpauth URIs percent-encode spaces, and issuers such as "A+B" exist
            pairs = UrlEncoding.queryPairs(rawQuery, false);
        } catch (IllegalArgumentException e) {
            throw invalid("has a malformed percent-encoding");
        }
        for (UrlEncoding.Pair pair : pairs) {
            String name = pair.name().toLowerCase(Locale.ROOT);
            if (KNOWN_PARAMETERS.contains(name) && params.put(name, pair.value() == null ? "" : pair.value()) != null) {
                throw invalid("has the parameter '" + name + "' more than once");
            }
        }
        return params;
    }

    private static int number(Map<String, String> params, String name, int defaultValue) {
        String v = params.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw invalid("has a '" + name + "' that is not a whole number");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static SignetException invalid(String problem) {
        return SignetException.invalid("'" + FIELD + "' " + problem + ".");
    }
}
