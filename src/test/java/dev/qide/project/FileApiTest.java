package dev.qide.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.qide.plan.PlanId;
import dev.qide.support.Browser;
import dev.qide.support.Workspaces;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files and folders through the API: paths, sizes, text only, stale saves, moves, deletes and storage. */
@QuarkusTest
class FileApiTest {

    private Browser browser;
    private String project;

    @BeforeEach
    void signUpWithAProject() {
        browser = Browser.signedUp("File Person");
        project = "/api/projects/" + browser.createProject("Files");
    }

    private String createFile(String path, String content) {
        return browser.api()
                .body(Map.of("path", path, "content", content))
                .post(project + "/files")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private List<String> paths() {
        return browser.api()
                .get(project + "/files")
                .then()
                .statusCode(200)
                .extract()
                .path("path");
    }

    @Test
    void createsFilesWithMissingFoldersAndKnowsTheirLanguage() {
        browser.api()
                .body(Map.of("path", "./src//app/main.py", "content", "print('hi')\n"))
                .post(project + "/files")
                .then()
                .statusCode(201)
                .body(
                        "path", equalTo("src/app/main.py"),
                        "name", equalTo("main.py"),
                        "language", equalTo("python"),
                        "revision", equalTo(0),
                        "size_bytes", equalTo(12),
                        "content", equalTo("print('hi')\n"));
        browser.api()
                .body(Map.of("path", "docs", "folder", true))
                .post(project + "/files")
                .then()
                .statusCode(201)
                .body("folder", equalTo(true));
        assertThat(paths()).containsExactlyInAnyOrder("README.md", "docs", "src", "src/app", "src/app/main.py");
        browser.api()
                .body(Map.of("path", "src/app/main.py"))
                .post(project + "/files")
                .then()
                .statusCode(409)
                .body("detail", containsString("already exists"));
        browser.api()
                .body(Map.of("path", "src/app/main.py/inner.py"))
                .post(project + "/files")
                .then()
                .statusCode(409)
                .body("detail", containsString("is a file"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../outside.py",
                "src/../../etc/passwd",
                "/etc/passwd",
                "~/secrets",
                "C:/Windows/win.ini",
                "src\\evil.py",
                "bad\u0000name.py",
                "new\nline.py",
                "   ",
                "..",
                "a/ b /c"
            })
    void pathsThatCouldLeaveTheProjectAreRefusedAndNothingChanges(String path) {
        List<String> before = paths();
        browser.api()
                .body(Map.of("path", path, "content", "x"))
                .post(project + "/files")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString(" "));
        assertThat(paths()).isEqualTo(before);
    }

    @Test
    void pathsHoldingHalfACharacterAreRefusedAndNothingChanges() {
        List<String> before = paths();
        // Written as JSON escapes: half a surrogate pair has no UTF-8 form, so only an escape can carry it.
        for (String escaped : List.of("half\\ud800.py", "\\udc00half.py", "src/\\ud800/main.py")) {
            browser.api()
                    .body("{\"path\":\"" + escaped + "\",\"content\":\"x\"}")
                    .post(project + "/files")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("detail", containsString("half of a character"));
        }
        assertThat(paths()).isEqualTo(before);
    }

    @Test
    void filesOver1MiBAreRefusedOnCreateAndOnSaveWithoutLosingTheSavedContent() {
        String big = "a".repeat(FileContent.MAX_BYTES + 1);
        browser.api()
                .body(Map.of("path", "big.txt", "content", big))
                .post(project + "/files")
                .then()
                .statusCode(413)
                .body("detail", equalTo("Files can be at most 1 MB (1,048,576 bytes); this one is 1,048,577 bytes."));
        assertThat(paths()).doesNotContain("big.txt");
        String id = createFile("small.txt", "keep me");
        browser.api()
                .body(Map.of("content", "\u00e9".repeat(FileContent.MAX_BYTES / 2 + 1), "base_revision", 0))
                .put(project + "/files/" + id)
                .then()
                .statusCode(413);
        browser.api().get(project + "/files/" + id).then().body("content", equalTo("keep me"), "revision", equalTo(0));
        // Exactly 1 MiB is fine.
        browser.api()
                .body(Map.of("content", "b".repeat(FileContent.MAX_BYTES), "base_revision", 0))
                .put(project + "/files/" + id)
                .then()
                .statusCode(200)
                .body("size_bytes", equalTo(FileContent.MAX_BYTES));
    }

    @Test
    void uploadsMustBeUtf8Text() {
        byte[] latin1 = {(byte) 'c', (byte) 'a', (byte) 'f', (byte) 0xE9, (byte) '\n'};
        browser.api()
                .contentType("application/octet-stream")
                .body(latin1)
                .post(project + "/files/upload?path=cafe.txt")
                .then()
                .statusCode(415)
                .body("detail", containsString("UTF-8"));
        browser.api()
                .contentType("application/octet-stream")
                .body(new byte[] {'a', 0, 'b'})
                .post(project + "/files/upload?path=binary.bin")
                .then()
                .statusCode(415)
                .body("detail", containsString("binary"));
        assertThat(paths()).doesNotContain("cafe.txt", "binary.bin");
        browser.api()
                .contentType("application/octet-stream")
                .body("caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post(project + "/files/upload?path=notes/cafe.txt")
                .then()
                .statusCode(201)
                .body("content", equalTo("caf\u00e9\n"), "path", equalTo("notes/cafe.txt"));
        // A JSON body that is not UTF-8 is a 400 with a reason, never a 500.
        browser.api()
                .body(latin1)
                .post(project + "/files")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aStaleSaveIsAConflictAndNothingIsLost() {
        String id = createFile("shared.py", "v0");
        String file = project + "/files/" + id;
        // Tab one saves over revision 0.
        browser.api()
                .body(Map.of("content", "tab one", "base_revision", 0))
                .put(file)
                .then()
                .statusCode(200)
                .body("revision", equalTo(1));
        // Tab two also started from revision 0: refused, tab one's words stay.
        browser.api()
                .body(Map.of("content", "tab two", "base_revision", 0))
                .put(file)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("Nothing was overwritten"));
        browser.api().get(file).then().body("content", equalTo("tab one"), "revision", equalTo(1));
        // Saving what is already there changes nothing; leaving out the base revision is refused.
        browser.api()
                .body(Map.of("content", "tab one", "base_revision", 1))
                .put(file)
                .then()
                .statusCode(200)
                .body("revision", equalTo(1));
        browser.api().body(Map.of("content", "no base")).put(file).then().statusCode(422);
        // Tab two chooses to keep its text after seeing the conflict: it saves over the current revision.
        browser.api()
                .body(Map.of("content", "tab two", "base_revision", 1))
                .put(file)
                .then()
                .statusCode(200)
                .body("revision", equalTo(2));
    }

    @Test
    void movingAndRenamingKeepsRevisionsAndMovesFolderContents() {
        String main = createFile("src/main.py", "print(1)");
        createFile("src/util/helpers.py", "x = 1");
        String src = browser.api().get(project + "/files").then().extract().path("find { it.path == 'src' }.id");
        browser.api()
                .body(Map.of("path", "app/main.py"))
                .put(project + "/files/" + main)
                .then()
                .statusCode(200)
                .body("path", equalTo("app/main.py"), "revision", equalTo(0));
        browser.api()
                .body(Map.of("path", "lib"))
                .put(project + "/files/" + src)
                .then()
                .statusCode(200);
        assertThat(paths())
                .containsExactlyInAnyOrder("README.md", "app", "app/main.py", "lib", "lib/util", "lib/util/helpers.py");
        String lib = src;
        browser.api()
                .body(Map.of("path", "lib/util/inner"))
                .put(project + "/files/" + lib)
                .then()
                .statusCode(422)
                .body("detail", containsString("into itself"));
        browser.api()
                .body(Map.of("path", "README.md"))
                .put(project + "/files/" + main)
                .then()
                .statusCode(409);
        browser.api()
                .body(Map.of("path", "../escape.py"))
                .put(project + "/files/" + main)
                .then()
                .statusCode(422);
        browser.api().delete(project + "/files/" + lib).then().statusCode(204);
        assertThat(paths()).containsExactlyInAnyOrder("README.md", "app", "app/main.py");
        browser.api().get(project + "/files/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void storageCountsAgainstThePlanAndAFullWorkspaceIsRefusedClearly() {
        UUID workspace = browser.workspaceId();
        long before = Workspaces.storageUsed(workspace);
        String id = createFile("data.txt", "12345");
        assertThat(Workspaces.storageUsed(workspace)).isEqualTo(before + 5);

        long limit = 512L * 1024 * 1024;
        Workspaces.setStorageUsed(workspace, limit - 10);
        browser.api()
                .body(Map.of("path", "more.txt", "content", "x".repeat(11)))
                .post(project + "/files")
                .then()
                .statusCode(413)
                .body("detail", containsString("Storage full"), "detail", containsString("512 MB"));
        browser.api()
                .body(Map.of("content", "123456789012345678", "base_revision", 0))
                .put(project + "/files/" + id)
                .then()
                .statusCode(413);
        browser.api().get(project + "/files/" + id).then().body("content", equalTo("12345"));
        assertThat(paths()).doesNotContain("more.txt");
        // Freeing space works even when full, and what fits still fits.
        browser.api().delete(project + "/files/" + id).then().statusCode(204);
        assertThat(Workspaces.storageUsed(workspace)).isEqualTo(limit - 15);
        createFile("fits.txt", "x".repeat(15));
    }

    @Test
    void historyIsForPlansWithVersionControl() {
        String id = createFile("h.py", "one");
        browser.api()
                .get(project + "/files/" + id + "/versions")
                .then()
                .statusCode(403)
                .body("detail", containsString("Pro plan"));
        Workspaces.setPlan(browser.workspaceId(), PlanId.PRO);
        String file = project + "/files/" + id;
        save(file, "one, edited", 0, true);
        save(file, "one, edited more", 1, true);
        save(file, "manual", 2, false);
        save(file, "after manual", 3, true);
        List<Map<String, Object>> versions = browser.api()
                .get(file + "/versions")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        // Two autosaves in a row by one person share one entry; the manual save gets its own.
        assertThat(versions).extracting(v -> v.get("revision")).containsExactly(4, 3, 2);
        assertThat(versions).extracting(v -> v.get("author_name")).containsOnly("File Person");
        String oldest = (String) versions.get(2).get("id");
        browser.api()
                .get(file + "/versions/" + oldest)
                .then()
                .statusCode(200)
                .body("content", equalTo("one, edited more"));
        browser.api()
                .post(file + "/versions/" + oldest + "/restore")
                .then()
                .statusCode(200)
                .body("content", equalTo("one, edited more"), "revision", equalTo(5));
        assertThat(browser.api().get(file + "/versions").then().extract().<List<Integer>>path("revision"))
                .containsExactly(5, 4, 3, 2);
        browser.api().get(file + "/versions/" + UUID.randomUUID()).then().statusCode(404);
    }

    private void save(String file, String content, int base, boolean autosave) {
        browser.api()
                .body(Map.of("content", content, "base_revision", base, "autosave", autosave))
                .put(file)
                .then()
                .statusCode(200)
                .body("revision", equalTo(base + 1));
    }
}
