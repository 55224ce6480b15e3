package org.caredesk.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.caredesk.common.FailureKind;
import org.caredesk.common.UserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every export writes its .xlsx: streaming (SXSSF), so 100,000 rows fit in little memory; built in the data
 * folder's tmp/ (POI's own temporary files too, never the system temp, which other users of the PC can read) and
 * moved into place only when complete, so a cancelled or failed export never leaves half a file where the user
 * looks for it. A file exists only if its audit entry does: when recording fails, the file is deleted.
 */
public final class StreamingExport {
    private static final Logger LOG = LoggerFactory.getLogger(StreamingExport.class);
    /** Rows SXSSF keeps in memory before flushing to its temporary file. */
    private static final int WINDOW = 200;

    /** Fills the workbook; returns what the caller wants to know afterwards (the number of rows, say). */
    @FunctionalInterface
    public interface Content<T> {
        T write(SXSSFWorkbook workbook);
    }

    private final Path tempDir;
    private final String cannotWriteKey;

    /**
     * @param tempDir        where the workbook is built: inside the data folder
     * @param cannotWriteKey the sentence (argument: the file name) when the target cannot be replaced, most often
     *                       because it is open in Excel
     */
    public StreamingExport(Path tempDir, String cannotWriteKey) {
        this.tempDir = tempDir;
        this.cannotWriteKey = cannotWriteKey;
    }

    /** The file name as the user sees it in messages and the audit log. */
    public static String fileName(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /**
     * Builds the workbook, moves it to {@code file}, then runs {@code record} with the content's result; if
     * recording fails the file is deleted again.
     *
     * @throws CancellationException when the content was cancelled; the target file is untouched
     */
    public <T> T write(Path file, String prefix, Content<T> content, Consumer<T> record) {
        return place(file, prefix, tmp -> TempFile.withStrategy(new DefaultTempFileCreationStrategy(tempDir.toFile()),
                () -> build(tmp, content)), record);
    }

    /**
     * Writes bytes made earlier (a workbook kept in the database) the same way: into tmp/, moved into place, and
     * deleted again when recording fails.
     */
    public void write(Path file, String prefix, byte[] bytes, Runnable record) {
        place(file, prefix, tmp -> {
            try {
                Files.write(tmp, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.length;
        }, written -> record.run());
    }

    /** Fills the temporary file and says what it wrote. */
    @FunctionalInterface
    private interface Filler<T> {
        T fill(Path tmp);
    }

    private <T> T place(Path file, String prefix, Filler<T> filler, Consumer<T> record) {
        Path tmp;
        try {
            Files.createDirectories(tempDir);
            tmp = Files.createTempFile(tempDir, prefix, ".xlsx");
        } catch (IOException e) {
            throw new UserException(e, "error.dataDirNotWritable", tempDir.getParent());
        }
        try {
            T result = filler.fill(tmp);
            moveIntoPlace(tmp, file);
            try {
                record.accept(result);
            } catch (RuntimeException e) {
                // An export that the audit log does not show must not exist.
                try {
                    Files.deleteIfExists(file);
                } catch (IOException io) {
                    e.addSuppressed(io);
                }
                throw e;
            }
            return result;
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                LOG.warn("Could not delete {}", tmp, e);
            }
        }
    }

    private static <T> T build(Path tmp, Content<T> content) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW)) {
            wb.setCompressTempFiles(true);
            T result;
            try {
                result = content.write(wb);
            } catch (CancellationException e) {
                // Closing a workbook with rows still in memory makes POI log a spurious stack trace.
                for (Sheet sheet : wb) {
                    ((SXSSFSheet) sheet).flushRows();
                }
                throw e;
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void moveIntoPlace(Path tmp, Path file) {
        moveIntoPlace(tmp, file, cannotWriteKey);
    }

    /**
     * Moves a finished file from the data folder's tmp/ to where the user asked for it, replacing what was there;
     * every file the program writes for the user arrives this way (exports, reports, filled templates).
     *
     * @param cannotWriteKey the sentence (argument: the file name) when the target cannot be replaced
     */
    public static void moveIntoPlace(Path tmp, Path file, String cannotWriteKey) {
        String name = fileName(file);
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
            if (Files.isRegularFile(file) || FailureKind.of(e) == FailureKind.DISK_FULL) {
                // Access denied: Windows refuses to replace a file that Excel has open, the most common reason.
                throw new UserException(e, cannotWriteKey, name);
            }
            // No file to blame: the folder is read-only, not ours to write, or a file stands where it should be.
            Path folder = file.toAbsolutePath().getParent();
            throw new UserException(e, "error.notWritableFile", folder == null ? name : folder.toString());
        } catch (IOException e) {
            throw new UserException(e, "error.io", e.getMessage() == null ? name : e.getMessage());
        }
    }
}
