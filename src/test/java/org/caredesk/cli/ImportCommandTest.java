package org.caredesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.people.service.MissingDetailsService;
import org.caredesk.roster.service.ImportProblem;
import org.caredesk.roster.service.ImportResult;
import org.caredesk.roster.service.RosterImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    private static final Path PEOPLE = Path.of("sample-data", "people.xlsx").toAbsolutePath();
    private static final Path WITH_ERRORS = Path.of("sample-data", "people-with-errors.xlsx").toAbsolutePath();
    private static final Path MINIMAL = Path.of("sample-data", "people-minimal.xlsx").toAbsolutePath();

    @TempDir
    Path dir;
    private Path dataDir;

    @BeforeEach
    void folder() {
        dataDir = dir.resolve("data");
    }

    private void createCommunity() {
        CliRun.setUp(dataDir, "锦华社区");
    }

    private int count() {
        try (AppContext ctx = CliRun.open(dataDir)) {
            return ctx.people().count();
        }
    }

    @Test
    void import_writesEveryone_andSaysHowMany() {
        createCommunity();

        CliRun r = CliRun.admin(dataDir, "import", "people", PEOPLE.toString());

        assertThat(r.exit()).isEqualTo(Cli.OK);
        int n = count();
        assertThat(n).isPositive();
        assertThat(r.out()).containsExactly(I18n.get("cli.import.done", n, n));
        assertThat(r.err()).isNotEmpty();
    }

    @Test
    void minimalRoster_withOnlyTheRequiredColumns_imports_andSaysWhoseDetailsAreToCome() {
        createCommunity();

        CliRun r = CliRun.admin(dataDir, "import", "people", MINIMAL.toString());

        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(count()).isEqualTo(7);
        assertThat(r.out()).containsExactly(
                I18n.get("cli.import.warning", I18n.get("roster.problem.detailsMissing", "6")),
                I18n.get("cli.import.done", 7, 7));
        try (AppContext ctx = CliRun.open(dataDir)) {
            assertThat(new MissingDetailsService().activePeople(ctx.database().dsl())).hasSize(6);
        }
    }

    @Test
    void dryRun_checksWithoutWriting() {
        createCommunity();

        CliRun r = CliRun.admin(dataDir, "import", "people", "--dry-run", PEOPLE.toString());

        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(r.out()).last().satisfies(line ->
                assertThat(line).isEqualTo(I18n.get("cli.import.dryRunClean", rowsOf(PEOPLE))));
        assertThat(count()).isZero();
    }

    @Test
    void rosterWithErrors_isRefused_withOneLinePerProblem_andNothingWritten() {
        createCommunity();
        ImportResult expected = check(WITH_ERRORS);

        CliRun r = CliRun.admin(dataDir, "import", "people", WITH_ERRORS.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        List<String> problemLines = expected.problems().stream()
                .map(p -> p.warning() ? I18n.get("cli.import.warning", p.localized()) : p.localized()).toList();
        assertThat(r.out().subList(0, r.out().size() - 1)).containsExactlyElementsOf(problemLines);
        assertThat(r.out()).last().isEqualTo(
                I18n.get("cli.import.refused", expected.errors().size(), expected.rowsRead()));
        assertThat(expected.problems()).extracting(ImportProblem::row).allMatch(row -> row > 0);
        assertThat(count()).isZero();
    }

    @Test
    void dryRunWithErrors_exitsOne_andSaysItWasOnlyACheck() {
        createCommunity();
        ImportResult expected = check(WITH_ERRORS);

        CliRun r = CliRun.admin(dataDir, "import", "people", WITH_ERRORS.toString(), "--dry-run");

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.out()).last().isEqualTo(
                I18n.get("cli.import.dryRunRefused", expected.errors().size(), expected.rowsRead()));
    }

    @Test
    void importingTheSameRosterTwice_isRefused_theSecondTime() {
        createCommunity();
        assertThat(CliRun.admin(dataDir, "import", "people", PEOPLE.toString()).exit()).isEqualTo(Cli.OK);
        int n = count();

        CliRun again = CliRun.admin(dataDir, "import", "people", PEOPLE.toString());

        assertThat(again.exit()).isEqualTo(Cli.FAILED);
        assertThat(again.out()).hasSize(n + 1);
        assertThat(count()).isEqualTo(n);
    }

    @Test
    void folderWithoutCommunity_isRefused_withoutCreatingADatabase() {
        CliRun r = CliRun.admin(dataDir, "import", "people", PEOPLE.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).containsExactly(I18n.get("cli.noCommunity", dataDir.toString()));
        assertThat(dataDir.resolve("db")).doesNotExist();
    }

    @Test
    void missingFile_isOneSentence() {
        createCommunity();
        Path missing = dir.resolve("没有这个文件.xlsx");

        CliRun r = CliRun.admin(dataDir, "import", "people", missing.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).containsExactly(I18n.get("cli.fileNotFound", missing.toString()));
    }

    @Test
    void fileThatIsNotExcel_isOneSentence_notAStackTrace() throws IOException {
        createCommunity();
        Path fake = Files.writeString(dir.resolve("名单.xlsx"), "姓名,证件号码\n张三,110105194912310021\n");

        CliRun r = CliRun.admin(dataDir, "import", "people", fake.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).last().satisfies(line -> assertThat(line).contains("名单.xlsx")
                .doesNotContain("Exception").doesNotStartWith("!"));
        assertThat(count()).isZero();
    }

    @Test
    void usageErrors_exitTwo() {
        CliRun noSubject = CliRun.admin(dataDir, "import");
        assertThat(noSubject.exit()).isEqualTo(Cli.USAGE);
        assertThat(noSubject.err().get(0)).isEqualTo(I18n.get("cli.missingArgument", "import",
                new I18n.Key("cli.what.subject.import")));

        CliRun noFile = CliRun.admin(dataDir, "import", "people");
        assertThat(noFile.exit()).isEqualTo(Cli.USAGE);
        assertThat(noFile.err().get(0)).isEqualTo(I18n.get("cli.missingArgument", "import",
                new I18n.Key("cli.what.file")));

        CliRun wrongSubject = CliRun.admin(dataDir, "import", "visits", "a.xlsx");
        assertThat(wrongSubject.exit()).isEqualTo(Cli.USAGE);
        assertThat(wrongSubject.err().get(0)).isEqualTo(I18n.get("cli.unknownSubject", "import", "visits", "people"));

        CliRun twoFiles = CliRun.admin(dataDir, "import", "people", "a.xlsx", "b.xlsx");
        assertThat(twoFiles.exit()).isEqualTo(Cli.USAGE);
        assertThat(dataDir.resolve("db")).doesNotExist();
    }

    /** What the importer itself finds in a file, checked on a throwaway registry. */
    private ImportResult check(Path file) {
        try (AppContext ctx = AppContext.inMemory(dir.resolve("check"), java.time.Clock.systemDefaultZone())) {
            return new RosterImporter(ctx.people()).importFile(file, true, Progress.NONE);
        }
    }

    private int rowsOf(Path file) {
        return check(file).rowsRead();
    }
}
