package org.caredesk.db;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A finished backup: the file, its size, the copies made in the extra folder, and warnings (sentences for the
 * user) about what did not work but did not stop the backup, such as a USB drive that was not plugged in.
 */
public record BackupResult(Path file, long bytes, LocalDateTime created, List<Path> copies, List<String> warnings) {
    public BackupResult {
        copies = List.copyOf(copies);
        warnings = List.copyOf(warnings);
    }
}
