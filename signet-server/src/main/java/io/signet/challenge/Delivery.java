package io.signet.challenge;

import io.signet.http.ErrorCode;
import io.signet.http.SignetException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the {@link Sender} for a message: the configured SMTP server for email, the SMS carrier for SMS
 * and WhatsApp, else dev stdout when the operator opted in. With none, sending is refused with a
 * description that says how to configure one.
 */
final class Delivery {
    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    private final Optional<Sender> email;
    private final Optional<Sender> sms;
    private final Optional<Sender> dev;

    Delivery(Optional<Sender> email, Optional<Sender> sms, Optional<Sender> dev) {
        this.email = email;
        this.sms = sms;
        this.dev = dev;
        if (email.isEmpty() && dev.isEmpty()) {
            log.warn("No email delivery configured: email OTP and magic-link challenges will be refused. "
                    + "Set SIGNET_SMTP_URL and SIGNET_SMTP_FROM (or SIGNET_DEV_DELIVERY=stdout for local development).");
        }
        if (sms.isEmpty() && dev.isEmpty()) {
            log.warn("No SMS delivery configured: SMS and WhatsApp challenges will be refused. Set "
                    + "SIGNET_SMS_TWILIO_ACCOUNT_SID, SIGNET_SMS_TWILIO_AUTH_TOKEN and SIGNET_SMS_TWILIO_FROM "
                    + "(or SIGNET_DEV_DELIVERY=stdout for local development).");
        }
    }

    /**
     * Sends {@code message} with the configured sender of its channel (else dev stdout). With none, a 400
     * {@code invalid_configuration} says how to configure one; a failed hand-over is a 503, logged for the
     * operator without the code.
     */
    void send(Message message) {
        boolean isEmail = message.channel() == Message.Channel.EMAIL;
        Sender sender = (isEmail ? email : sms).or(() -> dev).orElseThrow(() -> new SignetException(
                ErrorCode.INVALID_CONFIGURATION, isEmail
                        ? "Signet cannot send email: no mail server is configured. Set SIGNET_SMTP_URL and "
                        + "SIGNET_SMTP_FROM on the server; for local development only, SIGNET_DEV_DELIVERY=stdout "
                        + "writes messages to the server log."
                        : "Signet cannot send SMS or WhatsApp messages: no carrier is configured. Set "
                        + "SIGNET_SMS_TWILIO_ACCOUNT_SID, SIGNET_SMS_TWILIO_AUTH_TOKEN and SIGNET_SMS_TWILIO_FROM "
                        + "on the server; for local development only, SIGNET_DEV_DELIVERY=stdout writes messages "
                        + "to the server log."));
        try {
            sender.send(message);
        } catch (DeliveryException e) {
            log.warn("{} not delivered: {}", message, e.getMessage());
            throw new SignetException(ErrorCode.SERVICE_UNAVAILABLE, "The " + describe(message.channel())
                    + " could not be delivered. Try again later; the server log says why.");
        }
    }

    private static String describe(Message.Channel channel) {
        return switch (channel) {
            case EMAIL -> "email";
            case SMS -> "SMS";
            case WHATSAPP -> "WhatsApp message";
        };
    }
}
