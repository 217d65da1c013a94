package dev.qide.byok;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qide.web.FormErrors;
import org.junit.jupiter.api.Test;

class EndpointAddressesTest {

    @Test
    void privateAndLocalAddressesAreRefusedUnlessAllowed() {
        for (String url : new String[] {
            "http://127.0.0.1:11434/v1",
            "http://localhost:8000/v1",
            "http://10.0.0.5/v1",
            "http://169.254.169.254/latest",
            "http://[::1]:8080/v1",
            "http://192.168.1.20/v1",
            "http://[fd00::1]/v1"
        }) {
            FormErrors errors = new FormErrors();
            assertThat(EndpointAddresses.check(url, false, errors, "baseUrl"))
                    .as(url)
                    .isNull();
            assertThat(errors.get("baseUrl")).as(url).contains("private or local");
            assertThat(EndpointAddresses.check(url, true, new FormErrors(), "baseUrl"))
                    .as(url)
                    .isNotNull();
        }
    }

    @Test
    void onlyPlainHttpAddressesWithoutCredentialsAreAccepted() {
        FormErrors errors = new FormErrors();
        assertThat(EndpointAddresses.check("ftp://llm.example.com/v1", true, errors, "a"))
                .isNull();
        assertThat(EndpointAddresses.check("https://user:pw@llm.example.com/v1", true, errors, "b"))
                .isNull();
        assertThat(EndpointAddresses.check("https://llm.example.com/v1?key=x", true, errors, "c"))
                .isNull();
        assertThat(EndpointAddresses.check("not a url", true, errors, "d")).isNull();
        assertThat(errors.asMap()).containsOnlyKeys("a", "b", "c", "d");
        assertThat(EndpointAddresses.check("https://llm.example.com/v1/", true, new FormErrors(), "e"))
                .isEqualTo("https://llm.example.com/v1");
    }
}
