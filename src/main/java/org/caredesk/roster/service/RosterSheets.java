package org.caredesk.roster.service;

import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.caredesk.people.PersonField;

/**
 * Writes sheets in the import format (the template and the sample rosters): the header row, the column formats
 * that keep Excel from changing what staff type, and cells of the right kind.
 */
final class RosterSheets {
    /** The styles of one workbook. */
    record Styles(CellStyle header, CellStyle requiredHeader, CellStyle text, CellStyle date) {}

    private RosterSheets() {}

    static Styles styles(Workbook wb) {
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle header = wb.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

        Font boldRed = wb.createFont();
        boldRed.setBold(true);
        boldRed.setColor(IndexedColors.DARK_RED.getIndex());
        CellStyle required = wb.createCellStyle();
        required.cloneStyleFrom(header);
        required.setFont(boldRed);

        CellStyle text = wb.createCellStyle();
        text.setDataFormat(wb.createDataFormat().getFormat("@"));
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        return new Styles(header, required, text, date);
    }

    /** Header row 1 with the given columns; text and date columns formatted for what staff will type below. */
    static void header(Sheet sheet, Styles styles, List<PersonField> fields) {
        Row head = sheet.createRow(0);
        for (int i = 0; i < fields.size(); i++) {
            PersonField f = fields.get(i);
            Cell c = head.createCell(i);
            c.setCellValue(f.header());
            c.setCellStyle(RosterColumns.REQUIRED.contains(f) ? styles.requiredHeader() : styles.header());
            sheet.setColumnWidth(i, width(f) * 256);
            if (RosterColumns.TEXT_FIELDS.contains(f)) {
                sheet.setDefaultColumnStyle(i, styles.text());
            } else if (RosterColumns.DATE_FIELDS.contains(f)) {
                sheet.setDefaultColumnStyle(i, styles.date());
            }
        }
    }

    /** A cell of the kind its value is: text (formatted as text where digits matter), date or number. */
    static void set(Cell cell, PersonField field, Object value, Styles styles) {
        if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(styles.date());
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else {
            cell.setCellValue(value.toString());
            if (RosterColumns.TEXT_FIELDS.contains(field)) {
                cell.setCellStyle(styles.text());
            }
        }
    }

    /** Column width in characters; a Chinese character takes two. */
    static int width(PersonField f) {
        switch (f) {
            case ID_NUMBER:
            case DISABILITY_CERTIFICATE:
                return 24;
            case CATEGORIES:
            case PHONE1:
                return 26;
            case HOUSEHOLD_ADDRESS:
            case NOTE:
                return 32;
            default:
                return Math.max(10, f.header().length() * 2 + 4);
        }
    }
}
