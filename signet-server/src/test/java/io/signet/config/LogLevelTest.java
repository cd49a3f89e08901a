package io.signet.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogLevelTest {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level before;

    @BeforeEach
    void remember() {
        before = root.getLevel();
    }

    @AfterEach
    void restore() {
        root.setLevel(before);
    }

    @Test
    void the_log_level_flag_sets_the_root_logger_over_the_environment_variable() {
        SignetConfig config = SignetConfig.from(Map.of("SIGNET_LOG_LEVEL", "ERROR"), List.of("--log-level", "debug"));

        LogLevel.apply(config.logLevel());

        org.slf4j.Logger feature = LoggerFactory.getLogger("io.signet.user.UserService");
        assertThat(feature.isDebugEnabled()).isTrue();
        assertThat(feature.isTraceEnabled()).isFalse();
    }

    @Test
    void the_environment_variable_alone_sets_the_level_too() {
        LogLevel.apply(SignetConfig.from(Map.of("SIGNET_LOG_LEVEL", "warn"), List.of()).logLevel());

        org.slf4j.Logger feature = LoggerFactory.getLogger("io.signet.user.UserService");
        assertThat(feature.isWarnEnabled()).isTrue();
        assertThat(feature.isInfoEnabled()).isFalse();
    }
}
