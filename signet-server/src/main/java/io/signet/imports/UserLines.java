package io.signet.imports;

import io.signet.authenticator.FactorImports;
import io.signet.crypto.SecretHasher;
import io.signet.error.SignetException;
import io.signet.export.UserExporter;
import io.signet.imports.UserLine.Factor;
import io.signet.imports.UserLine.Passkey;
import io.signet.imports.UserLine.RecoveryCodes;
import io.signet.imports.UserLine.Totp;
import io.signet.tenant.TenantSettings;
import io.signet.user.Contacts;
import io.signet.user.UserAttributesRequest;
import io.signet.user.UserChanges;
import io.signet.user.UserService;
import io.signet.user.VerificationMethod;
import io.signet.wire.IdField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads one export-schema line (docs/export-schema.json) into a {@link UserLine}, with the checks the API
 * applies to the same data: user attributes as updateUser checks them, factors as enrollment checks them
 * (through {@link FactorImports}), under the target tenant's settings. Pure: touches no storage.
 */
final class UserLines {
    static final int MAX_AUTHENTICATORS = 100;
    private static final int MAX_TEXT = 255;
    private static final long MAX_SIGN_COUNT = 0xFFFF_FFFFL;
    private static final Pattern QUOTED = Pattern.compile("^'([^']+)'");
    private static final Pattern HASH = Pattern.compile("^[0-9a-f]{64}$");
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Set<String> USER = Set.of("schemaVersion", "userId", "email", "emailVerified", "phoneNumber",
            "phoneNumberVerified", "username", "displayName", "custom", "locale", "defaultVerificationMethod",
            "createdAt", "updatedAt", "authenticators", "recoveryCodes");
    private static final Set<String> AUTHENTICATOR = Set.of("authenticatorId", "verificationMethod", "email",
            "phoneNumber", "pending", "createdAt", "verifiedAt", "lastVerifiedAt", "totp", "passkey");
    private static final Set<String> TOTP = Set.of("issuer", "account", "algorithm", "digits", "period", "secret");
    private static final Set<String> PASSKEY = Set.of("credentialId", "publicKey", "algorithm", "name", "signCount",
            "aaguid", "transports", "backupEligible", "backedUp", "attachment", "deviceId", "userAgent", "userHandle");
    private static final Set<String> CODES = Set.of("remaining", "hashScheme", "keyFingerprint", "hashes");

    private final TenantSettings tenant;
    private final SecretHasher hasher;
    private final String keyFingerprint;
    private final boolean skipRecoveryCodes;

    UserLines(TenantSettings tenant, SecretHasher hasher, boolean skipRecoveryCodes) {
        this.tenant = tenant;
        this.hasher = hasher;
        this.keyFingerprint = hasher.keyFingerprint();
        this.skipRecoveryCodes = skipRecoveryCodes;
    }

    /** The line as a user, or a {@link Rejection} naming the first field at fault. */
    UserLine read(JsonNode line) {
        LineFields f = new LineFields(line, "");
        f.only(USER);
        if (f.number("schemaVersion", 0, Integer.MAX_VALUE) == null
                || f.number("schemaVersion", 0, Integer.MAX_VALUE) != UserExporter.SCHEMA_VERSION) {
            throw f.reject("schemaVersion", "must be " + UserExporter.SCHEMA_VERSION
                    + " (this Signet reads export schema version " + UserExporter.SCHEMA_VERSION + ")");
        }
        String userId = f.requiredText("userId", MAX_TEXT);
        checked("userId", () -> IdField.check("userId", userId));
        UserChanges attributes = checked("", () -> UserService.validate(new UserAttributesRequest(
                f.text("email", MAX_TEXT), f.requiredBool("emailVerified"), f.text("phoneNumber", MAX_TEXT),
                f.requiredBool("phoneNumberVerified"), f.text("username", MAX_TEXT), f.text("displayName", MAX_TEXT),
                f.get("custom"), f.text("locale", MAX_TEXT), f.text("defaultVerificationMethod", MAX_TEXT)), tenant));
        List<Factor> factors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode list = f.array("authenticators", MAX_AUTHENTICATORS);
        for (int i = 0; i < list.size(); i++) {
            String at = "authenticators[" + i + "]";
            if (!list.get(i).isObject()) {
                throw new Rejection(at, "must be a JSON object");
            }
            Factor factor = factor(new LineFields(list.get(i), at));
            if (!ids.add(factor.authenticatorId())) {
                throw new Rejection(at + ".authenticatorId", "appears twice in this line");
            }
            factors.add(factor);
        }
        return new UserLine(userId, attributes, f.requiredInstant("createdAt"), f.requiredInstant("updatedAt"),
                factors, f.object("recoveryCodes", this::codes));
    }

