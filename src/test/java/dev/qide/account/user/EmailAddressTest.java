package dev.qide.account.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void normalizesCaseAndSpaces() {
        assertThat(EmailAddress.normalize("  Ada@Example.COM ")).isEqualTo("ada@example.com");
        assertThat(EmailAddress.normalize(null)).isEmpty();
    }

    @Test
    void acceptsOrdinaryAddressesAndRefusesOthers() {
        assertThat(EmailAddress.problem("ada+ide@mail.example.co.uk")).isEmpty();
        assertThat(EmailAddress.problem("")).contains("Enter your email address.");
        assertThat(EmailAddress.problem("ada")).isPresent();
        assertThat(EmailAddress.problem("ada@localhost")).isPresent();
        assertThat(EmailAddress.problem("a@b@c.d")).isPresent();
        assertThat(EmailAddress.problem("ada @example.com")).isPresent();
        assertThat(EmailAddress.problem("ada@example.com\n")).isPresent();
        assertThat(EmailAddress.problem("a".repeat(250) + "@x.io")).contains("That email address is too long.");
    }

    @Test
    void displayNamesFromProvidersAreCleanedAndCut() {
        assertThat(DisplayName.fitted("  Ada <b>Lovelace</b> ", "x")).isEqualTo("Ada bLovelace/b");
        assertThat(DisplayName.fitted(null, "ada")).isEqualTo("ada");
        assertThat(DisplayName.fitted("", "")).isEqualTo("Q-IDE user");
        assertThat(DisplayName.fitted("é".repeat(100), "x")).hasSize(80);
    }
}
