package org.caredesk.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes the renames and new files in a folder durable: the one place the key ring and the restore journal use. */
public final class FolderSync {
    private static final Logger LOG = LoggerFactory.getLogger(FolderSync.class);

    private FolderSync() {}

    /**
     * Forces the folder's own entry list to the disk. Linux needs this for a rename to survive a power cut. Windows
     * cannot open a folder as a channel (an IOException or UnsupportedOperationException on opening): NTFS keeps its
     * renames through its own journal, so nothing is lost by skipping it there. A folder that opens but cannot be
     * forced is a disk that refused the write: the rename itself is done, so this is not an error for the caller,
     * but it is logged as a warning because the rename may not survive a power cut.
     */
    public static void force(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(folder, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Folder {} cannot be opened to force it (Windows): {}", folder, e.toString());
            return;
        }
        try (ch) {
            ch.force(true);
        } catch (IOException e) {
            LOG.warn("Folder {} could not be forced to the disk; its latest rename may not survive a power cut",
                    folder, e);
        }
    }
}
