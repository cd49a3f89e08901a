package io.signet.authenticator;

import io.signet.error.SignetException;
import io.signet.tenant.TenantSettings;
import io.signet.user.Contacts;
import io.signet.user.VerificationMethod;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Turns an enrollment body (enrollVerifiedAuthenticator, docs/server-api.md §7.2.2 "enrollVerifiedAuthenticator", or one batch item,
 * §7.2.3) into a {@link NewAuthenticator}, or a 400 naming the first bad field. Pure: touches no storage.
 */
final class EnrollmentRequests {
    /** The methods enrollVerifiedAuthenticator accepts (§7.2.2), in the order getUser lists them as allowed. */
    static final List<VerificationMethod> ENROLLABLE = List.of(
            VerificationMethod.SMS, VerificationMethod.EMAIL_OTP, VerificationMethod.EMAIL_MAGIC_LINK,
            VerificationMethod.AUTHENTICATOR_APP, VerificationMethod.PASSKEY, VerificationMethod.WHATSAPP);
    /** The deprecated {@code oobChannel} only ever named these (§4.1). */
    private static final Set<VerificationMethod> OOB_CHANNELS = Set.of(
            VerificationMethod.SMS, VerificationMethod.EMAIL_OTP, VerificationMethod.EMAIL_MAGIC_LINK);
    private static final Set<String> TRANSPORTS = Set.of("usb", "nfc", "ble", "internal", "hybrid", "smart-card");
    private static final long MAX_SIGN_COUNT = 0xFFFF_FFFFL; // a 32-bit counter (WebAuthn §6.1)
    private static final int MAX_URI = 2048;
    private static final String PHONE = "phoneNumber";
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private EnrollmentRequests() {
    }

    /**
     * Reads a body at the edge: the method and its fields, their JSON types, bounds and formats. Phone numbers
     * are only normalized here and TOTP parameters only parsed; the tenant's own rules on them are
     * {@link #applyTenantRules}.
     */
    static NewAuthenticator read(JsonNode body) {
        Fields f = new Fields(body);
        VerificationMethod method = method(f);
        boolean isDefault = Boolean.TRUE.equals(f.bool("isDefault"));
        return switch (method) {
            case EMAIL_OTP, EMAIL_MAGIC_LINK -> new NewAuthenticator(method,
                    Contacts.email("email", f.required("email", Fields.MAX_TEXT, "for " + method)),
                    null, null, null, null, isDefault);
            case SMS, WHATSAPP -> new NewAuthenticator(method, null,
                    Contacts.phoneNumber(PHONE, f.required(PHONE, Fields.MAX_TEXT, "for " + method)),
                    null, null, null, isDefault);
            case AUTHENTICATOR_APP -> new NewAuthenticator(method, null, null,
                    OtpUri.parse(f.required("otpUri", MAX_URI, "for AUTHENTICATOR_APP")), null, null, isDefault);
            case PASSKEY -> passkey(f, isDefault);
            default -> throw new IllegalStateException("method() returned " + method);
        };
    }

    /**
     * The tenant's rules on an enrollment {@link #read} accepted, checked after the format checks of their
     * field so that a malformed value is refused for its format whatever the tenant's rules: {@code strictPhoneValidation} (see {@link Contacts#phoneNumber(String, String,
     * boolean)}) and {@code allowWeakTotp} (see {@link OtpUri#weakness()}).
     */
    static NewAuthenticator applyTenantRules(NewAuthenticator n, TenantSettings tenant) {
        if (n.phoneNumber() != null && tenant.strictPhoneValidation()) {
            Contacts.phoneNumber(PHONE, n.phoneNumber(), true);
        }
        String weakness = n.totp() == null ? null : n.totp().weakness();
        if (weakness != null && !tenant.allowWeakTotp()) {
            throw SignetException.invalid(weakness + " The tenant setting allowWeakTotp lets weaker imports through.");
        }
        return n;
    }

    /** The enroll answer's {@code warning}: set only when a weak TOTP got through {@code allowWeakTotp}. */
    static String warning(NewAuthenticator n) {
        return n.totp() == null ? null : n.totp().weakness();
    }

    private static VerificationMethod method(Fields f) {
        String value = f.text("verificationMethod", Fields.MAX_TEXT);
        String oob = f.text("oobChannel", Fields.MAX_TEXT);
        if (value == null && oob != null) {
            VerificationMethod m = VerificationMethod.parse(oob);
            if (m == null || !OOB_CHANNELS.contains(m)) {
                throw SignetException.invalid("'oobChannel' must be one of SMS, EMAIL_OTP, EMAIL_MAGIC_LINK "
                        + "(it is deprecated: send 'verificationMethod' instead).");
            }
            return m;
        }
        if (value == null || value.isEmpty()) {
            throw SignetException.invalid("'verificationMethod' is required: one of " + names() + ".");
        }
        VerificationMethod m = VerificationMethod.parse(value);
        if (m == null || !ENROLLABLE.contains(m)) {
            throw SignetException.invalid("'verificationMethod' must be one of " + names() + ".");
        }
        if (oob != null && !oob.equals(value)) {
            throw SignetException.invalid("'oobChannel' contradicts 'verificationMethod'; send only 'verificationMethod'.");
        }
        return m;
    }

    private static NewAuthenticator passkey(Fields f, boolean isDefault) {
        PasskeyCredential credential = PasskeyCredential.parse(
                f.required("credentialId", 2048, "for PASSKEY"),
                f.required("credentialPublicKey", 4096, "for PASSKEY"));
        String aaguid = f.text("aaguid", 36);
        if (aaguid != null && !UUID_TEXT.matcher(aaguid).matches()) {
            throw SignetException.invalid("'aaguid' must be a UUID such as fbfc3007-154e-4ecc-8c0b-6e020557d7bd.");
        }
        String name = f.text("name", Fields.MAX_TEXT);
        NewAuthenticator.PasskeyDetails details = new NewAuthenticator.PasskeyDetails(
                name == null || name.isBlank() ? null : name.strip(),
                f.wholeNumber("signCount", 0, MAX_SIGN_COUNT),
                aaguid == null ? null : aaguid.toLowerCase(Locale.ROOT),
                f.strings("transports", TRANSPORTS), ClientPasskeyData.NONE);
        return new NewAuthenticator(VerificationMethod.PASSKEY, null, null, null, credential, details, isDefault);
    }

    private static String names() {
        return String.join(", ", ENROLLABLE.stream().map(Enum::name).toList());
    }
}
