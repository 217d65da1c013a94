package dev.qide.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The sales contact the pricing page links to is a mailto: address or an http(s) URL, never a script. */
class SalesContactTest {

    @Test
    void mailAndWebAddressesAreTaken() {
        assertThat(SalesContact.checked("mailto:sales@example.com")).isEqualTo("mailto:sales@example.com");
        assertThat(SalesContact.checked("https://example.com/contact?from=qide"))
                .isEqualTo("https://example.com/contact?from=qide");
        assertThat(SalesContact.checked("http://sales.example.com")).isEqualTo("http://sales.example.com");
    }

    @Test
    void scriptsAndBrokenLinksStopTheStartWithTheSettingsName() {
        for (String link : new String[] {
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "https://example.com/\"onmouseover=\"alert(1)",
            "//evil.example",
            ""
        }) {
            assertThatThrownBy(() -> SalesContact.checked(link))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("qide.sales-contact");
        }
    }
}
