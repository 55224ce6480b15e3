package org.caredesk.backups.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.caredesk.common.I18n;
import org.caredesk.db.Database;
import org.caredesk.db.DatabaseFiles;
import org.caredesk.db.IntegrityCheck;
import org.caredesk.db.RestoreService;
import org.caredesk.security.Permission;
import org.caredesk.security.PermissionMatrix;
import org.caredesk.users.User;
import org.caredesk.users.data.UserRepository;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may put a backup in place of the database, on every way in (the 备份与恢复 page, the offer after damage, the
 * command line, a new PC): an active account whose roles grant {@link Permission#RESTORE} in the one matrix. A
 * restore runs with the database closed, so no session holds the roles: they are read from the folder's database
 * (read-only, before anything is inspected) and, always, from the backup being restored, since that is whose
 * accounts the folder will have afterwards. A damaged or missing database leaves only the backup to ask.
 */
public final class RestoreRights {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreRights.class);

    private RestoreRights() {}

    /** Whether the account exists, is active and may restore, in the database of {@code dsl}. */
    static boolean holds(DSLContext dsl, String userName) {
        return new UserRepository().findByName(dsl, userName).filter(User::active)
                .map(u -> PermissionMatrix.allows(u.roles(), Permission.RESTORE)).orElse(false);
    }

    /**
     * The answer of the folder's own database, read without writing to it; empty when there is none or it cannot
     * be read (damaged), when only the backup can answer.
     */
    public static Optional<Boolean> inFolder(DatabaseFiles files, Path dataDir, String userName) {
        if (!Files.isRegularFile(DatabaseFiles.databaseFile(dataDir))) {
            return Optional.empty();
        }
        try {
            return Optional.of(holds(Database.readOnlyDsl(files.readOnly(dataDir)), userName));
        } catch (RuntimeException e) {
            // H2 keeps a failed open's lock on the file until collected; the restore must move that file aside.
            IntegrityCheck.releaseFailedOpen(DatabaseFiles.databaseFile(dataDir));
            LOG.info("The roles of {} could not be read from {}; the backup's accounts decide", userName, dataDir, e);
            return Optional.empty();
        }
    }

    /** The check of an unpacked backup: the user must be an account there that may restore. */
    public static RestoreService.ExtraCheck inBackup(String userName) {
        return (Database backup) -> holds(backup.dsl(), userName) ? Optional.empty()
                : Optional.of(I18n.get("restore.problem.noRight", userName,
                        I18n.get("permission." + Permission.RESTORE.name())));
    }
}
