package io.signet.config;

/** A setting is unknown or malformed; start-up stops with this message. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
