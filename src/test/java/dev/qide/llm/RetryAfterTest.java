package dev.qide.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading when a provider said to try again, in each form it may say it. */
class RetryAfterTest {

    @Test
    void secondsMillisecondsAndDatesAreRead() {
        assertThat(RetryAfter.of(headers(Map.of("Retry-After", "7")))).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.of(headers(Map.of("retry-after", "26.604")))).contains(Duration.ofMillis(26_604));
        assertThat(RetryAfter.of(headers(Map.of("retry-after-ms", "1500", "retry-after", "2"))))
                .contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.of(headers(Map.of(
                        "Retry-After", "Wed, 21 Oct 2015 07:28:30 GMT", "Date", "Wed, 21 Oct 2015 07:28:00 GMT"))))
                .contains(Duration.ofSeconds(30));
    }

    @Test
    void nonsenseOrNothingIsNotSaid() {
        assertThat(RetryAfter.of(headers(Map.of()))).isEmpty();
        assertThat(RetryAfter.of(headers(Map.of("Retry-After", "soon")))).isEmpty();
        assertThat(RetryAfter.of(headers(Map.of("Retry-After", "-3")))).isEmpty();
        assertThat(RetryAfter.of(headers(Map.of("Retry-After", "9999999")))).isEmpty();
        // A date without the response's own Date to measure from.
        assertThat(RetryAfter.of(headers(Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:30 GMT"))))
                .isEmpty();
    }

    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> map = new HashMap<>();
        values.forEach((name, value) -> map.put(name, List.of(value)));
        return HttpHeaders.of(map, (name, value) -> true);
    }
}
