package org.caredesk.people.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.common.UserException;
import org.caredesk.people.PersonField;
import org.caredesk.security.Permission;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.PersonRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the people list (every page of a filter) to .xlsx, streaming so 100,000 people fit in little memory. ID
 * and phone numbers are masked. The workbook is built in the data folder's tmp/ and moved into place only when
 * complete, so a cancelled or failed export never leaves half a file where the user looks for it.
 */
public final class RosterExporter {
    private static final Logger LOG = LoggerFactory.getLogger(RosterExporter.class);
    /** Rows SXSSF keeps in memory before flushing to its temporary file. */
    private static final int WINDOW = 200;

    /** Export columns: header and width in characters (a Chinese character counts as two). */
    private record Column(String header, int width, boolean text) {}

    static final List<String> HEADERS;
    private static final List<Column> COLUMNS = List.of(
            new Column(PersonField.NAME.header(), 14, false),
            new Column(PersonField.ID_NUMBER.header(), 22, true),
            new Column(PersonField.PHONE1.header(), 15, true),
            new Column(PersonField.CATEGORIES.header(), 34, false),
            new Column(RosterColumns.COLOUR_HEADER, 10, false),
            new Column(PersonField.ESTATE.header(), 14, false),
            new Column(PersonField.BUILDING.header(), 10, false),
            new Column(PersonField.RESPONSIBLE_STAFF.header(), 14, false),
            new Column(RosterColumns.STATUS_HEADER, 10, false));

    static {
        HEADERS = COLUMNS.stream().map(Column::header).toList();
    }

    private final PersonService people;
    private final Path tempDir;

    public RosterExporter(PersonService people, Path tempDir) {
        this.people = people;
        this.tempDir = tempDir;
    }

    /**
     * Exports every person matching {@code filter} (its offset and limit are ignored: all pages).
     *
     * @return the number of people written
     * @throws CancellationException when the user cancelled; the target file is untouched
     */
    public int export(PersonQuery filter, Path file, Progress progress) {
        people.require(Permission.PEOPLE_EXPORT);
        Progress p = progress == null ? Progress.NONE : progress;
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Path tmp;
        try {
            Files.createDirectories(tempDir);
            tmp = Files.createTempFile(tempDir, "export-", ".xlsx");
        } catch (IOException e) {
            throw new UserException(e, "error.dataDirNotWritable", tempDir.getParent());
        }
        try {
            int total = people.search(filter.withPage(0, 1)).total();
            p.message(I18n.get("roster.progress.exporting"));
            // POI's own temporary files (one per sheet) go to the data folder too, never to the system temp.
            int written = TempFile.withStrategy(new DefaultTempFileCreationStrategy(tempDir.toFile()),
                    () -> write(filter, tmp, total, p));
            moveIntoPlace(tmp, file, name);
            try {
                people.recordExport(name, written);
            } catch (RuntimeException e) {
                // An export that the audit log does not show must not exist.
                try {
                    Files.deleteIfExists(file);
                } catch (IOException io) {
                    e.addSuppressed(io);
                }
                throw e;
            }
            LOG.info("Exported {} people to {}", written, file);
            return written;
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                LOG.warn("Could not delete {}", tmp, e);
            }
        }
    }

    private int write(PersonQuery filter, Path tmp, int total, Progress progress) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW)) {
            wb.setCompressTempFiles(true);
            SXSSFSheet sheet = wb.createSheet(I18n.get("roster.export.sheet"));
            RosterSheets.Styles styles = RosterSheets.styles(wb);
            CellStyle header = styles.header();
            CellStyle text = styles.text();
            Row head = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Column c = COLUMNS.get(i);
                Cell cell = head.createCell(i);
                cell.setCellValue(c.header());
                cell.setCellStyle(header);
                sheet.setColumnWidth(i, c.width() * 256);
                if (c.text()) {
                    sheet.setDefaultColumnStyle(i, text);
                }
            }
            sheet.createFreezePane(0, 1);
            int[] count = {0};
            try {
                people.forEachRow(filter, person -> {
                    if (progress.isCancelled()) {
                        throw new CancellationException("export cancelled");
                    }
                    count[0]++;
                    Row row = sheet.createRow(count[0]);
                    String[] values = values(person);
                    for (int i = 0; i < values.length; i++) {
                        if (values[i] == null) {
                            continue;
                        }
                        Cell cell = row.createCell(i);
                        cell.setCellValue(values[i]);
                        if (COLUMNS.get(i).text()) {
                            cell.setCellStyle(text);
                        }
                    }
                    progress.update(count[0], total);
                });
            } catch (CancellationException e) {
                // Closing a workbook with rows still in memory makes POI log a spurious stack trace.
                sheet.flushRows();
                throw e;
            }
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(count[0], 1), 0, COLUMNS.size() - 1));
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            }
            return count[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One person's cells, in {@link #HEADERS} order; null for an empty cell. */
    static String[] values(PersonRow p) {
        String categories = p.categories().stream().sorted().map(c -> c.chinese())
                .collect(Collectors.joining(RosterColumns.CATEGORY_JOINER));
        return new String[] {
            p.name(),
            emptyToNull(p.maskedIdNumber()),
            emptyToNull(p.maskedPhone()),
            categories,
            p.colour() == null ? null : p.colour().chinese(),
            p.estate(),
            p.building(),
            p.responsibleStaff(),
            p.status() == null ? null : p.status().chinese()
        };
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static void moveIntoPlace(Path tmp, Path file, String name) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // The data folder and the target are on different drives: copy instead.
                Files.copy(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileSystemException e) {
            // Access denied: Windows refuses to replace a file that Excel has open, the most common reason by far.
            throw new UserException(e, "roster.error.cannotWrite", name);
        } catch (IOException e) {
            throw new UserException(e, "error.io", e.getMessage() == null ? name : e.getMessage());
        }
    }
}
