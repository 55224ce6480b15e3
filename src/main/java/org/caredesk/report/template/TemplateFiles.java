package org.caredesk.report.template;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.caredesk.common.FailureKind;
import org.caredesk.common.UserException;
import org.caredesk.excel.StreamingExport;
import org.caredesk.excel.XlsxCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading a district template and writing the filled copy, with the roster import's guards and sentences: the
 * file's first bytes decide whether it is an .xlsx, an old .xls, an .xlsx with an opening password or something
 * renamed (the same checks and sentences as a roster's, {@link XlsxCheck});
 * the zip is opened by POI, whose {@code ZipSecureFile} refuses zip bombs and whose XML parsers refuse DTDs and
 * external entities. The copy is built in the data folder's {@code tmp/} and moved into place only when complete,
 * as {@code excel/StreamingExport} does for every other export.
 */
final class TemplateFiles {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateFiles.class);

    /** Pictures (a logo, a seal): stored as they are, held by POI as bytes, not as a model. */
    private static final String MEDIA = "xl/media/";
    private static final Set<String> MACRO_TYPES = Set.of(XSSFRelation.MACROS_WORKBOOK.getContentType(),
            XSSFRelation.MACRO_TEMPLATE_WORKBOOK.getContentType(), XSSFRelation.MACRO_ADDIN_WORKBOOK.getContentType());

    private TemplateFiles() {}

    /** The file name as the user sees it in messages. */
    static String fileName(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /** Reads a template file whole (it is small: within {@code limits}) and opens it. */
    static XSSFWorkbook open(Path file, TemplateFiller.Limits limits) {
        String name = fileName(file);
        if (Files.isDirectory(file)) {
            throw new UserException("roster.error.notExcel", name);
        }
        try {
            if (Files.size(file) > limits.fileBytes()) {
                throw tooLarge(name, limits);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return open(in, name, limits);
            }
        } catch (NoSuchFileException e) {
            throw new UserException(e, "roster.error.notFound", file.toString());
        } catch (IOException e) {
            throw new UserException(e, "roster.error.cannotRead", name);
        }
    }

    /** Reads a template from a stream, within {@code limits}, and opens it; the caller closes the stream. */
    static XSSFWorkbook open(InputStream in, String name, TemplateFiller.Limits limits) {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.fileBytes() + 1));
        } catch (IOException e) {
            throw new UserException(e, "roster.error.cannotRead", name);
        }
        if (bytes.length > limits.fileBytes()) {
            throw tooLarge(name, limits);
        }
        XlsxCheck.check(new ByteArrayInputStream(bytes), name);
        if (contentBytes(bytes, limits.contentBytes()) > limits.contentBytes()) {
            throw tooLarge(name, limits);
        }
        XSSFWorkbook wb;
        try {
            wb = new XSSFWorkbook(OPCPackage.open(new ByteArrayInputStream(bytes)));
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            if (FailureKind.of(e) == FailureKind.TOO_LARGE) {
                LOG.info("{} is too large to read", name, e);
                throw tooLarge(name, limits);
            }
            LOG.info("Cannot read {} as a workbook", name, e);
            throw new UserException(e, "roster.error.corrupt", name);
        }
        String type = wb.getPackagePart().getContentType();
        if (MACRO_TYPES.contains(type)) {
            // The macros cannot be kept in an .xlsx, and a macro-enabled copy is not what goes to the district.
            close(wb);
            throw new UserException("report.template.error.macros", name);
        }
        // An Excel template (.xltx) too: the filled copy is an ordinary workbook, else Excel refuses the .xlsx.
        wb.setWorkbookType(XSSFWorkbookType.XLSX);
        return wb;
    }

    private static UserException tooLarge(String name, TemplateFiller.Limits limits) {
        return new UserException("report.template.error.tooLarge", name, megabytes(limits.fileBytes()),
                megabytes(limits.contentBytes()));
    }

    private static String megabytes(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024 * 1024), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    /**
     * How many bytes the workbook's parts other than pictures unpack to, counted up to just past {@code limit}:
     * POI holds the whole workbook in memory at about 20 times its unpacked XML (docs/decisions/0029), so this,
     * not the file's size, bounds the memory a template takes. A zip this count cannot walk is left to POI, whose
     * sentence for a damaged file follows.
     */
    private static long contentBytes(byte[] bytes, long limit) {
        long total = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null && total <= limit; e = zip.getNextEntry()) {
                if (e.getName().startsWith(MEDIA)) {
                    continue;
                }
                for (int n = zip.read(buffer); n > 0 && total <= limit; n = zip.read(buffer)) {
                    total += n;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Counting the unpacked size of a template stopped", e);
        }
        return total;
    }

    /** Closes a workbook read from memory: nothing to save back, so a failure is only logged. */
    static void close(XSSFWorkbook wb) {
        try {
            wb.close();
        } catch (IOException e) {
            LOG.debug("Closing a template read from memory failed", e);
        }
    }

    /**
     * Writes the workbook to a new file in {@code tempDir}, then moves it to {@code file}, so the user never finds
     * half a workbook there. Returns without recording; the caller records and deletes the file if that fails.
     */
    static void write(XSSFWorkbook wb, Path tempDir, Path file) {
        Path tmp;
        try {
            Files.createDirectories(tempDir);
            tmp = Files.createTempFile(tempDir, "template-", ".xlsx");
        } catch (IOException e) {
            throw new UserException(e, "error.dataDirNotWritable", tempDir.getParent());
        }
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            } catch (IOException e) {
                throw new UserException(e, "error.io", e.getMessage() == null ? fileName(tmp) : e.getMessage());
            }
            StreamingExport.moveIntoPlace(tmp, file, "roster.error.cannotWrite");
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                LOG.warn("Could not delete {}", tmp, e);
            }
        }
    }
}
