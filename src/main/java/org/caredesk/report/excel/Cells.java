package org.caredesk.report.excel;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The styles of the report's sheets, made once per workbook, and the one way user text enters a cell. */
final class Cells {
    final CellStyle title;
    final CellStyle subtitle;
    final CellStyle header;
    final CellStyle text;
    final CellStyle textQuoted;
    final CellStyle number;
    final CellStyle link;
    final CellStyle percent;
    final CellStyle note;
    final CellStyle plain;
    final CellStyle plainQuoted;
    final CellStyle group;
    private final Workbook wb;

    Cells(Workbook wb) {
        this.wb = wb;
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 16);
        Font bold = wb.createFont();
        bold.setBold(true);
        Font blue = wb.createFont();
        blue.setUnderline(Font.U_SINGLE);
        blue.setColor(IndexedColors.BLUE.getIndex());
        title = wb.createCellStyle();
        title.setFont(big);
        title.setAlignment(HorizontalAlignment.CENTER);
        title.setVerticalAlignment(VerticalAlignment.CENTER);
        // Titles hold the community's name, which a user typed: always text, whatever it starts with.
        title.setQuotePrefixed(true);
        subtitle = wb.createCellStyle();
        subtitle.setAlignment(HorizontalAlignment.CENTER);
        header = boxed();
        header.setFont(bold);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        text = boxed();
        text.setDataFormat(wb.createDataFormat().getFormat("@"));
        text.setWrapText(true);
        textQuoted = boxed();
        textQuoted.cloneStyleFrom(text);
        textQuoted.setQuotePrefixed(true);
        number = boxed();
        number.setAlignment(HorizontalAlignment.RIGHT);
        link = boxed();
        link.setAlignment(HorizontalAlignment.RIGHT);
        link.setFont(blue);
        percent = boxed();
        percent.setAlignment(HorizontalAlignment.RIGHT);
        percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
        note = wb.createCellStyle();
        note.setWrapText(true);
        note.setVerticalAlignment(VerticalAlignment.TOP);
        plain = wb.createCellStyle();
        plain.setDataFormat(wb.createDataFormat().getFormat("@"));
        plainQuoted = wb.createCellStyle();
        plainQuoted.cloneStyleFrom(plain);
        plainQuoted.setQuotePrefixed(true);
        group = wb.createCellStyle();
        group.setFont(bold);
        group.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
        group.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }

    private CellStyle boxed() {
        CellStyle s = wb.createCellStyle();
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        return s;
    }

    /**
     * Text that came from a user (a name, a building, the community's name) as a text cell; one that starts like
     * a formula (= + - @) also carries the quote prefix, so editing it in Excel or WPS keeps it text.
     */
    Cell text(Row row, int col, String value, boolean boxed) {
        Cell c = row.createCell(col);
        if (value == null) {
            c.setCellStyle(boxed ? text : plain);
            return c;
        }
        c.setCellValue(value);
        boolean risky = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0;
        c.setCellStyle(boxed ? (risky ? textQuoted : text) : (risky ? plainQuoted : plain));
        return c;
    }

    Cell styled(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        if (value != null) {
            c.setCellValue(value);
        }
        c.setCellStyle(style);
        return c;
    }

    /** A link to a cell of this workbook, such as {@code '明细-走访'!A12}. */
    void linkTo(Cell c, String sheet, int row, int col) {
        Hyperlink h = wb.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
        h.setAddress(ref(sheet, row, col));
        c.setHyperlink(h);
        c.setCellStyle(link);
    }

    static String ref(String sheet, int row, int col) {
        return "'" + sheet.replace("'", "''") + "'!" + (char) ('A' + col) + (row + 1);
    }
}
