package org.caredesk.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.caredesk.app.BackupsModule;
import org.caredesk.app.SessionKey;
import org.caredesk.backups.service.BackupsService;
import org.caredesk.common.I18n;
import org.caredesk.common.UserException;
import org.caredesk.db.DatabaseFiles;
import org.caredesk.db.FolderStart;
import org.caredesk.db.InstanceLock;
import org.caredesk.db.IntegrityCheck;
import org.caredesk.db.RestoreReport;
import org.caredesk.db.RestoreResult;
import org.caredesk.db.RestoreService;
import org.caredesk.security.BackupKeys;
import org.caredesk.security.DataFolderKeys;

/**
 * {@code restore FILE [--other-community]}: checks the backup (its key ring opens, its manifest is signed, it
 * passes the integrity check and its audit chain is intact, row counts) and only then puts it in place of the
 * database, which is kept in {@code replaced-…} in the data folder. The database must not be open in a window
 * meanwhile. Onto a folder without a key ring (a new PC) the password of {@code --user} must open the backup's own
 * key ring; afterwards that user logs in with it. A backup of another community needs {@code --other-community}.
 */
final class RestoreCommand {
    private static final String OTHER_COMMUNITY = "--other-community";
    private final Cli cli;

    RestoreCommand(Cli cli) {
        this.cli = cli;
    }

    int run(Args args) {
        boolean otherCommunity = args.flag(OTHER_COMMUNITY);
        Path file = Path.of(args.word("cli.what.backupFile")).toAbsolutePath();
        args.finish();
        if (!FolderStart.isDataFolder(cli.dataDir())) {
            // A new PC: the password is checked against the backup before the lock creates the folder.
            return intoFolderWithoutKey(file, true);
        }
        try (InstanceLock lock = cli.lockFolder()) {
            // Held from the first look at the folder to the end of the swap; an interrupted restore is finished
            // or undone first, so the state read below is the folder's real one.
            cli.prepareFolder();
            DataFolderKeys.State state = cli.login().state(cli.dataDir());
            if (state == DataFolderKeys.State.NEW || state == DataFolderKeys.State.KEY_RING_MISSING) {
                return intoFolderWithoutKey(file, false);
            }
            if (state == DataFolderKeys.State.UNENCRYPTED) {
                throw new UserException("cli.notSetUp", cli.dataDir().toString());
            }
            return intoReadyFolder(file, otherCommunity);
        }
    }

    private int intoReadyFolder(Path file, boolean otherCommunity) {
        char[] pw = cli.userPassword();
        try (SessionKey key = cli.login().unlock(cli.dataDir(), cli.user(), pw);
             BackupKeys.Password password = BackupKeys.password(cli.user(), pw)) {
            java.util.Arrays.fill(pw, '\0');
            DatabaseFiles own = key.databaseFiles();
            RestoreService restore = BackupsModule.restoreService(cli.dataDir(), own, Clock.systemDefaultZone())
                    .withKey(BackupKeys.ofFolderOr(own, password));
            if (otherCommunity) {
                restore = restore.allowingOtherCommunity();
            }
            return inspectAndRestore(restore, BackupKeys.restoredFiles(own, password), file);
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
    }

    /**
     * A new PC, or a folder whose key ring is lost: the backup's own key ring must open with the password.
     *
     * @param lockHere whether the folder's lock is still to be taken (a folder that does not exist yet)
     */
    private int intoFolderWithoutKey(Path file, boolean lockHere) {
        char[] pw = cli.userPassword();
        try (BackupKeys.Password password = BackupKeys.password(cli.user(), pw)) {
            java.util.Arrays.fill(pw, '\0');
            RestoreService restore = BackupsModule.restoreWithPassword(cli.dataDir(), password,
                    Clock.systemDefaultZone());
            // Before the lock, which creates the folder: a wrong password leaves no trace.
            restore.checkKey(file);
            try (InstanceLock lock = lockHere ? cli.lockFolder() : null) {
                int exit = inspectAndRestore(restore, password.databaseFiles(), file);
                if (exit == Cli.OK) {
                    cli.out().println(I18n.get("cli.restore.logInNow", cli.user()));
                }
                return exit;
            }
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
    }

    private int inspectAndRestore(RestoreService unchecked, DatabaseFiles restored, Path file) {
        // The permission first (issue 8): a user who may not restore learns so before the backup is even opened.
        RestoreService restore = BackupsService.withRestoreRight(unchecked, restored, cli.dataDir(), cli.user(), file,
                Clock.systemDefaultZone());
        ConsoleProgress progress = new ConsoleProgress(cli.err());
        RestoreReport report = restore.inspect(file, progress);
        if (!report.ok()) {
            cli.err().println(I18n.get("cli.restore.refused", file.getFileName().toString()));
            report.problems().forEach(p -> cli.err().println("  " + p));
            if (report.otherCommunity()) {
                cli.err().println(I18n.get("cli.restore.otherCommunityHint", OTHER_COMMUNITY));
            }
            return Cli.FAILED;
        }
        cli.out().println(I18n.get("cli.restore.inspected", file.getFileName().toString(), report.createdText()));
        IntegrityCheck.describe(report.rowCounts()).forEach(line -> cli.out().println("  " + line));
        report.notes().forEach(n -> cli.out().println(n));
        RestoreResult result = BackupsService.restoreWithoutSession(restore, restored, cli.dataDir(), file,
                cli.user(), BackupsService.COMMAND_LINE, Clock.systemDefaultZone(), progress);
        if (java.nio.file.Files.isDirectory(result.replacedFolder())) {
            cli.out().println(I18n.get("cli.restore.done", file.getFileName().toString(),
                    result.replacedFolder().toString()));
        } else {
            cli.out().println(I18n.get("cli.restore.doneNew", file.getFileName().toString()));
        }
        return Cli.OK;
    }
}
