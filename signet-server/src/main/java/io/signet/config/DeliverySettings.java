package io.signet.config;

import io.signet.text.PhoneNumbers;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks of the settings that send mail and SMS; each failure names the variable and shows a valid value. */
final class DeliverySettings {
    private static final Pattern MESSAGING_SERVICE = Pattern.compile("^MG[0-9a-fA-F]{32}$");

    private DeliverySettings() {
    }

    static String httpUrl(Setting s, String v) {
        URI uri = uri(s, v, "http://signet.example.com");
        if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigException(s.env() + " must be an http:// or https:// URL without query, for example "
                    + "https://signet.example.com");
        }
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    static String smtpUrl(String v) {
        URI uri = uri(Setting.SMTP_URL, v, "smtp://user:password@mail.example.com:587");
        if ((!"smtp".equals(uri.getScheme()) && !"smtps".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new ConfigException("SIGNET_SMTP_URL must look like smtp://user:password@mail.example.com:587 "
                    + "or smtps://user:password@mail.example.com:465");
        }
        return v;
    }

    static Optional<String> smtpFrom(String smtpUrl, String from) {
        if (from == null) {
            if (smtpUrl != null) {
                throw new ConfigException("SIGNET_SMTP_FROM is required with SIGNET_SMTP_URL, "
                        + "for example SIGNET_SMTP_FROM='Acme <no-reply@acme.example>'");
            }
            return Optional.empty();
        }
        try {
            new InternetAddress(from, true).validate();
            return Optional.of(from);
        } catch (AddressException e) {
            throw new ConfigException("SIGNET_SMTP_FROM is not a valid address, for example "
                    + "'Acme <no-reply@acme.example>'");
        }
    }

    /** Twilio needs all three of account SID, auth token and sender, or none of them. */
    static Optional<String> twilioFrom(String accountSid, String authToken, String from) {
        long given = Arrays.asList(accountSid, authToken, from).stream().filter(x -> x != null).count();
        if (given == 0) {
            return Optional.empty();
        }
        if (given != 3) {
            throw new ConfigException("SMS via Twilio needs SIGNET_SMS_TWILIO_ACCOUNT_SID, "
                    + "SIGNET_SMS_TWILIO_AUTH_TOKEN and SIGNET_SMS_TWILIO_FROM together");
        }
        if (!PhoneNumbers.isE164(from) && !MESSAGING_SERVICE.matcher(from).matches()) {
            throw new ConfigException("SIGNET_SMS_TWILIO_FROM must be an E.164 number such as +14155550100 "
                    + "or a Messaging Service SID (MG followed by 32 hex digits)");
        }
        return Optional.of(from);
    }

    static String oneOf(Setting s, String v, String... allowed) {
        if (!Arrays.asList(allowed).contains(v)) {
            throw new ConfigException(s.env() + " must be one of " + String.join(", ", allowed) + ", got '" + v + "'");
        }
        return v;
    }

    private static URI uri(Setting s, String v, String example) {
        try {
            return new URI(v);
        } catch (URISyntaxException e) {
            throw new ConfigException(s.env() + " is not a valid URL, for example " + example);
        }
    }
}
