package dev.qide.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What counts as a fragment of a key, and that every one is cut out of a provider's text. */
class KeyFragmentsTest {

    private static final String KEY = "sk-proj-Q1w2E3r4T5y6U7i8";

    @Test
    void theKeyWholeWithoutItsPrefixOrInPiecesIsCutOut() {
        assertThat(KeyFragments.redact("Incorrect API key provided: " + KEY + ".", KEY))
                .isEqualTo("Incorrect API key provided: ….");
        assertThat(KeyFragments.redact("Project proj-Q1w2E3r4T5y6U7i8 may not", KEY))
                .isEqualTo("Project … may not");
        assertThat(KeyFragments.redact("ref Q1w2E3r4 and T5y6U7i8", KEY)).isEqualTo("ref … and …");
        assertThat(KeyFragments.redact("case: Q1W2E3R4T5", KEY)).isEqualTo("case: …");
    }

    @Test
    void runsShorterThanEightCharactersStay() {
        // OpenAI's own mask of a key, "sk-…" plus the last four, and short runs shared by chance are no fragment.
        assertThat(KeyFragments.redact("key sk-…U7i8, project proj, code Q1w2E3r", KEY))
                .isEqualTo("key sk-…U7i8, project proj, code Q1w2E3r");
    }

    @Test
    void overlappingAndRepeatedFragmentsAreCutEachTimeAsOne() {
        assertThat(KeyFragments.redact("a Q1w2E3r4T5y6U7i8Q1w2E3r4 b E3r4T5y6 c", KEY))
                .isEqualTo("a … b … c");
    }

    @Test
    void aShortKeyIsCutWholeAndNoKeyCutsNothing() {
        assertThat(KeyFragments.redact("token local1 refused", "local1")).isEqualTo("token … refused");
        assertThat(KeyFragments.redact("nothing here", "abc")).isEqualTo("nothing here");
        assertThat(KeyFragments.redact("nothing here", null)).isEqualTo("nothing here");
        assertThat(KeyFragments.redact(null, KEY)).isNull();
    }
}
