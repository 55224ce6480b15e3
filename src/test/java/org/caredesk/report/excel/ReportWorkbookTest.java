package org.caredesk.report.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caredesk.common.I18n;
import org.caredesk.excel.StreamingExport;
import org.caredesk.people.Category;
import org.caredesk.report.DetailRow;
import org.caredesk.report.Figure;
import org.caredesk.report.FigureCatalogue;
import org.caredesk.report.MonthlyReport;
import org.caredesk.report.Period;
import org.caredesk.report.ReportPart;
import org.caredesk.report.ReportScope;
import org.caredesk.report.Section;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9: the workbook read back with POI: rates are formulas that recompute to the program's values (and show
 * "—" over a zero), every link lands on the list of the figure it sits on, user text that looks like a formula stays
 * text, ID numbers are text, every sheet prints A4 landscape one page wide, and "totals only" has no details.
 */
class ReportWorkbookTest {
    @TempDir
    Path dir;
    private final Map<String, Map<Period, List<DetailRow>>> rows = new HashMap<>();

    @BeforeEach
    void figures() {
        I18n.setLocale(I18n.CHINESE);
        for (Figure f : FigureCatalogue.all()) {
            if (!f.isRate()) {
                Map<Period, List<DetailRow>> m = new EnumMap<>(Period.class);
                for (Period p : Period.values()) {
                    if (f.has(p)) {
                        m.put(p, List.of());
                    }
                }
                rows.put(f.code(), m);
            }
        }
        put("走访.应访", Period.MONTH, row("=HYPERLINK(\"http://x\",\"点我\")", "+7栋", false),
                row("王秀英", "@3栋", false), row("李强", "-5栋", false), row("张桂兰", "3栋", true));
        put("走访.按时", Period.MONTH, row("王秀英", "3栋", false), row("李强", "5栋", false),
                row("张桂兰", "3栋", true));
        put(FigureCatalogue.registered(Category.MENTAL_DISORDER), Period.MONTH, row("王秀英", "3栋", false),
                row("李强", "5栋", false));
        put("精神障碍.在管", Period.MONTH, row("王秀英", "3栋", false));
    }

    private void put(String code, Period p, DetailRow... list) {
        rows.get(code).put(p, List.of(list));
    }

    private static DetailRow row(String name, String building, boolean fictitious) {
        return new DetailRow(UUID.randomUUID(), name, "110***********002X", building, "=周敏",
                LocalDate.of(2026, 11, 3), "-备注", fictitious);
    }

    private MonthlyReport report() {
        return new MonthlyReport(YearMonth.of(2026, 11), LocalDate.of(2026, 11, 30), ReportScope.ALL, "=锦华社区",
                LocalDateTime.of(2026, 12, 2, 9, 0), rows, List.of(
                        part(ReportPart.Kind.BUILDING, "3栋", 5, 4, 3, 2, 1),
                        part(ReportPart.Kind.BUILDING, "=1+1", 0, 0, 0, 0, 0),
                        part(ReportPart.Kind.STAFF, null, 5, 4, 3, 2, 1)));
    }

    private static ReportPart part(ReportPart.Kind kind, String name, int registered, int due, int onTime,
            int mental, int inCare) {
        Map<String, Integer> counts = new HashMap<>();
        for (String code : ReportPart.CODES) {
            if (!FigureCatalogue.get(code).isRate()) {
                counts.put(code, 0);
            }
        }
        counts.put(FigureCatalogue.registered(null), registered);
        counts.put("走访.应访", due);
        counts.put("走访.按时", onTime);
        counts.put(FigureCatalogue.registered(Category.MENTAL_DISORDER), mental);
        counts.put("精神障碍.在管", inCare);
        return new ReportPart(kind, name, counts);
    }

    private Path write(MonthlyReport r, boolean totalsOnly) {
        Path file = dir.resolve(totalsOnly ? "totals.xlsx" : "report.xlsx");
        ReportWorkbook.Cover cover = new ReportWorkbook.Cover(r.community(), "+王主任", LocalDate.of(2026, 12, 2),
                "审计链头 [caredesk-audit-head seq=1 hash=" + "0".repeat(64) + " at=2026-12-02T09:00:00]");
        new StreamingExport(dir.resolve("data").resolve("tmp"), "report.error.cannotWrite").write(file, "t-",
                wb -> {
                    new ReportWorkbook(r, cover, totalsOnly).write(wb);
                    return null;
                }, x -> { });
        return file;
    }

