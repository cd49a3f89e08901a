package io.signet.authenticator;

import io.signet.crypto.SecretHasher;
import io.signet.error.SignetException;
import io.signet.tenant.TenantSettings;
import io.signet.text.UrlEncoding;
import io.signet.user.Contacts;
import io.signet.user.VerificationMethod;
import java.util.regex.Pattern;

/**
 * The checks enrollment applies to a factor, for a factor restored from an export file (package
 * {@code imports}): one copy of the rules, so an imported TOTP secret or passkey key is held to exactly what
 * enrollVerifiedAuthenticator would accept. Failures are {@link SignetException}s describing the problem.
 */
public final class FactorImports {
    private static final Pattern TRANSPORT = Pattern.compile("^[a-z0-9-]{1,32}$");

    private FactorImports() {
    }

    /** A TOTP secret and its parameters as checked: the secret in canonical base32 (upper case, unpadded). */
    public record CheckedTotp(String secretBase32, String algorithm, int digits, int period) {
    }

    /** A passkey's id and COSE key in canonical unpadded base64url, and the key's COSE algorithm. */
    public record CheckedPasskey(String credentialId, String publicKey, long algorithm) {
    }

    /**
     * Checks a TOTP secret as an otpauth URI with these parameters would be checked at enrollment, including
     * the tenant's {@code allowWeakTotp}. The description never quotes the secret.
     */
    public static CheckedTotp totp(String secretBase32, String algorithm, int digits, int period, TenantSettings tenant) {
        OtpUri uri;
        try {
            uri = OtpUri.parse("otpauth://totp/import?secret=" + UrlEncoding.component(secretBase32)
                    + "&algorithm=" + UrlEncoding.component(algorithm) + "&digits=" + digits + "&period=" + period);
        } catch (SignetException e) {
            throw SignetException.invalid(e.description().replace("'otpUri' has ", "").replace("'otpUri' ", ""));
        }
        String weakness = uri.weakness();
        if (weakness != null && !tenant.allowWeakTotp()) {
            throw SignetException.invalid(weakness.replace("'otpUri' has ", "") + " The tenant setting "
                    + "allowWeakTotp lets weaker imports through.");
        }
        return new CheckedTotp(uri.secretBase32(), uri.algorithm(), uri.digits(), uri.period());
    }

    /** Checks a passkey's credential id and COSE public key as enrollment does (see {@link PasskeyCredential}). */
    public static CheckedPasskey passkey(String credentialId, String publicKey) {
        PasskeyCredential c = PasskeyCredential.parse(credentialId, publicKey);
        return new CheckedPasskey(c.credentialId(), c.publicKey(), c.algorithm());
    }

    /** Whether {@code transport} can be stored (lower-case WebAuthn transport names; a list is kept comma-joined). */
    public static boolean isTransport(String transport) {
        return transport != null && TRANSPORT.matcher(transport).matches();
    }

    /**
     * The value the unique constraint on authenticators compares (see {@link NewAuthenticator#matchKey}):
     * the normalised email, the phone number, a keyed hash of the TOTP secret, or the credential id.
     */
    public static String matchKey(SecretHasher hasher, VerificationMethod method, String email, String phoneNumber,
                                  String totpSecretBase32, String credentialId) {
        return switch (method) {
            case EMAIL_OTP, EMAIL_MAGIC_LINK -> Contacts.normalizeEmail(email);
            case SMS, WHATSAPP -> phoneNumber;
            case AUTHENTICATOR_APP -> hasher.hash("totp-secret", totpSecretBase32);
            case PASSKEY -> credentialId;
            default -> throw new IllegalStateException("not an enrollable method: " + method);
        };
    }
}
