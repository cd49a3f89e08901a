package io.signet.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code SIGNET_LOG_LEVEL} / {@code --log-level} to the root logger. logback.xml reads the
 * environment variable itself, but only a flag given to {@code serve} is not in the environment, so the
 * validated configuration sets the level once more at start-up: the flag wins, as for every setting.
 */
public final class LogLevel {
    private LogLevel() {
    }

    /** Sets the root logger to {@code level}, one of ERROR, WARN, INFO, DEBUG, TRACE (as validated). */
    public static void apply(String level) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.valueOf(level));
    }
}
