package org.caredesk.report.excel;

import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.caredesk.common.I18n;
import org.caredesk.excel.PrintLayout;
import org.caredesk.report.Figure;
import org.caredesk.report.FigureCatalogue;
import org.caredesk.report.Period;

/**
 * The list of figure codes (指标代码表), for whoever prepares the district's template: each code with its name,
 * unit, the placeholders of its two columns, and its definition.
 */
public final class CodeList {
    /** The column parts of a placeholder: Chinese in every language, like the codes. */
    public static final String MONTH = "本月";
    public static final String YEAR_TO_DATE = "本年累计";

    private CodeList() {}

    /** The placeholder of a figure's value in a template, e.g. {@code {{走访完成率.本月}}}. */
    public static String placeholder(Figure f, Period p) {
        return "{{" + f.code() + "." + (p == Period.MONTH ? MONTH : YEAR_TO_DATE) + "}}";
    }

    public static void write(SXSSFWorkbook wb, LocalDate today) {
        Cells cells = new Cells(wb);
        Sheet sheet = wb.createSheet(I18n.get("report.codes.sheet"));
        int[] widths = {30, 30, 6, 36, 36, 90};
        String[] heads = {I18n.get("report.col.code"), I18n.get("report.col.name"), I18n.get("report.col.unit"),
            I18n.get("report.codes.month"), I18n.get("report.codes.year"), I18n.get("report.col.definition")};
        Row h = sheet.createRow(0);
        for (int i = 0; i < heads.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
            cells.styled(h, i, heads[i], cells.header);
        }
        int r = 1;
        for (Figure f : FigureCatalogue.all()) {
            Row row = sheet.createRow(r++);
            String def = f.definition();
            row.setHeightInPoints(PrintLayout.wrappedHeight(def, widths[5]));
            cells.styled(row, 0, f.code(), cells.text);
            cells.styled(row, 1, f.name(), cells.text);
            cells.styled(row, 2, f.unitText(), cells.text);
            cells.styled(row, 3, placeholder(f, Period.MONTH), cells.text);
            cells.styled(row, 4, f.has(Period.YEAR_TO_DATE) ? placeholder(f, Period.YEAR_TO_DATE) : "—", cells.text);
            cells.styled(row, 5, def, cells.text);
        }
        PrintLayout.apply(sheet, I18n.get("report.codes.sheet"), today, 1);
    }
}
