package org.caredesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Person;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.PersonRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void export_writesTheRosterMasked_andPrintsTheCount() throws IOException {
        Path dataDir = dir.resolve("data");
        assertThat(CliRun.run(dataDir, "demo").exit()).isEqualTo(Cli.OK);
        int active;
        try (AppContext ctx = AppContext.open(dataDir)) {
            active = ctx.people().search(PersonQuery.text("")).total();
        }
        Path file = dir.resolve("花名册.xlsx");

        CliRun r = CliRun.run(dataDir, "export", "people", file.toString());

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
    void all_includesClosedFiles() {
        Path dataDir = dir.resolve("data");
        assertThat(CliRun.run(dataDir, "demo").exit()).isEqualTo(Cli.OK);
        int everyone;
        try (AppContext ctx = AppContext.open(dataDir)) {
            everyone = ctx.people().count();
            PersonRow first = ctx.people().search(PersonQuery.text("")).items().get(0);
            Person p = ctx.people().find(first.id()).orElseThrow();
            ctx.people().close(p.id(), CloseReason.MOVED_AWAY, LocalDate.now(), null, p.version());
        }

        CliRun active = CliRun.run(dataDir, "export", "people", dir.resolve("a.xlsx").toString());
        CliRun all = CliRun.run(dataDir, "export", "people", "--all", dir.resolve("b.xlsx").toString());

        assertThat(active.out()).containsExactly(
                I18n.get("cli.export.done", everyone - 1, dir.resolve("a.xlsx").toString()));
        assertThat(all.out()).containsExactly(I18n.get("cli.export.done", everyone, dir.resolve("b.xlsx").toString()));
    }

    @Test
    void folderWithoutCommunity_isRefused() {
        Path dataDir = dir.resolve("empty");

        CliRun r = CliRun.run(dataDir, "export", "people", dir.resolve("x.xlsx").toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).containsExactly(I18n.get("cli.noCommunity", dataDir.toString()));
        assertThat(dir.resolve("x.xlsx")).doesNotExist();
    }

    @Test
    void missingFileName_isUsageError() {
        CliRun r = CliRun.run(dir, "export", "people");

        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).containsExactly(
                I18n.get("cli.missingArgument", "export", new I18n.Key("cli.what.file")), I18n.get("cli.hint"));
    }
}
