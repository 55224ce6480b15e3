package org.caredesk.report.excel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.caredesk.common.I18n;
import org.caredesk.common.UserException;
import org.caredesk.excel.PrintLayout;
import org.caredesk.report.DetailRow;
import org.caredesk.report.Figure;
import org.caredesk.report.FigureCatalogue;
import org.caredesk.report.MonthlyReport;
import org.caredesk.report.Period;
import org.caredesk.report.ReportPart;
import org.caredesk.report.Section;

/**
 * The report as a workbook in the layout of Chinese government statistical forms: a cover (封面), one sheet per
 * section (title, merged header, 本月 / 本年累计, unit, 说明 under the table), the definitions (指标说明) and, unless
 * only totals are wanted, one detail sheet (明细) per section whose lists the section's numbers link to. Rates are
 * formulas over the count cells, with the program's own value as the cached result.
 */
public final class ReportWorkbook {
    /** Section sheets: 序号, 指标名称, 指标代码, 单位, 本月, 本年累计. */
    public static final int COL_MONTH = 4;
    public static final int COL_YEAR = 5;
    /** The first figure's row on a section sheet (after the title, the subtitle and two header rows). */
    public static final int FIRST_FIGURE_ROW = 4;
    private static final int[] SECTION_WIDTHS = {6, 30, 34, 6, 12, 12};
    private static final int[] DETAIL_WIDTHS = {6, 12, 22, 10, 12, 12, 40, 38, 14};
    private static final int DETAIL_HEADER_ROWS = 2;

    /**
     * What the cover says besides the figures.
     *
     * @param preparedBy the display name of the user who wrote the workbook (填报人)
     * @param anchor     the audit chain's head, as {@code ChainAnchor.line()} writes it
     */
    public record Cover(String community, String preparedBy, LocalDate preparedOn, String anchor) {}

    private final MonthlyReport report;
    private final Cover cover;
    private final boolean totalsOnly;
    private final int maxSheetRows;
    private final boolean fictitious;
    /** Where each count of each period sits on its section sheet. */
    /** The rows an .xlsx sheet can hold (Excel's limit). */
    static final int MAX_SHEET_ROWS = 1_048_576;

    private final Map<String, int[]> countCells = new HashMap<>();
    /** Where each count's list starts on its detail sheet, per period. */
    private final Map<String, Map<Period, Integer>> detailRows = new HashMap<>();
    private Cells cells;

    public ReportWorkbook(MonthlyReport report, Cover cover, boolean totalsOnly) {
        this(report, cover, totalsOnly, MAX_SHEET_ROWS);
    }

    /** With a smaller sheet than Excel's, so a test reaches the limit without a million rows. */
    ReportWorkbook(MonthlyReport report, Cover cover, boolean totalsOnly, int maxSheetRows) {
        this.report = report;
        this.cover = cover;
        this.totalsOnly = totalsOnly;
        this.fictitious = report.hasFictitious();
        this.maxSheetRows = maxSheetRows;
    }

    /** The sheet of a section (its label), and of its details. */
    public static String sheetName(Section s) {
        return WorkbookUtil.createSafeSheetName(I18n.get("report.section." + s.name()));
    }

    /** Cut to Excel's 31 characters here, so the links and formulas name the sheet exactly as it is called. */
    public static String detailSheetName(Section s) {
        return WorkbookUtil.createSafeSheetName(I18n.get("report.sheet.details", sheetName(s)));
    }

    public void write(SXSSFWorkbook wb) {
        cells = new Cells(wb);
        layOut();
        writeCover(wb.createSheet(I18n.get("report.sheet.cover")));
        for (Section s : Section.values()) {
            writeSection(wb.createSheet(sheetName(s)), s);
        }
        if (!report.parts().isEmpty()) {
            writeParts(wb.createSheet(I18n.get("report.sheet.parts")));
        }
        writeDefinitions(wb.createSheet(I18n.get("report.sheet.definitions")));
        if (!totalsOnly) {
            for (Section s : Section.values()) {
                writeDetails(wb.createSheet(detailSheetName(s)), s);
            }
        }
        wb.setForceFormulaRecalculation(true);
    }