    @Test
    void detailListsLongerThanASheet_areRefusedInASentence_beforeAnythingIsWritten_andTotalsOnlyStillWorks() {
        MonthlyReport r = report();
        ReportWorkbook.Cover cover = new ReportWorkbook.Cover(r.community(), "王主任", LocalDate.of(2026, 12, 2), "");
        Path file = dir.resolve("big.xlsx");
        StreamingExport files = new StreamingExport(dir.resolve("data").resolve("tmp"), "report.error.cannotWrite");

        assertThatThrownBy(() -> files.write(file, "t-", wb -> {
            new ReportWorkbook(r, cover, false, 3).write(wb);
            return null;
        }, x -> { })).isInstanceOfSatisfying(org.caredesk.common.UserException.class,
                e -> assertThat(e.localized()).contains("超过了 Excel 一张表最多 3 行的上限", "仅合计"));
        assertThat(file).doesNotExist();

        files.write(file, "t-", wb -> {
            new ReportWorkbook(r, cover, true, 3).write(wb);
            return null;
        }, x -> { });
        assertThat(file).exists();
    }

    private static XSSFWorkbook read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** The row of a figure on its section sheet, found by its code in column C. */
    private static Row figureRow(XSSFWorkbook wb, String code) {
        Sheet s = wb.getSheet(ReportWorkbook.sheetName(FigureCatalogue.get(code).section()));
        for (Row r : s) {
            Cell c = r.getCell(2);
            if (c != null && c.getCellType() == CellType.STRING && code.equals(c.getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError("no row for " + code);
    }

    @Test
    void rates_areFormulasThatRecomputeToTheProgramsValues_andShowADashOverZero() throws Exception {
        MonthlyReport r = report();
        try (XSSFWorkbook wb = read(write(r, false))) {
            FormulaEvaluator eval = wb.getCreationHelper().createFormulaEvaluator();
            int checked = 0;
            for (Figure f : FigureCatalogue.all()) {
                if (!f.isRate()) {
                    continue;
                }
                for (Period p : Period.values()) {
                    if (!f.has(p)) {
                        continue;
                    }
                    Cell cell = figureRow(wb, f.code()).getCell(p == Period.MONTH ? ReportWorkbook.COL_MONTH
                            : ReportWorkbook.COL_YEAR);
                    assertThat(cell.getCellType()).isEqualTo(CellType.FORMULA);
                    OptionalDouble expected = r.rate(f, p);
                    var value = eval.evaluate(cell);
                    if (expected.isPresent()) {
                        assertThat(value.getNumberValue()).as(f.code() + " " + p).isEqualTo(expected.getAsDouble());
                        assertThat(cell.getNumericCellValue()).as("cached").isEqualTo(expected.getAsDouble());
                    } else {
                        assertThat(value.getStringValue()).as(f.code() + " " + p).isEqualTo("—");
                    }
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(4);
            Cell visitRate = figureRow(wb, FigureCatalogue.VISIT_RATE).getCell(ReportWorkbook.COL_MONTH);
            assertThat(eval.evaluate(visitRate).getNumberValue()).isEqualTo(0.75);
            assertThat(visitRate.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
        }
    }

    @Test
    void everyCountLinks_toTheListOfItsOwnFigure_withAsManyRowsAsItCounts() throws Exception {
        MonthlyReport r = report();
        try (XSSFWorkbook wb = read(write(r, false))) {
            int links = 0;
            for (Section s : Section.values()) {
                Sheet sheet = wb.getSheet(ReportWorkbook.sheetName(s));
                for (Row row : sheet) {
                    for (int col : new int[] {ReportWorkbook.COL_MONTH, ReportWorkbook.COL_YEAR}) {
                        Cell c = row.getCell(col);
                        Hyperlink h = c == null ? null : c.getHyperlink();
                        if (h == null) {
                            continue;
                        }
                        links++;
                        String code = row.getCell(2).getStringCellValue();
                        Period p = col == ReportWorkbook.COL_MONTH ? Period.MONTH : Period.YEAR_TO_DATE;
                        CellReference target = new CellReference(h.getAddress());
                        Sheet details = wb.getSheet(target.getSheetName());
                        assertThat(details).as(h.getAddress()).isNotNull();
                        String heading = details.getRow(target.getRow()).getCell(0).getStringCellValue();
                        assertThat(heading).startsWith("【" + code + "】")
                                .contains(I18n.get(p == Period.MONTH ? "report.col.month" : "report.col.year"));
                        int count = (int) c.getNumericCellValue();
                        assertThat(count).isEqualTo(r.count(code, p));
                        for (int i = 0; i < count; i++) {
                            Row d = details.getRow(target.getRow() + 1 + i);
                            assertThat(d.getCell(7).getStringCellValue()).as(code + " row " + i)
                                    .isEqualTo(r.rows(code, p).get(i).personId().toString());
                        }
                    }
                }
            }
            long counts = FigureCatalogue.all().stream().filter(f -> !f.isRate())
                    .mapToLong(f -> f.has(Period.YEAR_TO_DATE) ? 2 : 1).sum();
            assertThat(links).isEqualTo(counts);
        }
    }

    @Test
    void inEnglish_everyLinkAndEveryRateNameAnExistingSheet_thoughSomeNamesAreCutTo31Characters() throws Exception {
        I18n.setLocale(I18n.ENGLISH);
        try {
            MonthlyReport r = report();
            try (XSSFWorkbook wb = read(write(r, false))) {
                FormulaEvaluator eval = wb.getCreationHelper().createFormulaEvaluator();
                Cell rate = figureRow(wb, FigureCatalogue.CARE_RATE).getCell(ReportWorkbook.COL_MONTH);
                assertThat(eval.evaluate(rate).getNumberValue()).isEqualTo(0.5);
                int links = 0;
                for (Section s : Section.values()) {
                    for (Hyperlink h : wb.getSheet(ReportWorkbook.sheetName(s)).getHyperlinkList()) {
                        CellReference target = new CellReference(h.getAddress());
                        assertThat(wb.getSheet(target.getSheetName())).as(h.getAddress()).isNotNull();
                        assertThat(wb.getSheet(target.getSheetName()).getRow(target.getRow()).getCell(0)
                                .getStringCellValue()).startsWith("[");
                        links++;
                    }
                }
                assertThat(links).isPositive();
                assertThat(ReportWorkbook.detailSheetName(Section.MENTAL_DISORDERS)).hasSize(31);
            }
        } finally {
            I18n.setLocale(I18n.CHINESE);
        }
    }

    @Test
    void theSheetPerBuildingAndCaseworker_hasARowEach_withRatesAsFormulasOverTheRow() throws Exception {
        try (XSSFWorkbook wb = read(write(report(), false))) {
            Sheet s = wb.getSheet("分楼栋分责任人");
            FormulaEvaluator eval = wb.getCreationHelper().createFormulaEvaluator();
            int rateCol = 2 + ReportPart.CODES.indexOf(FigureCatalogue.VISIT_RATE);
            int careCol = 2 + ReportPart.CODES.indexOf(FigureCatalogue.CARE_RATE);
            Row first = s.getRow(ReportWorkbook.FIRST_FIGURE_ROW);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("楼栋");
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("3栋");
            assertThat(eval.evaluate(first.getCell(rateCol)).getNumberValue()).isEqualTo(0.75);
            assertThat(eval.evaluate(first.getCell(careCol)).getNumberValue()).isEqualTo(0.5);
            Row second = s.getRow(ReportWorkbook.FIRST_FIGURE_ROW + 1);
            assertThat(second.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(second.getCell(1).getStringCellValue()).isEqualTo("=1+1");
            assertThat(eval.evaluate(second.getCell(rateCol)).getStringValue()).isEqualTo("—");
            Row third = s.getRow(ReportWorkbook.FIRST_FIGURE_ROW + 2);
            assertThat(third.getCell(0).getStringCellValue()).isEqualTo("帮扶责任人");
            assertThat(third.getCell(1).getStringCellValue()).isEqualTo("（未填）");
        }
    }

    @Test
    void userTextThatLooksLikeAFormula_staysText_andIdNumbersAreText() throws Exception {
        try (XSSFWorkbook wb = read(write(report(), false))) {
            Sheet details = wb.getSheet(ReportWorkbook.detailSheetName(Section.VISITS));
            List<Cell> risky = new ArrayList<>();
            for (Row row : details) {
                for (Cell c : row) {
                    assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
                    if (c.getCellType() == CellType.STRING && !c.getStringCellValue().isEmpty()
                            && "=+-@".indexOf(c.getStringCellValue().charAt(0)) >= 0) {
                        risky.add(c);
                    }
                }
            }
            assertThat(risky).extracting(Cell::getStringCellValue)
                    .contains("=HYPERLINK(\"http://x\",\"点我\")", "+7栋", "@3栋", "-5栋", "=周敏", "-备注");
            assertThat(risky).allSatisfy(c -> assertThat(c.getCellStyle().getQuotePrefixed()).isTrue());
            Row first = details.getRow(3);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("110***********002X");
            assertThat(first.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("@");
            Sheet cover = wb.getSheet("封面");
            for (Row row : cover) {
                for (Cell c : row) {
                    assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
                }
            }
            assertThat(cover.getRow(3).getCell(1).getStringCellValue()).isEqualTo("=锦华社区");
            assertThat(cover.getRow(6).getCell(1).getStringCellValue()).isEqualTo("+王主任");
        }
    }

    @Test
    void fictitiousPeople_areNamedInTheTitles_andMarkedOnTheirRows() throws Exception {
        try (XSSFWorkbook wb = read(write(report(), false))) {
            assertThat(wb.getSheet("封面").getRow(0).getCell(0).getStringCellValue()).endsWith("（含虚构人员）");
            Sheet details = wb.getSheet(ReportWorkbook.detailSheetName(Section.VISITS));
            assertThat(details.getRow(0).getCell(0).getStringCellValue()).contains("含虚构人员");
            assertThat(details.getRow(1).getCell(8).getStringCellValue()).isEqualTo("虚构人员");
            assertThat(details.getRow(6).getCell(8).getStringCellValue()).startsWith("是");
            assertThat(details.getRow(3).getCell(8).getStringCellValue()).isEmpty();
        }
    }

    @Test
    void everySheet_printsA4Landscape_oneWide_withItsHeaderRepeated() throws Exception {
        try (XSSFWorkbook wb = read(write(report(), false))) {
            for (Sheet s : wb) {
                assertThat(s.getPrintSetup().getLandscape()).as(s.getSheetName()).isTrue();
                assertThat(s.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup
                        .A4_PAPERSIZE);
                assertThat(s.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
                assertThat(s.getHeader().getCenter()).isNotBlank();
            }
            assertThat(wb.getSheet(ReportWorkbook.sheetName(Section.VISITS)).getRepeatingRows().getLastRow())
                    .isEqualTo(ReportWorkbook.FIRST_FIGURE_ROW - 1);
            assertThat(wb.getSheet(ReportWorkbook.sheetName(Section.VISITS)).getMergedRegions()).hasSizeGreaterThan(4);
        }
    }

    @Test
    void totalsOnly_hasNoDetailSheets_andNoLinks() throws Exception {
        try (XSSFWorkbook wb = read(write(report(), true))) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).hasSize(1 + Section.values().length + 2).noneMatch(n -> n.startsWith("明细"));
            for (Section s : Section.values()) {
                assertThat(wb.getSheet(ReportWorkbook.sheetName(s)).getHyperlinkList()).isEmpty();
            }
            assertThat(figureRow(wb, "走访.应访").getCell(ReportWorkbook.COL_MONTH).getNumericCellValue()).isEqualTo(4);
        }
        assertThat(dir.resolve("data").resolve("tmp")).isEmptyDirectory();
    }
}
