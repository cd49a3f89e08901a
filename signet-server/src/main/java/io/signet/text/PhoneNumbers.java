package io.signet.text;

import java.util.regex.Pattern;

/** The shape of a phone number in E.164 form, for users' numbers and the SMS sender alike. */
public final class PhoneNumbers {
    /** {@code +} then 8 to 15 digits, the first not 0: what an SMS carrier accepts as a full number. */
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{7,14}$");

    private PhoneNumbers() {
    }

    public static boolean isE164(String value) {
        return value != null && E164.matcher(value).matches();
    }
}
