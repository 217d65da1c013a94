package dev.qide.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's files reach the sandbox as a tar archive that tar unpacks exactly. */
class ProjectArchiveTest {

    @TempDir
    Path folder;

    @Test
    void tarUnpacksEveryFileWithItsContent() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("main.py", "print('hi')\n");
        files.put("src/deep/er/helper.py", "X = 'ünïcödé → 世界'\n");
        files.put("empty.txt", "");
        files.put("exactly-512.txt", "x".repeat(512));
        files.put("a".repeat(100), "a name of exactly 100 bytes");
        files.put("long/" + "folder-name-".repeat(20) + "/file.txt", "behind a pax header");
        files.put("é".repeat(60) + ".txt", "120 bytes of name in UTF-8");

        unpack(ProjectArchive.of(files));

        for (Map.Entry<String, String> file : files.entrySet()) {
            assertThat(folder.resolve(file.getKey())).hasContent(file.getValue());
        }
    }

    @Test
    void theArchiveIsWholeRecords() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ProjectArchive.of(Map.of("main.sh", "echo hi")).writeTo(out);

        assertThat(out.size()).isEqualTo(10240);
    }

    @Test
    void pathsOutsideTheProjectAreRefused() {
        for (String path : new String[] {"/etc/passwd", "../escape", "a/../../b", "a//b", "./a", "", "a/", "nul\0"}) {
            assertThatThrownBy(() -> ProjectArchive.of(Map.of(path, "x")))
                    .as(path)
                    .isInstanceOf(IOException.class);
        }
    }

    private void unpack(ProjectArchive archive) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tar")) || Files.isExecutable(Path.of("/bin/tar")));
        Process tar = new ProcessBuilder("tar", "-x", "-m", "-f", "-", "-C", folder.toString())
                .redirectErrorStream(true)
                .start();
        try (OutputStream in = tar.getOutputStream()) {
            archive.writeTo(in);
        }
        String output = new String(tar.getInputStream().readAllBytes());
        assertThat(tar.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).as(output).isZero();
        assertThat(output).isEmpty();
    }
}
