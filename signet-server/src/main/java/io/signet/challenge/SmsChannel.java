package io.signet.challenge;

/** SmsChannel (authsignal-api.md §4.3): how an SMS-method code travels. */
enum SmsChannel {
    DEFAULT,
    WHATSAPP
}
