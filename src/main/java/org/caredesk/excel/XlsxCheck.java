package org.caredesk.excel;

import java.io.IOException;
import java.io.InputStream;
import org.apache.poi.EmptyFileException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.caredesk.common.UserException;

/**
 * Tells a workbook the program can read (.xlsx) from everything a user may pick instead, before POI parses it: an
 * empty file, an old .xls, an .xlsx with an opening password, a renamed file, a damaged one. Rosters and district
 * templates are refused with the same sentences.
 */
public final class XlsxCheck {
    private XlsxCheck() {}

    /**
     * @param in the file's first bytes, from a stream that supports mark (see {@link FileMagic#prepareToCheckMagic});
     *     it is reset, so reading can go on from the start
     * @throws UserException with the sentence that fits what the file is
     */
    public static void check(InputStream in, String fileName) {
        FileMagic magic;
        try {
            magic = FileMagic.valueOf(in);
        } catch (EmptyFileException e) {
            throw new UserException(e, "roster.error.empty", fileName);
        } catch (IOException e) {
            throw new UserException(e, "roster.error.cannotRead", fileName);
        }
        if (magic == FileMagic.OLE2) {
            throw ole2(in, fileName);
        }
        if (magic != FileMagic.OOXML) {
            throw new UserException("roster.error.notExcel", fileName);
        }
    }

    /** An OLE2 container is either an old .xls workbook or an .xlsx with an opening password. */
    private static UserException ole2(InputStream in, String fileName) {
        try (POIFSFileSystem fs = new POIFSFileSystem(in)) {
            if (fs.getRoot().hasEntry("EncryptionInfo")) {
                return new UserException("roster.error.encrypted", fileName);
            }
            if (fs.getRoot().hasEntry("Workbook") || fs.getRoot().hasEntry("Book")) {
                return new UserException("roster.error.oldExcel", fileName);
            }
            return new UserException("roster.error.notExcel", fileName);
        } catch (IOException | RuntimeException e) {
            return new UserException(e, "roster.error.corrupt", fileName);
        }
    }
}
