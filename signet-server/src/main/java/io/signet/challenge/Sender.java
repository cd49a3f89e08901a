package io.signet.challenge;

/**
 * Delivers a {@link Message} to the person, or throws {@link DeliveryException}. An interface because
 * there are several: SMTP, a Twilio-compatible carrier, the tenant's own webhook, and dev stdout.
 * Implementations are thread-safe and never log the code or link.
 */
public interface Sender {
    void send(Message message);
}
