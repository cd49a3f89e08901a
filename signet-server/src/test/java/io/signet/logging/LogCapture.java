package io.signet.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * Everything the server logs while open: the console appender's stream (standard output, or standard error
 * when {@code signet.log.target} says so, as the build sets it for tests) is swapped for a buffer, and logging is put back to INFO text on close, which drains the asynchronous appender first. The
 * test's own mail server (GreenMail, in the same JVM) is kept at INFO: at DEBUG it logs every SMTP line it
 * receives, codes included, and it is not Signet.
 */
final class LogCapture implements AutoCloseable {
    private static final Logger TEST_MAIL_SERVER = (Logger) LoggerFactory.getLogger("com.icegreen");
    private final boolean toStderr = "System.err".equals(System.getProperty("signet.log.target"));
    private final PrintStream original = toStderr ? System.err : System.out;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    LogCapture() {
        TEST_MAIL_SERVER.setLevel(Level.INFO);
        swap(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    private void swap(PrintStream stream) {
        if (toStderr) {
            System.setErr(stream);
        } else {
            System.setOut(stream);
        }
    }

    /** What was logged; only complete after {@link #close()}. */
    String text() {
        synchronized (buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        Logging.configure("INFO", "text");
        (toStderr ? System.err : System.out).flush();
        swap(original);
        TEST_MAIL_SERVER.setLevel(null);
    }
}
