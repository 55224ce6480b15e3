package org.caredesk.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.audit.service.AuditLog;
import org.junit.jupiter.api.Test;

/**
 * Nothing in the program can change or remove an audit entry: no such method, no such statement in the Java
 * source or the migrations, and only the repository touches the tables at all.
 */
class AppendOnlyTest {
    private static final Path JAVA = Path.of("src", "main", "java");
    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    private static final Pattern CHANGING_NAME = Pattern.compile(
            "(?i)^(update|delete|remove|edit|change|modify|clear|truncate|replace|purge|drop|rewrite|set|put).*");

    @Test
    void auditClasses_haveNoMethodThatCouldChangeOrRemoveAnEntry() {
        List<String> found = new ArrayList<>();
        for (Class<?> c : List.of(AuditRepository.class, AuditLog.class)) {
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPrivate(m.getModifiers()) && CHANGING_NAME.matcher(m.getName()).matches()) {
                    found.add(c.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void noJavaSource_updatesOrDeletesTheLog() {
        List<String> found = new ArrayList<>();
        Pattern jooq = Pattern.compile("(update|deleteFrom|delete|truncate|truncateTable|mergeInto)\\s*\\(\\s*"
                + "(Tables\\.)?AUDIT_LOG\\b");
        Pattern sql = Pattern.compile("(update\\s+audit_log|delete\\s+from\\s+audit_log|truncate\\s+table\\s+"
                + "audit_log|drop\\s+table\\s+audit_log|delete\\s+from\\s+audit_head)", Pattern.CASE_INSENSITIVE);
        for (Path file : files(JAVA, ".java")) {
            String src = read(file);
            if (jooq.matcher(src).find() || sql.matcher(src).find() || src.contains("AuditLogRecord")) {
                found.add(JAVA.relativize(file).toString());
            }
        }
        assertThat(found).as("sources that could change audit entries").isEmpty();
    }

    @Test
    void noMigration_updatesOrDeletesTheLog() {
        Pattern sql = Pattern.compile("(update\\s+audit_log|delete\\s+from\\s+audit_log|truncate\\s+table\\s+"
                + "audit_log|drop\\s+table\\s+audit_log|alter\\s+table\\s+audit_log\\s+drop)");
        List<String> found = new ArrayList<>();
        for (Path file : files(MIGRATIONS, ".sql")) {
            if (sql.matcher(read(file).toLowerCase(Locale.ROOT)).find()) {
                found.add(file.getFileName().toString());
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void onlyTheRepository_touchesTheAuditTables() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.caredesk");
        noClasses().that().doNotHaveFullyQualifiedName(AuditRepository.class.getName())
                .and().resideOutsideOfPackage("org.caredesk.db.generated..")
                .should().dependOnClassesThat().haveFullyQualifiedName(
                        "org.caredesk.db.generated.tables.AuditLog")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "org.caredesk.db.generated.tables.AuditHead")
                .check(classes);
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
