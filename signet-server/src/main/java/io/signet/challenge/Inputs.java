package io.signet.challenge;

import io.signet.error.SignetException;
import io.signet.text.BoundedText;
import io.signet.user.VerificationMethod;
import io.signet.wire.IdField;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation of challenge inputs: each failure is a 400 naming the field and what it expects. */
final class Inputs {
    /** Methods {@code POST /v1/challenge} starts: the contract's three plus Signet's extensions. */
    static final Set<VerificationMethod> STARTABLE = EnumSet.of(VerificationMethod.SMS, VerificationMethod.WHATSAPP,
            VerificationMethod.EMAIL_OTP, VerificationMethod.EMAIL_MAGIC_LINK, VerificationMethod.AUTHENTICATOR_APP,
            VerificationMethod.RECOVERY_CODE);
    private static final Pattern ACTION = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$"); // docs/server-api.md §2.6 "Path and query encoding"
    private static final Pattern LOCALE = Pattern.compile("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$");
    private static final Pattern IP = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");
    private static final int MAX_CODE_LENGTH = 64;

    private Inputs() {
    }

    /** An empty string counts as absent: Go sends {@code ""} for every unset field (§2.4). */
    static String given(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    static String optionalId(String field, String value) {
        String v = given(value);
        return v == null ? null : IdField.check(field, v);
    }

    static String requiredId(String field, String value) {
        if (given(value) == null) {
            throw SignetException.invalid("'" + field + "' is required.");
        }
        return IdField.check(field, value);
    }

    static VerificationMethod method(String field, String value, Set<VerificationMethod> allowed) {
        VerificationMethod m = VerificationMethod.parse(given(value));
        if (m == null || !allowed.contains(m)) {
            throw SignetException.invalid("'" + field + "' must be one of "
                    + String.join(", ", allowed.stream().map(Enum::name).toList()) + ".");
        }
        return m;
    }

    static String action(String value) {
        String v = given(value);
        if (v == null || !ACTION.matcher(v).matches()) {
            throw SignetException.invalid("'action' must be an action code of 1 to 64 letters, digits, '_' or '-'.");
        }
        return v;
    }

    static SmsChannel smsChannel(String value) {
        String v = given(value);
        if (v == null) {
            return null;
        }
        try {
            return SmsChannel.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw SignetException.invalid("'smsChannel' must be DEFAULT or WHATSAPP.");
        }
    }

    static String locale(String value) {
        String v = given(value);
        if (v != null && !LOCALE.matcher(v).matches()) {
            throw SignetException.invalid("'locale' must be a BCP 47 language tag such as en or en-NZ.");
        }
        return v;
    }

    static String ipAddress(String value) {
        String v = given(value);
        if (v != null && (!IP.matcher(v).matches() || (!v.contains(".") && !v.contains(":")))) {
            throw SignetException.invalid("'ipAddress' must be an IPv4 or IPv6 address such as 203.0.113.7.");
        }
        return v;
    }

    static String text(String field, String value, int max) {
        return BoundedText.optional(field, given(value), max);
    }

    static String verificationCode(String value) {
        String v = given(value);
        if (v == null) {
            throw SignetException.invalid("'verificationCode' is required.");
        }
        if (v.length() > MAX_CODE_LENGTH) {
            throw SignetException.invalid("'verificationCode' must be at most " + MAX_CODE_LENGTH + " characters.");
        }
        return v.strip();
    }
}