    private Factor factor(LineFields f) {
        f.only(AUTHENTICATOR);
        String id = f.requiredText("authenticatorId", MAX_TEXT);
        checked(f.path("authenticatorId"), () -> IdField.check("authenticatorId", id));
        String methodText = f.requiredText("verificationMethod", MAX_TEXT);
        VerificationMethod method = VerificationMethod.parse(methodText);
        if (method == null || !List.of(VerificationMethod.SMS, VerificationMethod.EMAIL_OTP,
                VerificationMethod.EMAIL_MAGIC_LINK, VerificationMethod.AUTHENTICATOR_APP, VerificationMethod.PASSKEY,
                VerificationMethod.WHATSAPP).contains(method)) {
            throw f.reject("verificationMethod", "'" + methodText + "' is not a method Signet stores authenticators "
                    + "for (SMS, EMAIL_OTP, EMAIL_MAGIC_LINK, AUTHENTICATOR_APP, PASSKEY, WHATSAPP)");
        }
        boolean email = method == VerificationMethod.EMAIL_OTP || method == VerificationMethod.EMAIL_MAGIC_LINK;
        boolean phone = method == VerificationMethod.SMS || method == VerificationMethod.WHATSAPP;
        String address = only(f, "email", email, method) ? checked(f.path("email"),
                () -> Contacts.email("email", f.requiredText("email", MAX_TEXT))) : null;
        String number = only(f, "phoneNumber", phone, method) ? checked(f.path("phoneNumber"),
                () -> Contacts.phoneNumber("phoneNumber", f.requiredText("phoneNumber", MAX_TEXT),
                        tenant.strictPhoneValidation())) : null;
        Totp totp = only(f, "totp", method == VerificationMethod.AUTHENTICATOR_APP, method)
                ? f.object("totp", this::totp) : null;
        Passkey passkey = only(f, "passkey", method == VerificationMethod.PASSKEY, method)
                ? f.object("passkey", this::passkey) : null;
        return new Factor(id, method, address, number, f.requiredBool("pending"), f.requiredInstant("createdAt"),
                f.requiredInstant("verifiedAt"), f.instant("lastVerifiedAt"), totp, passkey,
                FactorImports.matchKey(hasher, method, address, number, totp == null ? null : totp.secret(),
                        passkey == null ? null : passkey.credentialId()));
    }

    /** Whether {@code field} belongs to {@code method}; present where it does not belong is a rejection. */
    private static boolean only(LineFields f, String field, boolean belongs, VerificationMethod method) {
        if (!belongs && f.get(field) != null) {
            throw f.reject(field, "does not belong to a " + method + " authenticator");
        }
        if (belongs && f.get(field) == null) {
            throw f.reject(field, "is required for a " + method + " authenticator");
        }
        return belongs;
    }

    private Totp totp(LineFields f) {
        f.only(TOTP);
        String secret = f.text("secret", 1024);
        if (secret == null) {
            throw f.reject("secret", "is missing: the file was exported without --include-secrets, and an "
                    + "authenticator app cannot be carried over without its secret");
        }
        FactorImports.CheckedTotp checked = checked(f.path("secret"), () -> FactorImports.totp(secret,
                f.requiredText("algorithm", 16), (int) f.requiredNumber("digits", 1, 10),
                (int) f.requiredNumber("period", 1, 3600), tenant));
        return new Totp(checked.secretBase32(), f.text("issuer", MAX_TEXT), f.text("account", MAX_TEXT),
                checked.algorithm(), checked.digits(), checked.period());
    }

