package io.signet.challenge;

/** A message could not be handed over. The text is for the server log and never contains the code. */
final class DeliveryException extends RuntimeException {
    DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
