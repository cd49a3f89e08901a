package io.signet.store;

/** A database call failed. Unchecked: callers rarely recover, the HTTP layer maps it to a 500. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
