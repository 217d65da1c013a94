package dev.qide.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Everything the application logs during a test, formatted as it would be written, for tests that prove a secret
 * never reaches the log. Tests call {@link #start()} before and {@link #stop()} after (a JUnit extension would see
 * another copy of the test instance than the one {@code @QuarkusTest} runs).
 */
public class CapturedLog {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<String> withStackTraces = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            lines.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
            if (record.getThrown() != null) {
                withStackTraces.add(
                        record.getLevel() + " " + record.getLoggerName() + ": " + message + " " + record.getThrown());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    public void start() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    public void stop() {
        Logger.getLogger("").removeHandler(capture);
    }

    /** What was logged so far, one entry per record. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The records that carried an exception, whose stack trace the log prints: level, logger, message, exception. */
    public List<String> withStackTraces() {
        synchronized (withStackTraces) {
            return List.copyOf(withStackTraces);
        }
    }

    /** All of it as one text. */
    public String text() {
        return String.join("\n", lines());
    }
}
