package org.caredesk.audit.service;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.caredesk.audit.Actor;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditDetail;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.audit.AuditOutcome;
import org.caredesk.audit.AuditQuery;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.security.Permission;
import org.caredesk.common.UserException;
import org.caredesk.db.OwnFiles;
import org.caredesk.excel.PrintLayout;
import org.caredesk.excel.StreamingExport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the entries of a filter to .xlsx for the auditor, oldest first, through {@link StreamingExport}
 * (streaming, built in the data folder, moved into place only when complete). The export is itself recorded; a
 * file exists only if its entry does, and a failed export is recorded as such.
 */
public final class AuditExporter {
    private static final Logger LOG = LoggerFactory.getLogger(AuditExporter.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private static final int DETAIL_WIDTH = 90;

    /** Header key and width in characters (a Chinese character counts as two). */
    private record Column(String key, int width) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("audit.column.seq", 8),
            new Column("audit.column.time", 20),
            new Column("audit.column.user", 14),
            new Column("audit.column.action", 16),
            new Column("audit.column.objectType", 12),
            new Column("audit.column.object", 24),
            new Column("audit.column.outcome", 10),
            new Column("audit.column.detail", AuditExporter.DETAIL_WIDTH));

    private final AuditLog audit;
    private final StreamingExport files;
    private final Actor actor;
    /** The data folder (the parent of its {@code tmp/}): no export may land inside it. */
    private final Path dataDir;

    public AuditExporter(AuditLog audit, Path tempDir, Actor actor) {
        this.audit = audit;
        this.dataDir = tempDir.toAbsolutePath().getParent();
        this.files = new StreamingExport(tempDir, "audit.error.cannotWrite");
        this.actor = actor;
    }

    /** The column headers, in the current language. */
    public static List<String> headers() {
        return COLUMNS.stream().map(c -> I18n.get(c.key())).toList();
    }

    /**
     * Exports every entry matching {@code filter} (its paging is ignored).
     *
     * @return the number of entries written
     * @throws CancellationException when the user cancelled; the target file is untouched and nothing is recorded
     */
    public int export(AuditQuery filter, Path file, Progress progress) {
        audit.require(Permission.AUDIT_EXPORT);
        OwnFiles.checkOutput(dataDir, file);
        Progress p = progress == null ? Progress.NONE : progress;
        String name = StreamingExport.fileName(file);
        try {
            long total = audit.countMatching(filter);
            int written = files.write(file, "audit-", wb -> write(wb, filter, total, p),
                    count -> audit.record(AuditEvent.success(actor.userName(), AuditAction.EXPORT,
                            AuditObjectType.AUDIT_LOG, null, name,
                            AuditDetail.message("audit.detail.export", name, String.valueOf(count)))));
            LOG.info("Exported {} audit entries to {}", written, file);
            return written;
        } catch (UserException e) {
            recordFailure(name);
            throw e;
        }
    }

    private void recordFailure(String name) {
        try {
            audit.record(new AuditEvent(actor.userName(), AuditAction.EXPORT, AuditObjectType.AUDIT_LOG, null, name,
                    null, AuditOutcome.FAILURE));
        } catch (RuntimeException e) {
            LOG.warn("Could not record the failed export of {}", name, e);
        }
    }

    private int write(SXSSFWorkbook wb, AuditQuery filter, long total, Progress progress) {
        // Taken first: every entry it names is certainly in the log while the rows are read.
        ChainAnchor anchor = audit.anchor("");
        SXSSFSheet sheet = wb.createSheet(I18n.get("audit.export.sheet"));
        CellStyle header = wb.createCellStyle();
        Font bold = wb.createFont();
        bold.setBold(true);
        header.setFont(bold);
        CellStyle wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        // A row is as tall as its detail: the other cells sit at its top, beside the detail's first line.
        CellStyle top = wb.createCellStyle();
        top.setVerticalAlignment(VerticalAlignment.TOP);
        Row head = sheet.createRow(0);
        List<String> headers = headers();
        for (int i = 0; i < COLUMNS.size(); i++) {
            Cell cell = head.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, COLUMNS.get(i).width() * 256);
        }
        PrintLayout.apply(sheet, I18n.get("audit.export.sheet"), anchor.at().toLocalDate(), 1);
        int[] count = {0};
        audit.forEachMatching(filter, e -> {
            if (progress.isCancelled()) {
                throw new CancellationException("audit export cancelled");
            }
            count[0]++;
            writeRow(sheet.createRow(count[0]), e, top, wrap);
            progress.update(count[0], total);
        });
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(count[0], 1), 0, COLUMNS.size() - 1));
        writeAnchor(wb, anchor);
        return count[0];
    }

    /**
     * The chain's head when the export was made, on a sheet of its own: kept with the file, it lets
     * {@code audit verify FILE} show later whether entries were cut off the log since (decision 0019).
     */
    private static void writeAnchor(SXSSFWorkbook wb, ChainAnchor anchor) {
        SXSSFSheet sheet = wb.createSheet(I18n.get("audit.export.anchorSheet"));
        sheet.setColumnWidth(0, 120 * 256);
        sheet.createRow(0).createCell(0).setCellValue(anchor.line());
        sheet.createRow(1).createCell(0).setCellValue(I18n.get("audit.export.anchorHint"));
        PrintLayout.apply(sheet, I18n.get("audit.export.anchorSheet"), anchor.at().toLocalDate(), 0);
    }

    private static void writeRow(Row row, AuditEntry e, CellStyle top, CellStyle wrap) {
        row.createCell(0).setCellValue(e.seq());
        row.createCell(1).setCellValue(e.loggedAt() == null ? "" : TIME.format(e.loggedAt()));
        row.createCell(2).setCellValue(e.userName());
        row.createCell(3).setCellValue(e.actionLabel());
        row.createCell(4).setCellValue(e.objectTypeLabel());
        row.createCell(5).setCellValue(e.objectLabel() == null ? "" : e.objectLabel());
        row.createCell(6).setCellValue(e.outcomeLabel());
        for (int i = 0; i < 7; i++) {
            row.getCell(i).setCellStyle(top);
        }
        Cell detail = row.createCell(7);
        detail.setCellValue(e.detailText());
        detail.setCellStyle(wrap);
        row.setHeightInPoints(PrintLayout.wrappedHeight(e.detailText(), DETAIL_WIDTH));
    }
}
