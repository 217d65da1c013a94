package dev.qide.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The audit log is append-only: no code or migration in {@code src/main} updates or deletes audit records, and the
 * entity maps every column as not updatable. This fails the day someone adds such a path.
 */
class AuditAppendOnlyTest {

    private static final Path MAIN = Path.of("src", "main");

    /** Ways to change or remove records: Panache calls on the entity, and SQL or HQL naming the table or entity. */
    private static final List<Pattern> WRITES = List.of(
            Pattern.compile("AuditEvent\\s*\\.\\s*(<[^>]*>)?\\s*(delete|deleteAll|deleteById|update)\\s*\\("),
            Pattern.compile("\\bdelete\\s+(from\\s+)?(audit_event|AuditEvent)\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bupdate\\s+(audit_event|AuditEvent)\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\btruncate\\s+(table\\s+)?audit_event\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bdrop\\s+table\\s+(if\\s+exists\\s+)?audit_event\\b", Pattern.CASE_INSENSITIVE));

    /** Inside the entity itself the inherited statics need no class name. */
    private static final Pattern UNQUALIFIED_WRITE =
            Pattern.compile("(?<![\\w.])(delete|deleteAll|deleteById|update)\\s*\\(");

    @Test
    void theWritePatternsRecogniseWhatTheyGuardAgainst() {
        for (String write : List.of(
                "AuditEvent.delete(\"workspaceId\", id)",
                "AuditEvent.<AuditEvent>update(\"detail = ?1\", x)",
                "AuditEvent.deleteAll()",
                "em.createNativeQuery(\"DELETE FROM audit_event WHERE created_at < ?\")",
                "\"update AuditEvent set detail = null\"",
                "TRUNCATE TABLE audit_event;")) {
            assertThat(WRITES).as(write).anyMatch(pattern -> pattern.matcher(write)
                    .find());
        }
        assertThat(UNQUALIFIED_WRITE
                        .matcher("return delete(\"action\", action);")
                        .find())
                .isTrue();
        assertThat(UNQUALIFIED_WRITE.matcher("event.persist();").find()).isFalse();
    }

    @Test
    void nothingInMainUpdatesOrDeletesAuditRecords() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".java")
                            || file.toString().endsWith(".sql")
                            || file.toString().endsWith(".properties"))
                    .forEach(file -> {
                        String text = read(file);
                        WRITES.stream()
                                .filter(pattern -> pattern.matcher(text).find())
                                .forEach(pattern -> found.add(file + ": " + pattern));
                    });
        }
        String entity = read(MAIN.resolve("java/dev/qide/audit/AuditEvent.java"));
        if (UNQUALIFIED_WRITE.matcher(entity).find()) {
            found.add("AuditEvent.java calls delete or update");
        }
        assertThat(found)
                .as("audit records are written once and never changed or deleted")
                .isEmpty();
    }

    @Test
    void everyColumnOfTheEntityIsWrittenOnce() {
        List<String> updatable = Arrays.stream(AuditEvent.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .filter(field -> !field.isAnnotationPresent(Id.class))
                .filter(field -> !notUpdatable(field))
                .map(Field::getName)
                .toList();
        assertThat(updatable).isEmpty();
    }

    private static boolean notUpdatable(Field field) {
        Column column = field.getAnnotation(Column.class);
        return column != null && !column.updatable();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
