package dev.policybot.discord;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * Captures WARN and ERROR log events of every logger (JDA swallows payload errors as such lines and drops the
 * event, so a test that sees none knows JDA understood everything). Tests take the lines they expect.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> {
    private final List<ILoggingEvent> events = new ArrayList<>();

    public static LogCapture attach() {
        LogCapture capture = new LogCapture();
        capture.setName("test-capture");
        capture.start();
        root().addAppender(capture);
        return capture;
    }

    public void detach() {
        root().detachAppender(this);
        stop();
    }

    /**
     * Lines JDA logs for a reason a test provokes on purpose, which may arrive after that test ended: when Discord
     * refuses the token at login, JDA shuts itself down at once, and a request thread it interrupts logs this.
     */
    private static boolean provokedOnPurpose(ILoggingEvent event) {
        return event.getLoggerName().equals("net.dv8tion.jda.api.requests.RestRateLimiter")
                && event.getThrowableProxy() != null
                && "Unable to acquire lock while thread is interrupted!"
                        .equals(event.getThrowableProxy().getMessage());
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.WARN) && !provokedOnPurpose(event)) {
            synchronized (events) {
                events.add(event);
            }
        }
    }

    /** Removes and returns the captured lines that match. */
    public List<ILoggingEvent> take(Predicate<ILoggingEvent> expected) {
        synchronized (events) {
            List<ILoggingEvent> taken = events.stream().filter(expected).toList();
            events.removeAll(taken);
            return taken;
        }
    }

    /** Removes and returns the lines nobody took, shortened for an assertion message. */
    public List<String> drainUnexpected() {
        synchronized (events) {
            List<String> lines = new ArrayList<>();
            for (ILoggingEvent event : events) {
                String error = event.getThrowableProxy() == null
                        ? ""
                        : " (" + event.getThrowableProxy().getClassName() + ": "
                                + event.getThrowableProxy().getMessage() + ")";
                String line =
                        event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage() + error;
                lines.add(line.length() > 400 ? line.substring(0, 400) + "…" : line);
            }
            events.clear();
            return lines;
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
