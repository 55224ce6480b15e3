package org.caredesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caredesk.common.I18n;
import org.caredesk.roster.service.RosterTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sheet the program writes prints on its own (brief, "Testing as a person would"): A4 landscape, all columns
 * on one page width, the header row frozen and repeated on every page, the title and as-of date in the page header.
 */
class PrintLayoutTest {
    @TempDir
    static Path dir;
    static Path dataDir;

    @BeforeAll
    static void demo() {
        dataDir = dir.resolve("data");
        assertThat(CliRun.demo(dataDir).exit()).isEqualTo(Cli.OK);
    }

    @Test
    void theRosterExport_printsAcrossOnePageWidth_withItsHeaderOnEveryPage() throws IOException {
        Path file = dir.resolve("名单.xlsx");
        assertThat(CliRun.admin(dataDir, "export", "people", file.toString()).exit()).isEqualTo(Cli.OK);

        try (XSSFWorkbook wb = open(file)) {
            assertPrintsOnItsOwn(wb.getSheetAt(0), I18n.get("roster.export.titleFictitious"), true);
        }
    }

    @Test
    void theAuditExport_printsBothSheetsOnTheirOwn() throws IOException {
        Path file = dir.resolve("审计.xlsx");
        assertThat(CliRun.as("auditor", dataDir, "audit", "export", file.toString()).exit()).isEqualTo(Cli.OK);

        try (XSSFWorkbook wb = open(file)) {
            assertPrintsOnItsOwn(wb.getSheetAt(0), I18n.get("audit.export.sheet"), true);
            assertPrintsOnItsOwn(wb.getSheetAt(1), I18n.get("audit.export.anchorSheet"), false);
        }
    }

    @Test
    void theTemplate_printsBothSheetsOnTheirOwn() throws IOException {
        Path file = dir.resolve("模板.xlsx");
        RosterTemplate.write(file, dataDir, LocalDate.now());

        try (XSSFWorkbook wb = open(file)) {
            assertPrintsOnItsOwn(wb.getSheetAt(0), I18n.get("roster.template.printTitle"), true);
            assertPrintsOnItsOwn(wb.getSheetAt(1), I18n.get("roster.template.helpSheet"), false);
        }
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static void assertPrintsOnItsOwn(XSSFSheet sheet, String title, boolean headerRow) {
        PrintSetup print = sheet.getPrintSetup();
        assertThat(print.getPaperSize()).as("A4").isEqualTo(PrintSetup.A4_PAPERSIZE);
        assertThat(print.getLandscape()).as("landscape").isTrue();
        assertThat(sheet.getFitToPage()).as("fit to page").isTrue();
        assertThat(print.getFitWidth()).as("one page wide").isEqualTo((short) 1);
        assertThat(print.getFitHeight()).as("as many pages down as needed").isZero();
        assertThat(sheet.getHeader().getCenter()).contains(title);
        assertThat(sheet.getHeader().getRight()).contains(LocalDate.now().toString());
        assertThat(sheet.getFooter().getCenter()).contains("&P").contains("&N");
        if (headerRow) {
            assertThat(sheet.getRepeatingRows()).as("header repeated on every page").isNotNull();
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("1:1");
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane).as("header frozen").isNotNull();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat((int) pane.getHorizontalSplitPosition()).isEqualTo(1);
        }
    }
}
