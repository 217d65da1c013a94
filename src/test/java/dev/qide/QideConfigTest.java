package dev.qide;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.Pattern;
import org.junit.jupiter.api.Test;

/** The sales contact the pricing page links to is a mailto: address or an http(s) URL, never a script. */
class QideConfigTest {

    @Test
    void theSalesContactTakesMailAndWebAddressesOnly() throws NoSuchMethodException {
        String rule = QideConfig.class
                .getMethod("salesContact")
                .getAnnotation(Pattern.class)
                .regexp();
        assertThat("mailto:sales@example.com").matches(rule);
        assertThat("https://example.com/contact?from=qide").matches(rule);
        assertThat("http://sales.example.com").matches(rule);
        assertThat("javascript:alert(1)").doesNotMatch(rule);
        assertThat("data:text/html,<script>alert(1)</script>").doesNotMatch(rule);
        assertThat("https://example.com/\"onmouseover=\"alert(1)").doesNotMatch(rule);
        assertThat("//evil.example").doesNotMatch(rule);
    }
}