    private Passkey passkey(LineFields f) {
        f.only(PASSKEY);
        FactorImports.CheckedPasskey key = checked(f.path("publicKey"), () -> FactorImports.passkey(
                f.requiredText("credentialId", 2048), f.requiredText("publicKey", 4096)));
        long algorithm = f.requiredNumber("algorithm", Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (algorithm != key.algorithm()) {
            throw f.reject("algorithm", "is " + algorithm + " but the public key is for COSE algorithm " + key.algorithm());
        }
        String aaguid = f.text("aaguid", 36);
        if (aaguid != null && !UUID_TEXT.matcher(aaguid.toLowerCase(Locale.ROOT)).matches()) {
            throw f.reject("aaguid", "must be a UUID such as fbfc3007-154e-4ecc-8c0b-6e020557d7bd");
        }
        List<String> transports = null;
        if (f.get("transports") != null) {
            transports = new ArrayList<>();
            for (JsonNode t : f.array("transports", 10)) {
                if (!t.isString() || !FactorImports.isTransport(t.asString())) {
                    throw f.reject("transports", "must be WebAuthn transport names such as usb, nfc, ble, internal, hybrid");
                }
                transports.add(t.asString());
            }
        }
        String attachment = f.text("attachment", 32);
        if (attachment != null && !attachment.equals("platform") && !attachment.equals("cross-platform")) {
            throw f.reject("attachment", "must be platform or cross-platform");
        }
        return new Passkey(key.credentialId(), key.publicKey(), algorithm, f.text("name", MAX_TEXT),
                f.number("signCount", 0, MAX_SIGN_COUNT), aaguid == null ? null : aaguid.toLowerCase(Locale.ROOT),
                transports, f.bool("backupEligible"), f.bool("backedUp"), attachment, f.text("deviceId", MAX_TEXT),
                f.text("userAgent", 1024), f.text("userHandle", 256));
    }

    /**
     * The line's recovery code hashes, when this server can verify them: keyed with the same data key (same
     * fingerprint). Otherwise a rejection that says so, unless codes are skipped (then null).
     */
    private RecoveryCodes codes(LineFields f) {
        f.only(CODES);
        long remaining = f.requiredNumber("remaining", 1, 1000);
        if (skipRecoveryCodes) {
            return null;
        }
        JsonNode hashes = f.get("hashes");
        if (hashes == null) {
            throw f.reject("hashes", "the user has " + remaining + " recovery codes but the file holds no hashes "
                    + "(exported without --include-secrets); export with secrets, or import with "
                    + "--skip-recovery-codes and let the user get new codes");
        }
        String scheme = f.text("hashScheme", 64);
        if (!UserExporter.RECOVERY_HASH_SCHEME.equals(scheme)) {
            throw f.reject("hashScheme", "must be " + UserExporter.RECOVERY_HASH_SCHEME);
        }
        String fingerprint = f.text("keyFingerprint", 64);
        if (!keyFingerprint.equals(fingerprint)) {
            throw f.reject("keyFingerprint", fingerprint == null
                    ? "is missing, so it cannot be told whether the hashes were made with this server's data key"
                    : "the hashes were made with another data key (fingerprint " + fingerprint + "; this server's is "
                    + keyFingerprint + ") and could never verify: import where SIGNET_ENCRYPTION_KEY is the "
                    + "source's, or import with --skip-recovery-codes and let the user get new codes");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode h : f.array("hashes", 1000)) {
            if (!h.isString() || !HASH.matcher(h.asString()).matches()) {
                throw f.reject("hashes", "must be 64 lower-case hex digits each");
            }
            list.add(h.asString());
        }
        if (list.size() != remaining || new HashSet<>(list).size() != list.size()) {
            throw f.reject("hashes", "must hold 'remaining' (" + remaining + ") distinct hashes");
        }
        return new RecoveryCodes(list.stream().sorted().toList());
    }

    /**
     * Runs an API check, turning its 400 into a rejection of {@code field}; with no field, of the field the
     * description names first ({@code 'custom.plan' is ...}).
     */
    private static <T> T checked(String field, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (SignetException e) {
            Matcher named = QUOTED.matcher(e.description());
            throw new Rejection(!field.isEmpty() || !named.find() ? field : named.group(1), e.description());
        }
    }
}
