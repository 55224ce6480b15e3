package org.caredesk.roster.service;

import org.caredesk.people.service.PersonService;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.db.OwnFiles;
import org.caredesk.excel.PrintLayout;
import org.caredesk.excel.StreamingExport;
import org.caredesk.people.PersonField;
import org.caredesk.security.Permission;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.PersonRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the people list (every page of a filter) to .xlsx through {@link StreamingExport} (streaming, built in
 * the data folder, moved into place only when complete and recorded). ID and phone numbers are masked, unless a
 * user with the right exports them in full and says why ({@link #exportFull}).
 */
public final class RosterExporter {
    private static final Logger LOG = LoggerFactory.getLogger(RosterExporter.class);

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

    /**
     * Added after the others only when the export holds people the demo or {@code generate} invented (issue 8), so a
     * file passed on can never count them as real without saying so; a real community's export never shows it.
     */
    private static final Column FICTITIOUS = new Column(I18n.get("roster.export.fictitious"), 16, false);

    static {
        HEADERS = COLUMNS.stream().map(Column::header).toList();
    }

    private final PersonService people;
    private final StreamingExport files;
    /** The data folder (the parent of its {@code tmp/}): no export may land inside it. */
    private final Path dataDir;

    public RosterExporter(PersonService people, Path tempDir) {
        this.people = people;
        this.dataDir = tempDir.toAbsolutePath().getParent();
        this.files = new StreamingExport(tempDir, "roster.error.cannotWrite");
    }

    /**
     * Exports every person matching {@code filter} (its offset and limit are ignored: all pages), ID and phone
     * numbers masked.
     *
     * @return the number of people written
     * @throws CancellationException when the user cancelled; the target file is untouched
     */
    public int export(PersonQuery filter, Path file, Progress progress) {
        people.require(Permission.PEOPLE_EXPORT);
        OwnFiles.checkOutput(dataDir, file);
        String name = StreamingExport.fileName(file);
        int written = write(filter, file, progress, (rows, consumer) -> people.forEachRow(rows,
                r -> consumer.accept(r, r.maskedIdNumber(), r.maskedPhone())),
                count -> people.recordExport(name, count));
        LOG.info("Exported {} people to {}", written, file);
        return written;
    }

    /**
     * Exports every person matching {@code filter} with full ID and phone numbers, for a user with
     * {@link Permission#PEOPLE_EXPORT_FULL} who says why. The ID numbers are text cells, so Excel keeps all 18
     * characters; the audit entry names the file, the row count, "full numbers" and the reason.
     *
     * @throws org.caredesk.common.ValidationException when the reason is blank or too long, before any file is
     *     written
     */
    public int exportFull(PersonQuery filter, Path file, String reason, Progress progress) {
        people.require(Permission.PEOPLE_EXPORT_FULL);
        String why = PersonService.checkExportReason(reason);
        OwnFiles.checkOutput(dataDir, file);
        String name = StreamingExport.fileName(file);
        int written = write(filter, file, progress, (rows, consumer) -> people.forEachUnmaskedRow(rows,
                u -> consumer.accept(u.row(), u.idNumber(), u.phone())),
                count -> people.recordFullExport(name, count, why));
        LOG.info("Exported {} people with full numbers to {}", written, file);
        return written;
    }

    /** Whether the logged-in user may export full numbers: the export dialog asks only them. */
    public boolean mayExportFull() {
        return people.may(Permission.PEOPLE_EXPORT_FULL);
    }

    /** One row's person and the ID and phone to write for it. */
    @FunctionalInterface
    private interface RowConsumer {
        void accept(PersonRow row, String idNumber, String phone);
    }

    /** Reads the rows of a query, handing each with its numbers (masked or full) to the consumer. */
    @FunctionalInterface
    private interface RowSource {
        void forEach(PersonQuery query, RowConsumer consumer);
    }

    private int write(PersonQuery filter, Path file, Progress progress, RowSource rows,
            IntConsumer record) {
        Progress p = progress == null ? Progress.NONE : progress;
        int total = people.search(filter.withPage(0, 1)).total();
        List<Column> columns = people.countFictitious(filter) == 0 ? COLUMNS
                : Stream.concat(COLUMNS.stream(), Stream.of(FICTITIOUS)).toList();
        p.message(I18n.get("roster.progress.exporting"));
        return files.write(file, "export-", wb -> write(wb, filter, columns, total, p, rows), record::accept);
    }

    private int write(SXSSFWorkbook wb, PersonQuery filter, List<Column> columns, int total, Progress progress,
            RowSource rows) {
        SXSSFSheet sheet = wb.createSheet(I18n.get("roster.export.sheet"));
        RosterSheets.Styles styles = RosterSheets.styles(wb);
        CellStyle header = styles.header();
        CellStyle text = styles.text();
        Row head = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            Cell cell = head.createCell(i);
            cell.setCellValue(c.header());
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, c.width() * 256);
            if (c.text()) {
                sheet.setDefaultColumnStyle(i, text);
            }
        }
        PrintLayout.apply(sheet, I18n.get(columns.size() > COLUMNS.size() ? "roster.export.titleFictitious"
                : "roster.export.sheet"), people.today(), 1);
        int[] count = {0};
        rows.forEach(filter, (person, idNumber, phone) -> {
            if (progress.isCancelled()) {
                throw new CancellationException("export cancelled");
            }
            count[0]++;
            Row row = sheet.createRow(count[0]);
            String[] values = values(person, idNumber, phone);
            if (columns.size() > COLUMNS.size()) {
                values = Arrays.copyOf(values, columns.size());
                values[COLUMNS.size()] = person.fictitious() ? I18n.get("roster.export.fictitiousYes") : null;
            }
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                cell.setCellValue(values[i]);
                if (columns.get(i).text()) {
                    cell.setCellStyle(text);
                }
            }
            progress.update(count[0], total);
        });
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(count[0], 1), 0, columns.size() - 1));
        return count[0];
    }

    /** One person's cells, in {@link #HEADERS} order, masked as the list shows them; null for an empty cell. */
    static String[] values(PersonRow p) {
        return values(p, p.maskedIdNumber(), p.maskedPhone());
    }

    private static String[] values(PersonRow p, String idNumber, String phone) {
        String categories = p.categories().stream().sorted().map(c -> c.chinese())
                .collect(Collectors.joining(RosterColumns.CATEGORY_JOINER));
        return new String[] {
            p.name(),
            emptyToNull(idNumber),
            emptyToNull(phone),
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
}
