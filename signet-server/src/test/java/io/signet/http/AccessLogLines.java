package io.signet.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/** The access log's lines during one test ({@code @RegisterExtension}); the server writes them after answering. */
final class AccessLogLines implements BeforeEachCallback, AfterEachCallback {
    private final Logger access = (Logger) LoggerFactory.getLogger("io.signet.access");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        lines.start();
        access.addAppender(lines);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        access.detachAppender(lines);
    }

    /** The messages logged so far. */
    List<String> messages() {
        synchronized (lines) { // the appender adds under this lock
            return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }
}
