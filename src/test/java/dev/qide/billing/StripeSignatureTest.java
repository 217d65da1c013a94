package dev.qide.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The tests' signing follows Stripe's scheme: the known-answer vector of fixtures/stripe/SOURCES.md. */
class StripeSignatureTest {

    @Test
    void signsTheKnownAnswerVector() {
        assertThat(StripeWebhooks.signature(
                        "{\"id\":\"evt_test_webhook\",\"object\":\"event\"}", "whsec_test_secret", 1700000000L))
                .isEqualTo("t=1700000000,v1=d95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990");
    }
}
