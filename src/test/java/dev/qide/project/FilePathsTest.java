package dev.qide.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qide.web.InvalidInputException;
import org.junit.jupiter.api.Test;

class FilePathsTest {

    @Test
    void halfACharacterIsNoFileNameWhileWholeOnesAre() {
        assertThatThrownBy(() -> FilePaths.normalize("notes/half\uD800.txt"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get("path"))
                        .contains("half of a character"));
        assertThatThrownBy(() -> FilePaths.normalize("\uDC00.txt")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FilePaths.normalize("nul\u0000.txt")).isInstanceOf(InvalidInputException.class);
        assertThat(FilePaths.normalize("notes/\uD83D\uDE00 smile.txt")).isEqualTo("notes/\uD83D\uDE00 smile.txt");
    }
}