    /** Places every count before anything is written: rates refer to counts on other sheets, links to details. */
    private void layOut() {
        for (Section s : Section.values()) {
            int row = FIRST_FIGURE_ROW;
            int detail = DETAIL_HEADER_ROWS;
            for (Figure f : FigureCatalogue.of(s)) {
                countCells.put(f.code(), new int[] {row++});
                if (f.isRate()) {
                    continue;
                }
                Map<Period, Integer> at = new EnumMap<>(Period.class);
                for (Period p : Period.values()) {
                    if (f.has(p)) {
                        at.put(p, detail);
                        detail += 2 + report.count(f.code(), p);
                    }
                }
                detailRows.put(f.code(), at);
            }
            if (!totalsOnly && detail > maxSheetRows) {
                // Found at 50,000 people and a million visits: one section's lists outgrow a sheet. Said before
                // anything is written, with the two ways out, instead of failing halfway through the file.
                throw new UserException("report.error.detailsTooLong", sheetName(s), String.valueOf(detail),
                        String.valueOf(maxSheetRows));
            }
        }
    }

    private String periodText() {
        LocalDate end = report.asOf();
        return I18n.get("report.cover.periodValue", report.month().atDay(1).toString(), end.toString(),
                LocalDate.of(end.getYear(), 1, 1).toString());
    }

    private String year() {
        return String.valueOf(report.month().getYear());
    }

    private String monthNo() {
        return String.valueOf(report.month().getMonthValue());
    }

    private String scopeText() {
        return report.scope().label();
    }

    private String title() {
        String t = I18n.get("report.title", year(), monthNo());
        return fictitious ? t + I18n.get("report.title.fictitious") : t;
    }

