package org.caredesk.db;

import java.nio.file.Path;

/**
 * A finished restore: the backup that is now the database, and the folder where the database it replaced was
 * put aside (kept, never deleted by the program).
 */
public record RestoreResult(RestoreReport restored, Path replacedFolder) {}
