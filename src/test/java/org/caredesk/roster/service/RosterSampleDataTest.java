package org.caredesk.roster.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.common.IdNumber;
import org.caredesk.common.Progress;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonField;
import org.caredesk.people.PersonMissingDetails;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.service.MissingDetailsService;
import org.caredesk.people.PersonRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** The committed sample rosters still load as documented, and still match their generator. */
@OnBothDatabases
class RosterSampleDataTest {
    @Parameter
    TestDatabase database;

    static final Path PEOPLE = Path.of("sample-data", "people.xlsx");
    static final Path WITH_ERRORS = Path.of("sample-data", "people-with-errors.xlsx");
    static final Path MINIMAL = Path.of("sample-data", "people-minimal.xlsx");

    @TempDir
    Path dir;
    private AppContext ctx;
    private RosterImporter importer;

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        ctx = database.context(dir.resolve("data"), Clock.systemDefaultZone());
        importer = new RosterImporter(ctx.people());
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void demoRoster_importsCleanly_withTheCommunityOfTheArticle() {
        ImportResult r = importer.importFile(PEOPLE, false, Progress.NONE);

        assertThat(r.problems()).isEmpty();
        assertThat(r.imported()).isEqualTo(105);
        assertThat(ctx.people().countActiveByCategory()).containsAllEntriesOf(Map.of(
                Category.RELEASED_PRISONER, 17, Category.DRUG_USER, 20, Category.CORRECTION, 3,
                Category.MENTAL_DISORDER, 32, Category.ELDERLY_ALONE, 25, Category.DISABLED, 20));
        assertThat(ctx.people().buildings()).hasSize(SampleDataGenerator.BUILDINGS);

        List<PersonRow> mental = rows(Category.MENTAL_DISORDER);
        long atRisk = mental.stream().map(row -> ctx.people().find(row.id()).orElseThrow())
                .map(p -> membership(p, Category.MENTAL_DISORDER).mentalRiskLevel()).filter(l -> l >= 3).count();
        assertThat(atRisk).isEqualTo(20);
        List<PersonRow> all = rows(null);
        assertThat(all).filteredOn(p -> p.categories().size() > 1).hasSize(12);
        assertThat(all).extracting(PersonRow::name).contains("买买提·艾力").doesNotHaveDuplicates();
    }

    @Test
    void demoRoster_datesFollowTheRules() {
        importer.importFile(PEOPLE, false, Progress.NONE);
        var reference = SampleDataGenerator.REFERENCE;

        for (PersonRow row : rows(null)) {
            Person p = ctx.people().find(row.id()).orElseThrow();
            assertThat(IdNumber.isValid(p.data().idNumber(), reference)).isTrue();
            for (Membership m : p.data().memberships()) {
                if (m.releaseDate() != null) {
                    assertThat(m.releaseDate()).isBetween(reference.minusYears(5), reference);
                }
                if (m.drugStartDate() != null) {
                    assertThat(m.drugStartDate()).isBetween(reference.minusYears(3), reference);
                }
                if (m.correctionStart() != null) {
                    assertThat(m.correctionStart()).isBefore(reference);
                    assertThat(m.correctionEnd()).isAfter(reference);
                }
            }
            if (p.data().categories().contains(Category.ELDERLY_ALONE)) {
                assertThat(p.birthDate()).isBefore(reference.minusYears(70));
            }
        }
    }

