package org.caredesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caredesk.app.AppContext;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditQuery;
import org.caredesk.common.I18n;
import org.caredesk.report.FigureCatalogue;
import org.caredesk.report.Section;
import org.caredesk.report.excel.ReportWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9: {@code report monthly} and {@code report codes} on a demo folder, as a user would run them. */
class ReportCommandTest {
    @TempDir
    Path dir;
    private Path dataDir;

    @BeforeEach
    void demo() {
        I18n.setLocale(I18n.CHINESE);
        dataDir = dir.resolve("data");
        assertThat(CliRun.demo(dataDir).exit()).isEqualTo(Cli.OK);
    }

    private static XSSFWorkbook read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    @Test
    void monthly_writesTheWorkbook_withCoverSectionsDefinitionsAndDetails_andRecordsTheExport() throws Exception {
        Path out = dir.resolve("本月.xlsx");
        String month = java.time.YearMonth.now().toString();

        CliRun r = CliRun.admin(dataDir, "report", "monthly", "--month", month, "--out", out.toString());

        assertThat(r.exit()).as(r.errText()).isEqualTo(Cli.OK);
        assertThat(r.outText()).contains(month).contains(out.toString());
        try (XSSFWorkbook wb = read(out)) {
            List<String> names = sheetNames(wb);
            assertThat(names.get(0)).isEqualTo("封面");
            for (Section s : Section.values()) {
                assertThat(names).contains(ReportWorkbook.sheetName(s), ReportWorkbook.detailSheetName(s));
            }
            assertThat(names).contains("指标说明");
            Sheet cover = wb.getSheet("封面");
            assertThat(cover.getRow(0).getCell(0).getStringCellValue()).as("the demo's people are invented")
                    .contains("含虚构人员");
            StringBuilder all = new StringBuilder();
            for (Row row : cover) {
                row.forEach(c -> all.append(c.toString()).append('|'));
            }
            assertThat(all).contains("填报单位").contains("[caredesk-audit-head seq=");
        }
        assertThat(dataDir.resolve("tmp")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
                p -> assertThat(p).isEmptyDirectory());
        try (AppContext ctx = CliRun.login().open(dataDir, "auditor", CliRun.PW.toCharArray()).ctx()) {
            List<AuditEntry> exports = ctx.audit().search(AuditQuery.all().withPage(0, 10_000)).entries().stream()
                    .filter(e -> e.action().equals(AuditAction.EXPORT.name()) && "REPORT".equals(e.objectType()))
                    .toList();
            assertThat(exports).hasSize(1);
            assertThat(exports.get(0).objectLabel()).isEqualTo("本月.xlsx");
        }
    }

    @Test
    void monthly_totalsOnly_leavesTheDetailSheetsOut() throws Exception {
        Path out = dir.resolve("totals.xlsx");

        CliRun r = CliRun.admin(dataDir, "report", "monthly", "--month", "2026-11", "--totals-only", "--out",
                out.toString());

        assertThat(r.exit()).as(r.errText()).isEqualTo(Cli.OK);
        try (XSSFWorkbook wb = read(out)) {
            assertThat(sheetNames(wb)).noneMatch(n -> n.startsWith("明细"));
            assertThat(wb.getSheet(ReportWorkbook.sheetName(Section.VISITS)).getHyperlinkList()).isEmpty();
        }
    }

    @Test
    void monthly_forOneBuilding() throws Exception {
        Path out = dir.resolve("7.xlsx");

        CliRun r = CliRun.admin(dataDir, "report", "monthly", "--month", "2026-11", "--scope", "building:7栋",
                "--out", out.toString());

        assertThat(r.exit()).as(r.errText()).isEqualTo(Cli.OK);
        try (XSSFWorkbook wb = read(out)) {
            assertThat(wb.getSheet("重点人群").getRow(1).getCell(0).getStringCellValue()).contains("楼栋：7栋");
        }
    }

