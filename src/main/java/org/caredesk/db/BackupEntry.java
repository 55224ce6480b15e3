package org.caredesk.db;

import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * One backup file as the backup screen lists it.
 *
 * @param created     when it was made, from its name (the file's time stamp can change when it is copied)
 * @param bytes       its size; -1 when it cannot be read
 * @param extraFolder true for a copy in the extra folder (a USB drive), false for the data folder's own
 */
public record BackupEntry(Path file, LocalDateTime created, long bytes, boolean extraFolder) {}