    @Test
    void errorRoster_showsEveryTypicalMistake_andWritesNothing() {
        ImportResult r = importer.importFile(WITH_ERRORS, false, Progress.NONE);

        assertThat(r.refused()).isTrue();
        assertThat(r.imported()).isZero();
        assertThat(ctx.people().count()).isZero();
        assertThat(r.rowsRead()).isEqualTo(13);
        assertThat(r.problems()).extracting(ImportProblem::row, ImportProblem::column, p -> p.problem().key())
                .containsExactly(
                        tuple(3, "证件号码", "problem.idNumber.checksum"),
                        tuple(4, "证件号码", "problem.idNumber.length"),
                        tuple(5, "证件号码", "roster.problem.idNumberAsNumber"),
                        tuple(6, "姓名", "problem.required"),
                        tuple(7, "人员类别", "roster.problem.unknownCategory"),
                        tuple(8, "联系电话", "problem.phone.invalid"),
                        tuple(9, "矫正结束日期", "problem.correctionEnd.beforeStart"),
                        tuple(10, "危险性等级", "problem.mentalRiskLevel.range"),
                        tuple(11, "证件号码", "roster.problem.duplicateInFile"),
                        tuple(12, "释放日期", "problem.future"));
        assertThat(r.problems().get(8).message()).contains("第 2 行");
    }

    @Test
    void minimalRoster_importsEveryone_andMarksTheDetailsToCome() {
        ImportResult r = importer.importFile(MINIMAL, false, Progress.NONE);

        assertThat(r.refused()).isFalse();
        assertThat(r.imported()).isEqualTo(7);
        // Six of the seven have a category with details (独居老人 has none): one sentence for the file.
        assertThat(r.problems()).extracting(ImportProblem::row, p -> p.problem().key())
                .containsExactly(tuple(0, "roster.problem.detailsMissing"));
        assertThat(r.problems().get(0).localized()).startsWith("有 6 人的类别资料不全");
        List<PersonMissingDetails> marked = new MissingDetailsService().activePeople(ctx.database().dsl());
        assertThat(marked).hasSize(6);
        assertThat(marked).flatExtracting(PersonMissingDetails::fields).contains(PersonField.RELEASE_DATE,
                PersonField.MENTAL_RISK_LEVEL, PersonField.CORRECTION_END, PersonField.DISABILITY_KIND,
                PersonField.DRUG_START_DATE);
    }

    @Test
    void committedFiles_matchTheGenerator() throws IOException {
        Path people = dir.resolve("people.xlsx");
        Path errors = dir.resolve("people-with-errors.xlsx");
        SampleDataGenerator.write(SampleDataGenerator.people(), people);
        SampleDataGenerator.write(SampleDataGenerator.peopleWithErrors(), errors);
        Path minimal = dir.resolve("people-minimal.xlsx");
        SampleDataGenerator.write(SampleDataGenerator.peopleMinimal(), minimal, SampleDataGenerator.MINIMAL_FIELDS);

        assertThat(cells(PEOPLE)).as("sample-data/people.xlsx; run SampleDataGenerator").isEqualTo(cells(people));
        assertThat(cells(WITH_ERRORS)).as("sample-data/people-with-errors.xlsx; run SampleDataGenerator")
                .isEqualTo(cells(errors));
        assertThat(cells(MINIMAL)).as("sample-data/people-minimal.xlsx; run SampleDataGenerator")
                .isEqualTo(cells(minimal));
    }

    @Test
    void demoRoster_isOnTheClasspathForTheDemoCommunity() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/sample-data/people.xlsx")) {
            assertThat(in).isNotNull();
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(PEOPLE));
        }
    }

    private List<PersonRow> rows(Category category) {
        List<PersonRow> rows = new ArrayList<>();
        ctx.people().forEachRow(new PersonQuery(null, category, null, null, null, PersonQuery.Sort.NAME, true, 0, 50),
                rows::add);
        return rows;
    }

    private static Membership membership(Person p, Category c) {
        return p.data().memberships().stream().filter(m -> m.category() == c).findFirst().orElseThrow();
    }

    /** Every cell as row:column=type:shown text, so a changed value, type or format is noticed. */
    private static List<String> cells(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        DataFormatter shown = new DataFormatter();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Row row : wb.getSheetAt(0)) {
                for (Cell c : row) {
                    out.add(c.getRowIndex() + ":" + c.getColumnIndex() + "=" + c.getCellType() + ":"
                            + shown.formatCellValue(c));
                }
            }
        }
        return out;
    }
}
