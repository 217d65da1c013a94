package dev.qide.account.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsLongUnrelatedPhrases() {
        assertThat(PasswordPolicy.problem("violet tangerine orbit", "ada@example.com", "Ada"))
                .isEmpty();
        assertThat(PasswordPolicy.problem("ünïcödé-pässwörd-ok", "ada@example.com", "Ada"))
                .isEmpty();
    }

    @Test
    void refusesShortLongCommonAndPersonalPasswords() {
        assertThat(PasswordPolicy.problem("", "a@b.c", "A")).contains("Choose a password.");
        assertThat(PasswordPolicy.problem("nine char", "a@b.c", "A")).contains("Use at least 10 characters.");
        assertThat(PasswordPolicy.problem("x".repeat(40) + "y".repeat(33), "a@b.c", "A"))
                .hasValueSatisfying(message -> assertThat(message).startsWith("Use at most 72"));
        assertThat(PasswordPolicy.problem("é".repeat(37), "a@b.c", "A"))
                .as("72 bytes, not 72 characters: bcrypt ignores the rest")
                .hasValueSatisfying(message -> assertThat(message).startsWith("Use at most 72"));
        assertThat(PasswordPolicy.problem("Password123", "a@b.c", "A"))
                .hasValueSatisfying(message -> assertThat(message).contains("too easy to guess"));
        assertThat(PasswordPolicy.problem("aaaaaaaaaaaa", "a@b.c", "A"))
                .hasValueSatisfying(message -> assertThat(message).contains("too easy to guess"));
        assertThat(PasswordPolicy.problem("my-lovelace-2024", "lovelace@example.com", "Ada"))
                .contains("Don't use your email address or name in your password.");
        assertThat(PasswordPolicy.problem("Ada Lovelace", "x@example.com", "Ada Lovelace"))
                .contains("Don't use your email address or name in your password.");
    }
}