    @Test
    void monthly_refusesWhatItCannotDo_inOneSentence() {
        Path out = dir.resolve("x.xlsx");
        CliRun noMonth = CliRun.admin(dataDir, "report", "monthly", "--out", out.toString());
        assertThat(noMonth.exit()).isEqualTo(Cli.USAGE);
        assertThat(noMonth.errText()).contains(I18n.get("cli.report.monthRequired"));

        CliRun badMonth = CliRun.admin(dataDir, "report", "monthly", "--month", "2026-13", "--out", out.toString());
        assertThat(badMonth.exit()).isEqualTo(Cli.USAGE);
        assertThat(badMonth.errText()).contains(I18n.get("cli.report.monthInvalid", "2026-13"));

        CliRun noOut = CliRun.admin(dataDir, "report", "monthly", "--month", "2026-11");
        assertThat(noOut.exit()).isEqualTo(Cli.USAGE);
        assertThat(noOut.errText()).contains(I18n.get("cli.report.outRequired"));

        CliRun future = CliRun.admin(dataDir, "report", "monthly", "--month", "2099-01", "--out", out.toString());
        assertThat(future.exit()).isEqualTo(Cli.FAILED);
        assertThat(future.errText()).contains(I18n.get("report.error.futureMonth", "2099-01"));

        CliRun scope = CliRun.admin(dataDir, "report", "monthly", "--month", "2026-11", "--scope", "7栋", "--out",
                out.toString());
        assertThat(scope.exit()).isEqualTo(Cli.FAILED);
        assertThat(scope.errText()).contains(I18n.get("report.error.scope", "7栋"));

        Path inside = dataDir.resolve("db").resolve("report.xlsx");
        CliRun guarded = CliRun.admin(dataDir, "report", "monthly", "--month", "2026-11", "--out", inside.toString());
        assertThat(guarded.exit()).isEqualTo(Cli.FAILED);
        assertThat(inside).doesNotExist();
        assertThat(out).doesNotExist();
    }

    @Test
    void monthly_byTheAuditor_isRefused() {
        Path out = dir.resolve("a.xlsx");

        CliRun r = CliRun.as("auditor", dataDir, "report", "monthly", "--month", "2026-11", "--out", out.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.errText()).contains(I18n.get("error.accessDenied", I18n.get("permission.REPORT_READ")));
        assertThat(out).doesNotExist();
    }

    @Test
    void codes_writesEveryFigureCode_withItsPlaceholders() throws Exception {
        Path out = dir.resolve("codes.xlsx");

        CliRun r = CliRun.admin(dataDir, "report", "codes", out.toString());

        assertThat(r.exit()).as(r.errText()).isEqualTo(Cli.OK);
        try (XSSFWorkbook wb = read(out)) {
            Sheet s = wb.getSheetAt(0);
            List<String> codes = new ArrayList<>();
            for (int i = 1; i <= s.getLastRowNum(); i++) {
                codes.add(s.getRow(i).getCell(0).getStringCellValue());
            }
            assertThat(codes).containsExactlyElementsOf(FigureCatalogue.all().stream().map(f -> f.code()).toList());
            assertThat(codes).contains("在册.严重精神障碍患者", "走访完成率");
            int rate = codes.indexOf("走访完成率") + 1;
            assertThat(s.getRow(rate).getCell(3).getStringCellValue()).isEqualTo("{{走访完成率.本月}}");
        }
    }

