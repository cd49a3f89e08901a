package io.signet.challenge;

import io.signet.error.ErrorCode;
import io.signet.error.SignetException;
import io.signet.webhook.EventTypes;
import io.signet.webhook.SyncWebhooks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a message. A tenant with an endpoint subscribed to {@code email.created} / {@code sms.created}
 * delivers it itself (docs/server-api.md §9.4 "Event types": a synchronous, signed call; a non-2xx reply fails the
 * challenge). Otherwise the configured SMTP server for email, the SMS carrier for SMS and WhatsApp, else
 * dev stdout when the operator opted in. With none, sending is refused with a description that says how
 * to configure one.
 */
public final class Delivery {
    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    private final SyncWebhooks tenantHooks;
    private final Optional<Sender> email;
    private final Optional<Sender> sms;
    private final Optional<Sender> dev;

    public Delivery(SyncWebhooks tenantHooks, Optional<Sender> email, Optional<Sender> sms, Optional<Sender> dev) {
        this.tenantHooks = tenantHooks;
        this.email = email;
        this.sms = sms;
        this.dev = dev;
        if (email.isEmpty() && dev.isEmpty()) {
            log.warn("No email delivery configured: email OTP and magic-link challenges will be refused unless "
                    + "the tenant delivers them with an email.created webhook. Set SIGNET_SMTP_URL and "
                    + "SIGNET_SMTP_FROM (or SIGNET_DEV_DELIVERY=stdout for local development).");
        }
        if (sms.isEmpty() && dev.isEmpty()) {
            log.warn("No SMS delivery configured: SMS and WhatsApp challenges will be refused unless the tenant "
                    + "delivers them with an sms.created webhook. Set SIGNET_SMS_TWILIO_ACCOUNT_SID, "
                    + "SIGNET_SMS_TWILIO_AUTH_TOKEN and SIGNET_SMS_TWILIO_FROM "
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
        String event = isEmail ? EventTypes.EMAIL_CREATED : EventTypes.SMS_CREATED;
        switch (tenantHooks.call(message.tenantId(), message.userId(), event, eventData(message))) {
            case ACCEPTED -> {
                return;
            }
            case REJECTED -> throw new SignetException(ErrorCode.SERVICE_UNAVAILABLE, "The " + event
                    + " webhook did not accept the " + describe(message.channel()) + ", so it was not delivered. "
                    + "The webhook delivery log says why.");
            case NOT_SUBSCRIBED -> {
            }
        }
        Sender sender = (isEmail ? email : sms).or(() -> dev).orElseThrow(() -> new SignetException(
                ErrorCode.INVALID_CONFIGURATION, isEmail
                        ? "Signet cannot send email: no mail server is configured. Set SIGNET_SMTP_URL and "
                        + "SIGNET_SMTP_FROM on the server, or subscribe a webhook endpoint to email.created to "
                        + "deliver it yourself; for local development only, SIGNET_DEV_DELIVERY=stdout writes "
                        + "messages to the server log."
                        : "Signet cannot send SMS or WhatsApp messages: no carrier is configured. Set "
                        + "SIGNET_SMS_TWILIO_ACCOUNT_SID, SIGNET_SMS_TWILIO_AUTH_TOKEN and SIGNET_SMS_TWILIO_FROM "
                        + "on the server, or subscribe a webhook endpoint to sms.created to deliver it yourself; "
                        + "for local development only, SIGNET_DEV_DELIVERY=stdout writes messages to the server log."));
        try {
            sender.send(message);
        } catch (DeliveryException e) {
            log.warn("{} not delivered: {}", message, e.getMessage());
            throw new SignetException(ErrorCode.SERVICE_UNAVAILABLE, "The " + describe(message.channel())
                    + " could not be delivered. Try again later; the server log says why.");
        }
    }

    /** The event's data (§9.4), strings only, absent values left out. */
    private static Map<String, String> eventData(Message m) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("to", m.to());
        data.put(m.code() != null ? "code" : "url", m.code() != null ? m.code() : m.url());
        putIfPresent(data, "userId", m.userId());
        putIfPresent(data, "actionCode", m.actionCode());
        data.put("idempotencyKey", m.idempotencyKey());
        data.put("verificationMethod", m.method().name());
        if (m.channel() != Message.Channel.EMAIL) {
            data.put("smsChannel", m.channel() == Message.Channel.WHATSAPP ? "WHATSAPP" : "DEFAULT");
        }
        putIfPresent(data, "locale", m.locale());
        putIfPresent(data, "ipAddress", m.ipAddress());
        putIfPresent(data, "userAgent", m.userAgent());
        return data;
    }

    private static void putIfPresent(Map<String, String> data, String key, String value) {
        if (value != null) {
            data.put(key, value);
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
