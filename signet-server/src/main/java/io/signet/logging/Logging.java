package io.signet.logging;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import co.elastic.logging.logback.EcsEncoder;
import io.signet.config.LogLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies SIGNET_LOG_LEVEL and SIGNET_LOG_FORMAT to logback at start-up, so flags and the environment
 * both work (logback.xml alone only sees the environment). Text is one readable line per event; JSON is one
 * ECS object per line ({@code @timestamp}, {@code log.level}, {@code message}, {@code log.logger},
 * {@code http.request.id}, {@code error.*}) for Elasticsearch, Loki or any shipper that reads ECS.
 */
public final class Logging {
    /** The MDC key of the request id; ECS names the field {@code http.request.id}. */
    public static final String REQUEST_ID = "http.request.id";
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{20}"
            + "%replace( [%X{" + REQUEST_ID + "}]){' \\[\\]', ''} - %msg%n";
    private static final String APPENDER = "ASYNC";

    private static String appliedFormat = "";

    private Logging() {
    }

    /**
     * Sets the root level ({@link LogLevel}) and replaces the root logger's appender with one writing
     * {@code format} ("text" or "json"). Starting several servers in one JVM (tests) in the same format keeps the
     * appender.
     */
    public static synchronized void configure(String level, String format) {
        LogLevel.apply(level);
        if (appliedFormat.equals(format) || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        // As logback.xml: serve logs to stdout, other commands (Signet.main sets the property) to stderr.
        console.setTarget(System.getProperty("signet.log.target", "System.out"));
        console.setEncoder(encoder(context, format));
        console.start();
        // As in logback.xml: one writer thread, a request waits when the queue is full, no line is dropped.
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName(APPENDER);
        async.setQueueSize(8192);
        async.setDiscardingThreshold(0);
        async.setNeverBlock(false);
        async.addAppender(console);
        async.start();
        var previous = root.getAppender(APPENDER);
        root.addAppender(async);
        if (previous != null) {
            root.detachAppender(previous);
            previous.stop(); // drains its queue first, so no line is lost on a switch
        }
        appliedFormat = format;
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, String format) {
        if (format.equals("json")) {
            EcsEncoder ecs = new EcsEncoder();
            ecs.setContext(context);
            ecs.setServiceName("signet");
            ecs.setIncludeMarkers(false);
            ecs.start();
            return ecs;
        }
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(TEXT_PATTERN);
        text.start();
        return text;
    }
}
