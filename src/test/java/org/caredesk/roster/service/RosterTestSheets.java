package org.caredesk.roster.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caredesk.common.IdNumber;

/** Builds small .xlsx files for roster tests: a header row and rows of strings, numbers and dates. */
final class RosterTestSheets {
    private final List<Object[]> rows = new ArrayList<>();

    private RosterTestSheets() {}

    static RosterTestSheets sheet() {
        return new RosterTestSheets();
    }

    /**
     * Adds a row; null leaves the cell out, a String is text, a Number numeric, a LocalDate a date cell, a
     * FormulaError an error cell.
     */
    RosterTestSheets row(Object... cells) {
        rows.add(cells);
        return this;
    }

    RosterTestSheets blankRow() {
        rows.add(new Object[0]);
        return this;
    }

    Path writeTo(Path file) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("名单");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            for (int r = 0; r < rows.size(); r++) {
                Object[] cells = rows.get(r);
                if (cells.length == 0) {
                    continue;
                }
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells.length; c++) {
                    Object v = cells[c];
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof FormulaError e) {
                        cell.setCellErrorValue(e.getCode());
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid resident ID number: the 17 digits given plus their check character. */
    static String id(String first17) {
        return first17 + IdNumber.checkChar(first17);
    }
}