    @Test
    void send_writesTheWorkbook_keepsItAsTheNextVersion_andDiffComparesWithTheNewest() throws Exception {
        Path first = dir.resolve("十一月报送.xlsx");
        CliRun sent = CliRun.admin(dataDir, "report", "send", "--month", "2026-11", "--totals-only", "--out",
                first.toString());
        assertThat(sent.exit()).as(sent.errText()).isEqualTo(Cli.OK);
        assertThat(sent.outText()).contains("2026-11（全社区）", "第 1 版", first.toString());
        assertThat(first).exists();

        CliRun same = CliRun.admin(dataDir, "report", "diff", "--month", "2026-11");
        assertThat(same.exit()).as(same.errText()).isEqualTo(Cli.OK);
        assertThat(same.outText()).contains("与第 1 版报送", "没有变化。");

        Path second = dir.resolve("十一月更正.xlsx");
        CliRun again = CliRun.admin(dataDir, "report", "send", "--month", "2026-11", "--out", second.toString());
        assertThat(again.outText()).contains("第 2 版");
        assertThat(CliRun.admin(dataDir, "report", "diff", "--month", "2026-11").outText()).contains("与第 2 版报送");
        try (AppContext ctx = CliRun.login().open(dataDir, "admin", CliRun.PW.toCharArray()).ctx()) {
            var archive = ctx.service(org.caredesk.report.archive.service.ReportArchive.class);
            var versions = archive.history(java.time.YearMonth.of(2026, 11), org.caredesk.report.ReportScope.ALL);
            assertThat(versions).hasSize(2);
            Path kept = dir.resolve("kept.xlsx");
            archive.writeWorkbook(versions.get(1).id(), kept);
            assertThat(Files.readAllBytes(kept)).as("the first version is kept byte for byte")
                    .isEqualTo(Files.readAllBytes(first));
        }
    }

    @Test
    void send_isRefused_forAMonthUnderWay_orACaseworker_beforeAnyFileIsWritten_andDiffNeedsASentVersion() {
        Path out = dir.resolve("x.xlsx");
        String thisMonth = java.time.YearMonth.now().toString();

        CliRun early = CliRun.admin(dataDir, "report", "send", "--month", thisMonth, "--out", out.toString());
        assertThat(early.exit()).isEqualTo(Cli.FAILED);
        assertThat(early.errText()).contains(thisMonth + " 月还没有结束");
        CliRun caseworker = CliRun.as("caseworker", dataDir, "report", "send", "--month", "2026-11", "--out",
                out.toString());
        assertThat(caseworker.exit()).isEqualTo(Cli.FAILED);
        assertThat(caseworker.errText()).contains(I18n.get("permission.REPORT_SEND"));
        assertThat(out).doesNotExist();

        CliRun nothing = CliRun.admin(dataDir, "report", "diff", "--month", "2026-10");
        assertThat(nothing.exit()).isEqualTo(Cli.FAILED);
        assertThat(nothing.errText()).contains("2026-10（全社区）的报表还没有报送过");
    }

    @Test
    void monthly_withTheDemoDistrictsTemplate_fillsEveryPlaceholder_andKeepsTheRest() throws Exception {
        Path template = Path.of("sample-data", "区综治月报模板.xlsx");
        Path out = dir.resolve("区报表.xlsx");

        CliRun r = CliRun.admin(dataDir, "report", "monthly", "--month", "2026-11", "--template",
                template.toString(), "--out", out.toString());

        assertThat(r.exit()).as(r.errText()).isEqualTo(Cli.OK);
        assertThat(r.outText()).contains("区综治月报模板.xlsx", out.toString());
        try (XSSFWorkbook filled = read(out); XSSFWorkbook original = read(template)) {
            assertThat(sheetNames(filled)).isEqualTo(sheetNames(original));
            for (Sheet sheet : filled) {
                for (Row row : sheet) {
                    row.forEach(c -> assertThat(c.toString()).as(sheet.getSheetName() + " " + c.getAddress())
                            .doesNotContain("{{"));
                }
            }
        }
    }

    @Test
    void monthly_withATemplateNamingAnUnknownFigure_isRefused_cellByCell_andWritesNothing() throws Exception {
        Path template = dir.resolve("错的模板.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("表1").createRow(4).createCell(2).setCellValue("{{走访率}}");
            try (var os = Files.newOutputStream(template)) {
                wb.write(os);
            }
        }
        Path out = dir.resolve("x.xlsx");

        CliRun r = CliRun.admin(dataDir, "report", "monthly", "--month", "2026-11", "--template",
                template.toString(), "--out", out.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.errText()).contains("表1", "C5", "{{走访率}}");
        assertThat(out).doesNotExist();
    }
}
