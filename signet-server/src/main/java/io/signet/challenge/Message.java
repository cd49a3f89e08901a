package io.signet.challenge;

import io.signet.user.VerificationMethod;
import java.util.Objects;

/**
 * One outgoing code or link, with everything any {@link Sender} may need: the text for mail and SMS, and
 * the fields of the {@code email.created} / {@code sms.created} events (docs/server-api.md §9.4 "Event types").
 * Holds a secret ({@code code} or {@code url}): never log it, and {@link #toString()} leaves it out.
 */
record Message(
        String tenantId,
        Channel channel,
        VerificationMethod method,
        String to,
        String code,
        String url,
        String userId,
        String actionCode,
        String idempotencyKey,
        String locale,
        String ipAddress,
        String userAgent,
        int ttlMinutes) {

    enum Channel {
        EMAIL,
        SMS,
        WHATSAPP
    }

    Message {
        Objects.requireNonNull(channel);
        Objects.requireNonNull(to);
        if ((code == null) == (url == null)) {
            throw new IllegalArgumentException("a message carries either a code or a link");
        }
    }

    String subject() {
        return url != null ? "Your sign-in link" : "Your verification code is " + code;
    }

    /** Plain text for email and SMS; the same words for both so translators have one string. */
    String text() {
        String expiry = " It expires in " + ttlMinutes + (ttlMinutes == 1 ? " minute." : " minutes.");
        if (url != null) {
            return "Open this link to sign in: " + url + "\n\n" + expiry.strip()
                    + " If you did not ask for it, ignore this email.";
        }
        String text = "Your verification code is " + code + "." + expiry;
        return channel == Channel.EMAIL ? text + "\n\nIf you did not ask for it, ignore this email." : text;
    }

    @Override
    public String toString() {
        return "Message[" + channel + " " + method + " for tenant " + tenantId + "]";
    }
}
