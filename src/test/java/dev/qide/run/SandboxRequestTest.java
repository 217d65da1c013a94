package dev.qide.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxRequestTest {

    @Test
    void acceptsNestedRelativePaths() {
        SandboxRequest request =
                new SandboxRequest(RunLanguage.PYTHON, Map.of("src/main.py", "", "src/lib/util.py", ""), "src/main.py");

        assertThat(request.files()).containsOnlyKeys("src/main.py", "src/lib/util.py");
        assertThat(request.timeout()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "../outside.py", "src/../../outside.py", "./main.py", "a//b.py", " ", ""})
    void refusesPathsThatCouldLeaveTheProject(String path) {
        assertThatThrownBy(() -> new SandboxRequest(RunLanguage.PYTHON, Map.of(path, ""), path))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEntryFileMustBeOneOfTheFiles() {
        assertThatThrownBy(() -> new SandboxRequest(RunLanguage.PYTHON, Map.of("a.py", ""), "b.py"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b.py");
    }

    @Test
    void theTimeoutMustBePositive() {
        assertThatThrownBy(() -> new SandboxRequest(RunLanguage.BASH, Map.of("a.sh", ""), "a.sh", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
