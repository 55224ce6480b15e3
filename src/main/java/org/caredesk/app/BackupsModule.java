package org.caredesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.caredesk.backups.service.AuditChainCheck;
import org.caredesk.backups.service.BackupsService;
import org.caredesk.backups.ui.BackupsView;
import org.caredesk.backups.ui.BackupsViewModel;
import org.caredesk.db.BackupService;
import org.caredesk.db.Database;
import org.caredesk.db.DatabaseFiles;
import org.caredesk.db.RestoreService;
import org.caredesk.security.BackupKeys;
import org.caredesk.security.Permission;
import org.caredesk.ui.NavEntry;

/** How the backup page and its services are built; the restore checks shared by the window and the command line. */
public final class BackupsModule implements FeatureModule {

    @Override
    public void build(AppContext ctx) {
        ctx.provide(BackupsService.class, () -> {
            DatabaseFiles files = files(ctx);
            return new BackupsService(ctx.dataDir(), ctx.database(), ctx.database()::close, files,
                    new BackupService(ctx.dataDir(), files, ctx.clock()),
                    restoreService(ctx.dataDir(), files, ctx.clock()), ctx.audit(), ctx.actor(), ctx.session(),
                    ctx.clock());
        });
    }

    /**
     * Restores with every check a backup must pass before it may replace the database: its key ring holds this
     * folder's key, its manifest is signed with it, and its audit chain is intact.
     */
    public static RestoreService restoreService(Path dataDir, DatabaseFiles files, Clock clock) {
        return new RestoreService(dataDir, files, clock).withCheck(new AuditChainCheck(clock))
                .withKey(BackupKeys.ofFolder(files));
    }

    /**
     * The same checks for a folder without a key of its own (a new PC, or a lost key ring): the backup's key ring
     * must open with the password of an account in that backup.
     */
    public static RestoreService restoreWithPassword(Path dataDir, BackupKeys.Password password, Clock clock) {
        return RestoreService.intoFolderWithoutKey(dataDir, clock, password).withCheck(new AuditChainCheck(clock));
    }

    /**
     * The database files of the logged-in folder, asking the session's file key at each use (so a context without
     * a login, such as the tests' in-memory one, can still build the page).
     */
    static DatabaseFiles files(AppContext ctx) {
        return new DatabaseFiles() {
            @Override
            public DataSource readOnly(Path dataDir) {
                return Login.sessionKey(ctx).databaseFiles().readOnly(dataDir);
            }

            @Override
            public Database open(Path dataDir) {
                return Login.sessionKey(ctx).databaseFiles().open(dataDir);
            }

            @Override
            public DataSource writable(Path dataDir) {
                return Login.sessionKey(ctx).databaseFiles().writable(dataDir);
            }

            @Override
            public Optional<byte[]> fileKey() {
                return Login.sessionKey(ctx).databaseFiles().fileKey();
            }
        };
    }

    public static BackupsService service(AppContext ctx) {
        return ctx.service(BackupsService.class);
    }

    /** The restore's sentence goes to the window, which must open the data again. */
    @Override
    public void registerViews(Screens s) {
        s.controllers().register(BackupsView.class, c -> new BackupsView(
                new BackupsViewModel(service(s.ctx()), s.tasks(), s.onDatabaseReplaced()), s.dialogs()));
    }

    @Override
    public void addNavigation(Screens s, List<NavEntry> entries) {
        if (s.ctx().session().has(Permission.BACKUP) || s.ctx().session().has(Permission.RESTORE)) {
            entries.add(new NavEntry("backups", "nav.backups", () -> s.loader().load(BackupsView.class)));
        }
    }
}
