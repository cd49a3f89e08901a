package io.signet.store;

/** An insert or update hit a unique constraint; the caller decides what that means in its domain. */
public final class DuplicateKeyException extends StoreException {
    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
