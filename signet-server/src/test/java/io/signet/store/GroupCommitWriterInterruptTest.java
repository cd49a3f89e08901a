package io.signet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * An interrupt of the SQLite writer thread neither stops it (callers wait on their writes) nor
 * is lost: the thread ends, at close, with its interrupt flag set again.
 */
class GroupCommitWriterInterruptTest {
    @TempDir
    Path dir;

    @Test
    void an_interrupted_writer_keeps_committing_and_ends_with_its_interrupt_flag_restored() throws Exception {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("writer.db"));
        GroupCommitWriter writer = new GroupCommitWriter(ds, c -> new Jdbc(c, Dialect.SQLITE, null));
        Thread thread = writer.write(jdbc -> {
            jdbc.update("CREATE TABLE t (n INTEGER)");
            return Thread.currentThread();
        });
        thread.interrupt();
        for (int i = 0; i < 3; i++) {
            int n = i;
            writer.write(jdbc -> jdbc.update("INSERT INTO t (n) VALUES (?)", n));
        }
        long rows = writer.write(jdbc -> jdbc.count("SELECT COUNT(*) AS n FROM t"));
        assertThat(rows).isEqualTo(3);
        assertThat(thread.isAlive()).isTrue();
        writer.close();
        thread.join(10_000);
        assertThat(thread.isAlive()).isFalse();
        assertThat(thread.isInterrupted()).as("the interrupt was remembered, not swallowed").isTrue();
    }
}