    private void writeCover(Sheet sheet) {
        sheet.setColumnWidth(0, 16 * 256);
        sheet.setColumnWidth(1, 90 * 256);
        Row t = sheet.createRow(0);
        t.setHeightInPoints(30);
        cells.styled(t, 0, title(), cells.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 1));
        String[][] lines = {
            {I18n.get("report.cover.name"), title()},
            {I18n.get("report.cover.unit"), cover.community()},
            {I18n.get("report.cover.period"), periodText()},
            {I18n.get("report.cover.scope"), scopeText()},
            {I18n.get("report.cover.preparedBy"), cover.preparedBy()},
            {I18n.get("report.cover.reviewer"), "______________________"},
            {I18n.get("report.cover.date"), cover.preparedOn().toString()},
            {I18n.get("report.cover.signature"), "______________________　　" + I18n.get("report.cover.seal")},
            {I18n.get("report.cover.anchor"), cover.anchor()}};
        int r = 2;
        for (String[] line : lines) {
            Row row = sheet.createRow(r++);
            row.setHeightInPoints(Math.max(22, PrintLayout.wrappedHeight(line[1] == null ? "" : line[1], 90)));
            cells.styled(row, 0, line[0], cells.header);
            cells.text(row, 1, line[1], true);
        }
        if (fictitious) {
            Row row = sheet.createRow(r + 1);
            cells.styled(row, 0, I18n.get("report.note.fictitious"), cells.note);
            sheet.addMergedRegion(new CellRangeAddress(r + 1, r + 1, 0, 1));
        }
        PrintLayout.apply(sheet, title(), report.asOf(), 0);
    }

    private void writeSection(Sheet sheet, Section s) {
        for (int i = 0; i < SECTION_WIDTHS.length; i++) {
            sheet.setColumnWidth(i, SECTION_WIDTHS[i] * 256);
        }
        String title = I18n.get("report.section.title", cover.community(), year(), monthNo(),
                sheetName(s));
        Row t = sheet.createRow(0);
        t.setHeightInPoints(28);
        cells.text(t, 0, title, false).setCellStyle(cells.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
        Row sub = sheet.createRow(1);
        cells.styled(sub, 0, I18n.get("report.section.subtitle", periodText(), scopeText()), cells.subtitle);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 5));
        Row h1 = sheet.createRow(2);
        Row h2 = sheet.createRow(3);
        String[] top = {I18n.get("report.col.no"), I18n.get("report.col.figure"), null, I18n.get("report.col.unit"),
            I18n.get("report.col.value"), null};
        String[] bottom = {null, I18n.get("report.col.name"), I18n.get("report.col.code"), null,
            I18n.get("report.col.month"), I18n.get("report.col.year")};
        for (int i = 0; i < top.length; i++) {
            cells.styled(h1, i, top[i], cells.header);
            cells.styled(h2, i, bottom[i], cells.header);
        }
        sheet.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
        sheet.addMergedRegion(new CellRangeAddress(2, 2, 1, 2));
        sheet.addMergedRegion(new CellRangeAddress(2, 3, 3, 3));
        sheet.addMergedRegion(new CellRangeAddress(2, 2, 4, 5));
        int n = 0;
        int r = FIRST_FIGURE_ROW;
        for (Figure f : FigureCatalogue.of(s)) {
            Row row = sheet.createRow(r);
            cells.styled(row, 0, null, cells.number).setCellValue(++n);
            cells.styled(row, 1, f.name(), cells.text);
            cells.styled(row, 2, f.code(), cells.text);
            cells.styled(row, 3, f.unitText(), cells.text);
            for (Period p : Period.values()) {
                int col = p == Period.MONTH ? COL_MONTH : COL_YEAR;
                if (!f.has(p)) {
                    cells.styled(row, col, "—", cells.number);
                } else if (f.isRate()) {
                    rate(row.createCell(col), f, p);
                } else {
                    Cell c = cells.styled(row, col, null, cells.number);
                    c.setCellValue(report.count(f.code(), p));
                    if (!totalsOnly) {
                        cells.linkTo(c, detailSheetName(s), detailRows.get(f.code()).get(p), 0);
                    }
                }
            }
            r++;
        }
        Row note = sheet.createRow(r + 1);
        String text = I18n.get("report.section.note", report.asOf().toString())
                + (totalsOnly ? "" : I18n.get("report.section.noteLinks"))
                + (fictitious ? I18n.get("report.note.fictitious") : "");
        note.setHeightInPoints(PrintLayout.wrappedHeight(text, 100));
        cells.styled(note, 0, text, cells.note);
        sheet.addMergedRegion(new CellRangeAddress(r + 1, r + 1, 0, 5));
        PrintLayout.apply(sheet, title, report.asOf(), FIRST_FIGURE_ROW);
    }

    /** The main figures per building and per caseworker, one row each; rates are formulas over the row. */
    private void writeParts(Sheet sheet) {
        List<String> codes = ReportPart.CODES;
        int columns = 2 + codes.size();
        sheet.setColumnWidth(0, 12 * 256);
        sheet.setColumnWidth(1, 16 * 256);
        for (int i = 0; i < codes.size(); i++) {
            sheet.setColumnWidth(2 + i, 13 * 256);
        }
        String title = I18n.get("report.parts.title", cover.community(), year(), monthNo());
        Row t = sheet.createRow(0);
        t.setHeightInPoints(28);
        cells.text(t, 0, title, false).setCellStyle(cells.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
        Row sub = sheet.createRow(1);
        cells.styled(sub, 0, I18n.get("report.section.subtitle", periodText(), scopeText()), cells.subtitle);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns - 1));
        Row names = sheet.createRow(2);
        Row codeRow = sheet.createRow(3);
        names.setHeightInPoints(46);
        cells.styled(names, 0, I18n.get("report.parts.kind"), cells.header);
        cells.styled(names, 1, I18n.get("report.parts.name"), cells.header);
        cells.styled(codeRow, 0, null, cells.header);
        cells.styled(codeRow, 1, null, cells.header);
        sheet.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
        sheet.addMergedRegion(new CellRangeAddress(2, 3, 1, 1));
        for (int i = 0; i < codes.size(); i++) {
            Figure f = FigureCatalogue.get(codes.get(i));
            cells.styled(names, 2 + i, f.name(), cells.header);
            cells.styled(codeRow, 2 + i, f.code(), cells.header);
        }
        int r = FIRST_FIGURE_ROW;
        for (ReportPart part : report.parts()) {
            Row row = sheet.createRow(r);
            cells.styled(row, 0, I18n.get("report.parts.kind." + part.kind().name()), cells.text);
            cells.text(row, 1, part.name() == null ? I18n.get("report.parts.none") : part.name(), true);
            for (int i = 0; i < codes.size(); i++) {
                Figure f = FigureCatalogue.get(codes.get(i));
                Cell c = row.createCell(2 + i);
                if (f.isRate()) {
                    String num = Cells.ref(sheet.getSheetName(), r, 2 + codes.indexOf(f.numerator()));
                    String den = Cells.ref(sheet.getSheetName(), r, 2 + codes.indexOf(f.denominator()));
                    c.setCellFormula("IF(" + den + "=0,\"—\"," + num + "/" + den + ")");
                    OptionalDouble v = part.rate(f);
                    if (v.isPresent()) {
                        c.setCellValue(v.getAsDouble());
                    } else {
                        c.setCellValue("—");
                    }
                    c.setCellStyle(cells.percent);
                } else {
                    c.setCellValue(part.count(f.code()));
                    c.setCellStyle(cells.number);
                }
            }
            r++;
        }
        Row note = sheet.createRow(r + 1);
        String text = I18n.get("report.parts.note", report.asOf().toString());
        note.setHeightInPoints(PrintLayout.wrappedHeight(text, 150));
        cells.styled(note, 0, text, cells.note);
        sheet.addMergedRegion(new CellRangeAddress(r + 1, r + 1, 0, columns - 1));
        PrintLayout.apply(sheet, title, report.asOf(), FIRST_FIGURE_ROW);
    }

    /** {@code IF(den=0,"—",num/den)} over the count cells, with the program's value as the cached result. */
    private void rate(Cell c, Figure f, Period p) {
        int col = p == Period.MONTH ? COL_MONTH : COL_YEAR;
        String num = countRef(f.numerator(), col);
        String den = countRef(f.denominator(), col);
        c.setCellFormula("IF(" + den + "=0,\"—\"," + num + "/" + den + ")");
        OptionalDouble v = report.rate(f, p);
        if (v.isPresent()) {
            c.setCellValue(v.getAsDouble());
        } else {
            c.setCellValue("—");
        }
        c.setCellStyle(cells.percent);
    }

    private String countRef(String code, int col) {
        Figure f = FigureCatalogue.get(code);
        return Cells.ref(sheetName(f.section()), countCells.get(code)[0], col);
    }

    private void writeDefinitions(Sheet sheet) {
        int[] widths = {30, 30, 6, 90};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        Row t = sheet.createRow(0);
        t.setHeightInPoints(28);
        cells.styled(t, 0, I18n.get("report.sheet.definitions"), cells.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
        Row h = sheet.createRow(1);
        String[] heads = {I18n.get("report.col.code"), I18n.get("report.col.name"), I18n.get("report.col.unit"),
            I18n.get("report.col.definition")};
        for (int i = 0; i < heads.length; i++) {
            cells.styled(h, i, heads[i], cells.header);
        }
        int r = 2;
        for (Figure f : FigureCatalogue.all()) {
            Row row = sheet.createRow(r++);
            String def = f.definition();
            row.setHeightInPoints(PrintLayout.wrappedHeight(def, widths[3]));
            cells.styled(row, 0, f.code(), cells.text);
            cells.styled(row, 1, f.name(), cells.text);
            cells.styled(row, 2, f.unitText(), cells.text);
            cells.styled(row, 3, def, cells.text);
        }
        PrintLayout.apply(sheet, I18n.get("report.sheet.definitions"), report.asOf(), 2);
    }

    private void writeDetails(Sheet sheet, Section s) {
        List<String> heads = new ArrayList<>(List.of(I18n.get("report.col.no"), I18n.get("report.detail.name"),
                I18n.get("report.detail.idNumber"), I18n.get("report.detail.building"),
                I18n.get("report.detail.staff"), I18n.get("report.detail.date"), I18n.get("report.detail.note"),
                I18n.get("report.detail.personId")));
        if (fictitious) {
            heads.add(I18n.get("report.detail.fictitious"));
        }
        for (int i = 0; i < heads.size(); i++) {
            sheet.setColumnWidth(i, DETAIL_WIDTHS[i] * 256);
        }
        String title = I18n.get("report.detail.title", cover.community(), year(), monthNo(),
                sheetName(s)) + (fictitious ? I18n.get("report.title.fictitious")
                : "");
        Row t = sheet.createRow(0);
        t.setHeightInPoints(26);
        cells.text(t, 0, title, false).setCellStyle(cells.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, heads.size() - 1));
        Row h = sheet.createRow(1);
        for (int i = 0; i < heads.size(); i++) {
            cells.styled(h, i, heads.get(i), cells.header);
        }
        int r = DETAIL_HEADER_ROWS;
        for (Figure f : FigureCatalogue.of(s)) {
            if (f.isRate()) {
                continue;
            }
            for (Period p : Period.values()) {
                if (!f.has(p)) {
                    continue;
                }
                List<DetailRow> rows = report.rows(f.code(), p);
                Row g = sheet.createRow(r);
                cells.styled(g, 0, I18n.get("report.detail.group", f.code(), f.name(),
                        I18n.get(p == Period.MONTH ? "report.col.month" : "report.col.year"),
                        String.valueOf(rows.size()), f.unitText()), cells.group);
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, heads.size() - 1));
                r++;
                int n = 0;
                for (DetailRow d : rows) {
                    Row row = sheet.createRow(r++);
                    cells.styled(row, 0, null, cells.number).setCellValue(++n);
                    cells.text(row, 1, d.name(), true);
                    cells.text(row, 2, d.maskedIdNumber(), true);
                    cells.text(row, 3, d.building(), true);
                    cells.text(row, 4, d.staff(), true);
                    cells.text(row, 5, d.date() == null ? null : d.date().toString(), true);
                    cells.text(row, 6, d.note(), true);
                    cells.text(row, 7, d.personId().toString(), true);
                    if (fictitious) {
                        cells.text(row, 8, d.fictitious() ? I18n.get("report.detail.fictitiousYes") : null, true);
                    }
                }
                r++;
            }
        }
        PrintLayout.apply(sheet, title, report.asOf(), DETAIL_HEADER_ROWS);
    }
}
