package org.caredesk.audit.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.caredesk.common.UserException;

/**
 * Finds the anchor that an exported audit log (its own sheet, see {@link AuditExporter}) or a report holds. The
 * anchor's token is plain ASCII, the same in every language, so it is found in the workbook's XML or in any text.
 */
public final class AnchorFiles {
    /** Larger parts are the log's own rows, not the sheet that holds the anchor. */
    private static final long MAX_PART = 4L << 20;

    private AnchorFiles() {}

    /**
     * The anchor in {@code file}, or empty when it holds none.
     *
     * @throws UserException when the file cannot be read
     */
    public static Optional<ChainAnchor> read(Path file, String source) {
        if (!Files.isRegularFile(file)) {
            throw new UserException("audit.anchor.fileNotFound", file.toString());
        }
        try {
            if (isZip(file)) {
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    for (ZipEntry e : Collections.list(zip.entries())) {
                        if (e.getName().startsWith("xl/") && e.getName().endsWith(".xml") && e.getSize() >= 0
                                && e.getSize() <= MAX_PART) {
                            try (InputStream in = zip.getInputStream(e)) {
                                Optional<ChainAnchor> a = ChainAnchor.find(
                                        new String(in.readNBytes((int) MAX_PART), StandardCharsets.UTF_8), source);
                                if (a.isPresent()) {
                                    return a;
                                }
                            }
                        }
                    }
                }
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(file)) {
                return ChainAnchor.find(new String(in.readNBytes((int) MAX_PART), StandardCharsets.ISO_8859_1),
                        source);
            }
        } catch (IOException e) {
            throw new UserException(e, "audit.anchor.fileUnreadable", file.getFileName().toString());
        }
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }
}
