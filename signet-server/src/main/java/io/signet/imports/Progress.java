package io.signet.imports;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The import's progress on stderr: on a terminal one line redrawn in place (count, share, rate, ETA) at most
 * ten times a second; otherwise (a log file, CI) a plain line every {@value #PLAIN_EVERY_SECONDS} seconds and at
 * every tenth of the input, so a log shows the import moving without a line per batch.
 */
final class Progress {
    static final int PLAIN_EVERY_SECONDS = 10;

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private final long started;
    private long lastShown;
    private int lastTenth;
    private boolean drawn;

    Progress(PrintStream out, boolean terminal, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
        this.lastShown = started;
    }

    /** After a batch: {@code lines} done in this run, {@code fraction} of the input read (negative: unknown). */
    void update(long lines, double fraction) {
        long now = nanoClock.getAsLong();
        int tenth = fraction < 0 ? 0 : (int) Math.floor(fraction * 10);
        boolean due = terminal ? now - lastShown >= 100_000_000L
                : now - lastShown >= PLAIN_EVERY_SECONDS * 1_000_000_000L || tenth > lastTenth;
        if (!due) {
            return;
        }
        lastShown = now;
        lastTenth = tenth;
        String text = describe(lines, fraction, now - started);
        if (terminal) {
            out.print("\r\033[K" + text);
            drawn = true;
        } else {
            out.println("import: " + text);
        }
        out.flush();
    }

    /** Ends the redrawn line, so what follows starts on a line of its own. */
    void finish() {
        if (drawn) {
            out.println();
            out.flush();
        }
    }

    static String describe(long lines, double fraction, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
        StringBuilder text = new StringBuilder(String.format("%,d users", lines));
        if (fraction >= 0) {
            text.append(String.format("  %3d%%", (int) Math.floor(fraction * 100)));
        }
        text.append(String.format("  %,.0f/s", lines / seconds));
        if (fraction > 0 && fraction < 1) {
            text.append("  ETA ").append(clock(Duration.ofMillis((long) (seconds * 1000 * (1 - fraction) / fraction))));
        }
        return text.toString();
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
