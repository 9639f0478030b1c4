package dev.policybot.fakes;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event (DEBUG included, for the loggers set to DEBUG while attached) of the root logger, with
 * its formatted message and the class names and messages of its exception chain, so a test can search them.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<ILoggingEvent> events = new ArrayList<>();
    private final List<Logger> raised = new ArrayList<>();
    private final List<Level> before = new ArrayList<>();

    /** Attaches to the root logger; the named loggers log at DEBUG until {@link #close()}. */
    public static CapturedLogs attach(String... debugLoggers) {
        CapturedLogs capture = new CapturedLogs();
        capture.setName("captured-logs");
        capture.start();
        for (String name : debugLoggers) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            capture.raised.add(logger);
            capture.before.add(logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        root().addAppender(capture);
        return capture;
    }

    @Override
    protected void append(ILoggingEvent event) {
        synchronized (events) {
            events.add(event);
        }
    }

    /** Events at this level or above. */
    public List<ILoggingEvent> atLeast(Level level) {
        synchronized (events) {
            return events.stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(level))
                    .toList();
        }
    }

    /** "LEVEL logger - message", one per event at this level or above. */
    public List<String> lines(Level level) {
        return atLeast(level).stream()
                .map(e -> e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage())
                .toList();
    }

    /** Everything captured as one text: messages, arguments and the whole exception chain of each event. */
    public String everything() {
        StringBuilder text = new StringBuilder();
        synchronized (events) {
            for (ILoggingEvent event : events) {
                text.append(event.getLevel())
                        .append(' ')
                        .append(event.getFormattedMessage())
                        .append('\n');
                for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                    text.append("  ")
                            .append(t.getClassName())
                            .append(": ")
                            .append(t.getMessage())
                            .append('\n');
                    for (IThrowableProxy suppressed : t.getSuppressed()) {
                        text.append("  suppressed ")
                                .append(suppressed.getMessage())
                                .append('\n');
                    }
                }
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        root().detachAppender(this);
        stop();
        for (int i = 0; i < raised.size(); i++) {
            raised.get(i).setLevel(before.get(i));
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
