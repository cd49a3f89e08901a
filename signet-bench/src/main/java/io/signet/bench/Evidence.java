package io.signet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server went through during one scenario, to explain a tail: its GC pauses (from the server's
 * {@code -Xlog:gc} file, by uptime), PostgreSQL checkpoints (pg_stat_bgwriter) and the size of SQLite's
 * write-ahead log at the end.
 */
final class Evidence {
    private static final Pattern PAUSE = Pattern.compile("^\\[(\\d+)ms\\].*Pause (\\w+).* ([0-9.]+)ms$");

    private final ManagedProcess server;
    private final Path gcLog;
    private final String url;

    Evidence(ManagedProcess server, Path gcLog, String url) {
        this.server = server;
        this.gcLog = gcLog;
        this.url = url;
    }

    /** The JVM flag that writes the GC log this reads. */
    static String gcFlag(Path gcLog) {
        return "-Xlog:gc:file=" + gcLog + ":uptimemillis";
    }

    /** Marks the start of a scenario. */
    Mark mark() {
        return new Mark(server.uptimeMillis(), checkpoints());
    }

    final class Mark {
        private final long fromMillis;
        private final long[] checkpointsBefore;

        private Mark(long fromMillis, long[] checkpointsBefore) {
            this.fromMillis = fromMillis;
            this.checkpointsBefore = checkpointsBefore;
        }

        /** A one-line summary of what happened since the mark. */
        String summary() {
            StringBuilder sb = new StringBuilder(gcPauses(fromMillis, server.uptimeMillis()));
            long[] after = checkpoints();
            if (checkpointsBefore != null && after != null) {
                sb.append(String.format(Locale.ROOT, "; checkpoints %d (write %d ms, sync %d ms)",
                        after[0] - checkpointsBefore[0], after[1] - checkpointsBefore[1], after[2] - checkpointsBefore[2]));
            }
            if (url.startsWith("jdbc:sqlite:")) {
                try {
                    sb.append(String.format(Locale.ROOT, "; WAL %.0f MiB",
                            Files.size(Path.of(url.substring("jdbc:sqlite:".length()) + "-wal")) / 1048576.0));
                } catch (IOException e) {
                    sb.append("; WAL none");
                }
            }
            return sb.toString();
        }
    }

    private String gcPauses(long from, long to) {
        List<String> lines;
        try {
            lines = Files.readAllLines(gcLog);
        } catch (IOException e) {
            return "GC log unreadable";
        }
        int young = 0;
        int full = 0;
        double max = 0;
        double total = 0;
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                long at = Long.parseLong(m.group(1));
                if (at >= from && at <= to) {
                    double ms = Double.parseDouble(m.group(3));
                    if (m.group(2).equals("Full")) {
                        full++;
                    } else {
                        young++;
                    }
                    max = Math.max(max, ms);
                    total += ms;
                }
            }
        }
        return String.format(Locale.ROOT, "GC %d young + %d full, max %.0f ms, total %.0f ms", young, full, max, total);
    }

    /** checkpoints (timed + requested), write and sync ms so far; null on SQLite. */
    private long[] checkpoints() {
        if (!url.startsWith("jdbc:postgresql:")) {
            return null;
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT checkpoints_timed + checkpoints_req, checkpoint_write_time, "
                     + "checkpoint_sync_time FROM pg_stat_bgwriter")) {
            rs.next();
            return new long[] {rs.getLong(1), (long) rs.getDouble(2), (long) rs.getDouble(3)};
        } catch (SQLException e) {
            return null;
        }
    }
}
