package io.signet.client.model;

/** The channel an SMS challenge is delivered on. */
public enum SmsChannel {
    /** A plain SMS. */
    DEFAULT,
    /** A WhatsApp message. */
    WHATSAPP
}
