package dev.qide.llm;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When a provider said to try again: {@code retry-after-ms} (milliseconds, as OpenAI's and Azure's APIs send it) or
 * {@code Retry-After} (seconds, or an HTTP date read against the response's own {@code Date}, so no clock of ours is
 * involved). Nonsense, and waits of more than a day, count as not said.
 */
final class RetryAfter {

    private static final Duration LONGEST = Duration.ofDays(1);
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}(\\.\\d{1,6})?");

    private RetryAfter() {}

    static Optional<Duration> of(HttpHeaders headers) {
        Optional<Duration> millis = headers.firstValue("retry-after-ms").flatMap(value -> number(value, 1));
        if (millis.isPresent()) {
            return millis;
        }
        return headers.firstValue("retry-after")
                .flatMap(value -> number(value, 1000).or(() -> date(value, headers.firstValue("date"))));
    }

    /** A number of units of {@code unitMillis} (fractions allowed: "26.604"). */
    private static Optional<Duration> number(String value, long unitMillis) {
        String text = value.strip();
        if (!NUMBER.matcher(text).matches()) {
            return Optional.empty();
        }
        return sensible(Duration.ofMillis((long) Math.ceil(Double.parseDouble(text) * unitMillis)));
    }

    private static Optional<Duration> date(String value, Optional<String> sentAt) {
        if (sentAt.isEmpty()) {
            return Optional.empty();
        }
        try {
            ZonedDateTime retryAt = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            ZonedDateTime sent = ZonedDateTime.parse(sentAt.get().strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            return sensible(Duration.between(sent, retryAt));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> sensible(Duration wait) {
        return wait.isNegative() || wait.compareTo(LONGEST) > 0 ? Optional.empty() : Optional.of(wait);
    }
}
