package io.signet.challenge;

/** SmsChannel (docs/server-api.md §4.3 "Other enums"): how an SMS-method code travels. */
enum SmsChannel {
    DEFAULT,
    WHATSAPP
}
