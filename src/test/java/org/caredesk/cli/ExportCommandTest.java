package org.caredesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caredesk.app.AppContext;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditQuery;
import org.caredesk.common.I18n;
import org.caredesk.common.IdNumber;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Person;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.PersonRow;
import org.caredesk.security.Role;
import org.caredesk.security.UserIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void export_writesTheRosterMasked_andPrintsTheCount() throws IOException {
        Path dataDir = dir.resolve("data");
        assertThat(CliRun.demo(dataDir).exit()).isEqualTo(Cli.OK);
        int active;
        try (AppContext ctx = CliRun.open(dataDir)) {
            active = ctx.people().search(PersonQuery.text("")).total();
        }
        Path file = dir.resolve("花名册.xlsx");

        CliRun r = CliRun.admin(dataDir, "export", "people", file.toString());

        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(r.out()).containsExactly(I18n.get("cli.export.done", active, file.toString()));
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(active);
            DataFormatter f = new DataFormatter();
            int idColumn = -1;
            for (int c = 0; c < sheet.getRow(0).getLastCellNum(); c++) {
                if ("证件号码".equals(f.formatCellValue(sheet.getRow(0).getCell(c)))) {
                    idColumn = c;
                }
            }
            assertThat(idColumn).isNotNegative();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                assertThat(f.formatCellValue(row.getCell(idColumn))).matches("[0-9A-Z]{3}\\*+[0-9X]{4}");
            }
        }
    }

    @Test
    void full_withAReason_byTheDirector_writesFullNumbers_andRecordsTheReason() throws IOException {
        Path dataDir = dir.resolve("data");
        assertThat(CliRun.demo(dataDir).exit()).isEqualTo(Cli.OK);
        Path file = dir.resolve("完整.xlsx");

        CliRun r = CliRun.admin(dataDir, "export", "people", file.toString(), "--full", "--reason", "区综治中心核对名单");

        assertThat(r.exit()).as(r.errText()).isEqualTo(Cli.OK);
        int rows = sheetRows(file);
        assertThat(r.out()).containsExactly(I18n.get("cli.export.doneFull", rows, file.toString()));
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                assertThat(sheet.getRow(i).getCell(1).getStringCellValue()).matches("[0-9]{17}[0-9X]");
            }
        }
        try (AppContext ctx = CliRun.open(dataDir)) {
            ctx.session().login(new UserIdentity(UUID.randomUUID(), "a", "a", EnumSet.of(Role.AUDITOR)),
                    ctx.clock().instant());
            AuditEntry export = ctx.audit().search(AuditQuery.all()).entries().stream()
                    .filter(e -> "EXPORT".equals(e.action())).findFirst().orElseThrow();
            assertThat(export.userName()).isEqualTo("admin");
            assertThat(export.detailText()).isEqualTo("导出到“完整.xlsx”，共 " + rows + " 行，含完整号码。原因：区综治中心核对名单");
        }
    }

    @Test
    void full_withoutAReason_isAUsageError_andWritesNothing() {
        Path dataDir = dir.resolve("data");
        Path file = dir.resolve("完整.xlsx");

        CliRun missing = CliRun.admin(dataDir, "export", "people", file.toString(), "--full");
        CliRun blank = CliRun.admin(dataDir, "export", "people", file.toString(), "--full", "--reason", " ");
        CliRun withoutFull = CliRun.admin(dataDir, "export", "people", file.toString(), "--reason", "核对");

        assertThat(missing.exit()).isEqualTo(Cli.USAGE);
        assertThat(missing.err()).containsExactly(I18n.get("cli.export.reasonRequired"), I18n.get("cli.hint"));
        assertThat(blank.exit()).isEqualTo(Cli.USAGE);
        assertThat(blank.err().get(0)).isEqualTo(I18n.get("cli.export.reasonRequired"));
        assertThat(withoutFull.exit()).isEqualTo(Cli.USAGE);
        assertThat(withoutFull.err().get(0)).isEqualTo(I18n.get("cli.export.reasonWithoutFull"));
        assertThat(file).doesNotExist();
        assertThat(dataDir.resolve("db")).as("refused before the data folder is opened").doesNotExist();
    }

    @Test
    void full_byTheFrontDesk_isRefused_whileTheMaskedExportWorks() {
        Path dataDir = dir.resolve("data");
        assertThat(CliRun.demo(dataDir).exit()).isEqualTo(Cli.OK);
        Path file = dir.resolve("完整.xlsx");

        CliRun full = CliRun.as("frontdesk", dataDir, "export", "people", file.toString(), "--full", "--reason", "核对");
        CliRun masked = CliRun.as("frontdesk", dataDir, "export", "people", dir.resolve("遮盖.xlsx").toString());

        assertThat(full.exit()).isEqualTo(Cli.FAILED);
        assertThat(full.err()).containsExactly(I18n.get("error.accessDenied",
                new I18n.Key("permission.PEOPLE_EXPORT_FULL")));
        assertThat(file).doesNotExist();
        assertThat(masked.exit()).isEqualTo(Cli.OK);
    }

    private static int sheetRows(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            return wb.getSheetAt(0).getLastRowNum();
        }
    }

    @Test
    void all_includesClosedFiles() {
        Path dataDir = dir.resolve("data");
        assertThat(CliRun.demo(dataDir).exit()).isEqualTo(Cli.OK);
        int everyone;
        try (AppContext ctx = CliRun.open(dataDir)) {
            everyone = ctx.people().count();
            PersonRow first = ctx.people().search(PersonQuery.text("")).items().get(0);
            Person p = ctx.people().find(first.id()).orElseThrow();
            ctx.people().close(p.id(), CloseReason.MOVED_AWAY, LocalDate.now(), null, p.version());
        }

        CliRun active = CliRun.admin(dataDir, "export", "people", dir.resolve("a.xlsx").toString());
        CliRun all = CliRun.admin(dataDir, "export", "people", "--all", dir.resolve("b.xlsx").toString());

        assertThat(active.out()).containsExactly(
                I18n.get("cli.export.done", everyone - 1, dir.resolve("a.xlsx").toString()));
        assertThat(all.out()).containsExactly(I18n.get("cli.export.done", everyone, dir.resolve("b.xlsx").toString()));
    }

    @Test
    void demoAndGeneratedPeople_areMarkedFictitious_andAPersonRegisteredByHandIsNot() throws IOException {
        Path dataDir = dir.resolve("data");
        assertThat(CliRun.demo(dataDir).exit()).isEqualTo(Cli.OK);
        assertThat(CliRun.admin(dataDir, "generate", "--people", "3", "--visits", "0").exit()).isEqualTo(Cli.OK);
        int everyone;
        try (AppContext ctx = CliRun.open(dataDir)) {
            String first17 = "11010519700101" + "987";
            ctx.people().register(PersonDraft.minimal("手工登记", first17 + IdNumber.checkChar(first17),
                    List.of(Membership.of(Category.ELDERLY_ALONE))));
            everyone = ctx.people().count();
        }
        Path file = dir.resolve("演示.xlsx");

        assertThat(CliRun.admin(dataDir, "export", "people", file.toString()).exit()).isEqualTo(Cli.OK);

        Map<String, String> marks = marks(file);
        assertThat(marks).hasSize(everyone);
        assertThat(marks.get("手工登记")).isEmpty();
        assertThat(marks.entrySet()).filteredOn(e -> !e.getKey().equals("手工登记"))
                .allSatisfy(e -> assertThat(e.getValue()).isEqualTo(I18n.get("roster.export.fictitiousYes")));
    }

    @Test
    void aRealCommunitysExport_hasNoFictitiousColumn() throws IOException {
        Path dataDir = dir.resolve("real");
        CliRun.setUp(dataDir, "锦华社区");
        try (AppContext ctx = CliRun.open(dataDir)) {
            String first17 = "11010519700101" + "123";
            ctx.people().register(PersonDraft.minimal("张三", first17 + IdNumber.checkChar(first17),
                    List.of(Membership.of(Category.ELDERLY_ALONE))));
        }
        Path file = dir.resolve("正式.xlsx");

        assertThat(CliRun.admin(dataDir, "export", "people", file.toString()).exit()).isEqualTo(Cli.OK);

        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Row head = wb.getSheetAt(0).getRow(0);
            DataFormatter f = new DataFormatter();
            for (int c = 0; c < head.getLastCellNum(); c++) {
                assertThat(f.formatCellValue(head.getCell(c))).isNotEqualTo(I18n.get("roster.export.fictitious"));
            }
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(1);
        }
    }

    /** Each exported name with its 虚构人员 cell ("" when empty); fails when the column is missing. */
    private static Map<String, String> marks(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter f = new DataFormatter();
            int mark = -1;
            for (int c = 0; c < sheet.getRow(0).getLastCellNum(); c++) {
                if (I18n.get("roster.export.fictitious").equals(f.formatCellValue(sheet.getRow(0).getCell(c)))) {
                    mark = c;
                }
            }
            assertThat(mark).as("the 虚构人员 column").isNotNegative();
            Map<String, String> marks = new HashMap<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                marks.put(f.formatCellValue(row.getCell(0)), f.formatCellValue(row.getCell(mark)));
            }
            return marks;
        }
    }

    @Test
    void folderWithoutCommunity_isRefused() {
        Path dataDir = dir.resolve("empty");

        CliRun r = CliRun.admin(dataDir, "export", "people", dir.resolve("x.xlsx").toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).containsExactly(I18n.get("cli.noCommunity", dataDir.toString()));
        assertThat(dir.resolve("x.xlsx")).doesNotExist();
    }

    @Test
    void missingFileName_isUsageError() {
        CliRun r = CliRun.admin(dir, "export", "people");

        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).containsExactly(
                I18n.get("cli.missingArgument", "export", new I18n.Key("cli.what.file")), I18n.get("cli.hint"));
    }
}
