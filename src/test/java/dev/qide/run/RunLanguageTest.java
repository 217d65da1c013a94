package dev.qide.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunLanguageTest {

    @Test
    void findsALanguageByItsId() {
        assertThat(RunLanguage.byId("python")).contains(RunLanguage.PYTHON);
        assertThat(RunLanguage.byId("javascript")).contains(RunLanguage.JAVASCRIPT);
        assertThat(RunLanguage.byId("bash")).contains(RunLanguage.BASH);
        assertThat(RunLanguage.byId("ruby")).isEmpty();
    }

    @Test
    void findsALanguageByTheEndingOfAFileName() {
        assertThat(RunLanguage.forFileName("src/main.py")).contains(RunLanguage.PYTHON);
        assertThat(RunLanguage.forFileName("index.js")).contains(RunLanguage.JAVASCRIPT);
        assertThat(RunLanguage.forFileName("server.mjs")).contains(RunLanguage.JAVASCRIPT);
        assertThat(RunLanguage.forFileName("legacy.CJS")).contains(RunLanguage.JAVASCRIPT);
        assertThat(RunLanguage.forFileName("build.sh")).contains(RunLanguage.BASH);
        assertThat(RunLanguage.forFileName("setup.bash")).contains(RunLanguage.BASH);
        assertThat(RunLanguage.forFileName("README.md")).isEmpty();
        assertThat(RunLanguage.forFileName("py")).isEmpty();
    }

    @Test
    void namesItsInterpreter() {
        assertThat(RunLanguage.PYTHON.interpreter()).isEqualTo("python3");
        assertThat(RunLanguage.PYTHON.interpreterArguments()).containsExactly("-u");
        assertThat(RunLanguage.JAVASCRIPT.interpreter()).isEqualTo("node");
        assertThat(RunLanguage.BASH.interpreterArguments()).isEmpty();
    }
}
