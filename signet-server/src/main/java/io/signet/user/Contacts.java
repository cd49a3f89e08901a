package io.signet.user;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.signet.error.SignetException;
import io.signet.text.PhoneNumbers;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation of contact details shared by users and authenticators. Each failure is a 400 naming the
 * field, so a caller knows what to fix.
 */
public final class Contacts {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern SEPARATORS = Pattern.compile("[ \\-.()]");
    private static final int MAX_EMAIL_LENGTH = 254; // RFC 5321 path limit

    private Contacts() {
    }

    /** A syntactically valid single address (RFC 822 via Jakarta Mail, strict), returned as given. */
    public static String email(String field, String value) {
        if (value == null || value.isBlank()) {
            throw SignetException.invalid("'" + field + "' must be an email address.");
        }
        if (value.length() > MAX_EMAIL_LENGTH) {
            throw SignetException.invalid("'" + field + "' must be at most " + MAX_EMAIL_LENGTH + " characters.");
        }
        try {
            InternetAddress parsed = new InternetAddress(value, true);
            String address = parsed.getAddress();
            int at = address.lastIndexOf('@');
            if (!address.equals(value) || at < 1 || at == address.length() - 1 || parsed.getPersonal() != null) {
                throw new AddressException("not a bare address");
            }
            return value;
        } catch (AddressException e) {
            throw SignetException.invalid("'" + field + "' is not a valid email address, for example jane@example.com.");
        }
    }

    /** The form used to match one address however it was capitalised. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** {@link #phoneNumber(String, String, boolean)} without the strict check: any number in E.164 form. */
    public static String phoneNumber(String field, String value) {
        return phoneNumber(field, value, false);
    }

    /**
     * A phone number in E.164 form: {@code +}, then 8 to 15 digits, the first not zero. Spaces, hyphens,
     * dots and parentheses between the digits are dropped ({@code +64 27-000 0000} is kept as
     * {@code +64270000000}). Nothing else is judged unless {@code strict} (the tenant setting
     * {@code strictPhoneValidation}): a pre-verified enrollment is the customer's assertion, and migrated
     * numbers include ranges libphonenumber does not know yet. With {@code strict}, libphonenumber must
     * accept the number as a valid number of its country.
     */
    public static String phoneNumber(String field, String value, boolean strict) {
        String hint = "'" + field + "' must be a phone number in E.164 format: + and 8 to 15 digits, the first not "
                + "0, for example +64270000000.";
        String normalized = value == null || !value.strip().startsWith("+") ? null
                : "+" + SEPARATORS.matcher(value.strip().substring(1)).replaceAll("");
        if (normalized == null || !PhoneNumbers.isE164(normalized)) {
            throw SignetException.invalid(hint);
        }
        if (strict) {
            try {
                PhoneNumber parsed = PHONES.parse(normalized, "ZZ");
                if (!PHONES.isValidNumber(parsed)
                        || !PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164).equals(normalized)) {
                    throw new NumberParseException(NumberParseException.ErrorType.NOT_A_NUMBER, "invalid");
                }
            } catch (NumberParseException e) {
                throw SignetException.invalid("'" + field + "' is not a valid number for its country code, and the "
                        + "tenant setting strictPhoneValidation requires one; " + hint);
            }
        }
        return normalized;
    }
}
