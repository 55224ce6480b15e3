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
     * cannot open a folder as a channel (IOException or UnsupportedOperationException, deliberately caught): NTFS
     * keeps its renames through its own journal, so nothing is lost by skipping it there.
     */
    public static void force(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Folder {} not forced: {}", folder, e.toString());
        }
    }
}
