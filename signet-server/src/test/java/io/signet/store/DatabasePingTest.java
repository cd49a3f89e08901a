package io.signet.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A failed ping says why in the log; the health answer itself says only "unavailable". */
class DatabasePingTest {
    @TempDir
    Path dir;

    @Test
    void a_failed_ping_logs_the_failure_and_its_causes() {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("ping.db"), 2);
        assertThat(db.ping()).isTrue();
        db.close();

        Logger logger = (Logger) LoggerFactory.getLogger(Database.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try {
            assertThat(db.ping()).isFalse();
        } finally {
            logger.detachAppender(captured);
        }
        assertThat(captured.list).singleElement().satisfies(e -> {
            assertThat(e.getFormattedMessage()).startsWith("database ping failed: ");
            assertThat(e.getFormattedMessage()).containsIgnoringCase("closed");
        });
    }

    @Test
    void why_names_each_cause_and_its_sql_state() {
        Exception failure = new StoreException("database error (SQLState 08001)",
                new java.sql.SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
        assertThat(Database.why(failure)).isEqualTo("StoreException: database error (SQLState 08001); caused by "
                + "SQLException: Connection to 127.0.0.1:5432 refused (SQLState 08001)");
    }
}
