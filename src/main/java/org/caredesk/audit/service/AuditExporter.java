package org.caredesk.audit.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the entries of a filter to .xlsx for the auditor, oldest first, streaming (SXSSF) so a long log fits in
 * little memory. The workbook is built in the data folder's tmp/ (POI's own temporary files too) and moved into
 * place only when complete. The export is itself recorded; a file exists only if its entry does.
 */
public final class AuditExporter {
    private static final Logger LOG = LoggerFactory.getLogger(AuditExporter.class);
    private static final int WINDOW = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

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
            new Column("audit.column.detail", 90));

    private final AuditLog audit;
    private final Path tempDir;
    private final Actor actor;

    public AuditExporter(AuditLog audit, Path tempDir, Actor actor) {
        this.audit = audit;
        this.tempDir = tempDir;
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
        Progress p = progress == null ? Progress.NONE : progress;
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Path tmp;
        try {
            Files.createDirectories(tempDir);
            tmp = Files.createTempFile(tempDir, "audit-", ".xlsx");
        } catch (IOException e) {
            throw new UserException(e, "error.dataDirNotWritable", tempDir.getParent());
        }
        try {
            long total = audit.countMatching(filter);
            int written = TempFile.withStrategy(new DefaultTempFileCreationStrategy(tempDir.toFile()),
                    () -> write(filter, tmp, total, p));
            moveIntoPlace(tmp, file, name);
            try {
                audit.record(AuditEvent.success(actor.userName(), AuditAction.EXPORT, AuditObjectType.AUDIT_LOG,
                        null, name, AuditDetail.message("audit.detail.export", name, String.valueOf(written))));
            } catch (RuntimeException e) {
                // An export nobody can see in the log must not exist.
                deleteQuietly(file);
                throw e;
            }
            LOG.info("Exported {} audit entries to {}", written, file);
            return written;
        } catch (UserException e) {
            recordFailure(name);
            throw e;
        } finally {
            deleteQuietly(tmp);
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

    private int write(AuditQuery filter, Path tmp, long total, Progress progress) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW)) {
            wb.setCompressTempFiles(true);
            SXSSFSheet sheet = wb.createSheet(I18n.get("audit.export.sheet"));
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            Row head = sheet.createRow(0);
            List<String> headers = headers();
            for (int i = 0; i < COLUMNS.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(header);
                sheet.setColumnWidth(i, COLUMNS.get(i).width() * 256);
            }
            sheet.createFreezePane(0, 1);
            int[] count = {0};
            try {
                audit.forEachMatching(filter, e -> {
                    if (progress.isCancelled()) {
                        throw new CancellationException("audit export cancelled");
                    }
                    count[0]++;
                    writeRow(sheet.createRow(count[0]), e, wrap);
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

    private static void writeRow(Row row, AuditEntry e, CellStyle wrap) {
        row.createCell(0).setCellValue(e.seq());
        row.createCell(1).setCellValue(e.loggedAt() == null ? "" : TIME.format(e.loggedAt()));
        row.createCell(2).setCellValue(e.userName());
        row.createCell(3).setCellValue(e.actionLabel());
        row.createCell(4).setCellValue(e.objectTypeLabel());
        row.createCell(5).setCellValue(e.objectLabel() == null ? "" : e.objectLabel());
        row.createCell(6).setCellValue(e.outcomeLabel());
        Cell detail = row.createCell(7);
        detail.setCellValue(e.detailText());
        detail.setCellStyle(wrap);
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
            // Windows refuses to replace a file that Excel has open, the most common reason by far.
            throw new UserException(e, "audit.error.cannotWrite", name);
        } catch (IOException e) {
            throw new UserException(e, "error.io", e.getMessage() == null ? name : e.getMessage());
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", p, e);
        }
    }
}
