package org.caredesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
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
import org.caredesk.ui.DialogService;
import org.caredesk.ui.TaskRunner;
import org.caredesk.ui.ViewLoader;

/** How the backup page and its services are built; the restore checks shared by the window and the command line. */
public final class BackupsWiring {
    private BackupsWiring() {}

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
            public Optional<byte[]> fileKey() {
                return Login.sessionKey(ctx).databaseFiles().fileKey();
            }
        };
    }

    public static BackupsService service(AppContext ctx) {
        return ctx.get(BackupsService.class, c -> {
            DatabaseFiles files = files(c);
            return new BackupsService(c.dataDir(), c.database(), c.database()::close, files,
                    new BackupService(c.dataDir(), files, c.clock()), restoreService(c.dataDir(), files, c.clock()),
                    c.audit(), c.actor(), UsersWiring.session(c), c.clock());
        });
    }

    /** @param onDatabaseReplaced the sentence to show when a restore closed the database and the login must follow */
    public static void register(ControllerFactory controllers, AppContext ctx, TaskRunner tasks,
            DialogService dialogs, Consumer<String> onDatabaseReplaced) {
        controllers.register(BackupsView.class, c -> new BackupsView(
                new BackupsViewModel(service(ctx), tasks, onDatabaseReplaced), dialogs));
    }

    public static ViewLoader.Loaded<BackupsView> mainView(ViewLoader loader) {
        return loader.load(BackupsView.class);
    }
}
