package org.caredesk.cli;

import java.nio.file.Path;
import org.caredesk.app.AppContext;
import org.caredesk.app.BackupsModule;
import org.caredesk.backups.service.BackupsService;
import org.caredesk.common.I18n;
import org.caredesk.common.UserException;
import org.caredesk.db.BackupResult;
import org.caredesk.security.Permission;
import org.caredesk.db.FolderStart;
import org.caredesk.db.OwnFiles;

/**
 * {@code backup [--out FILE]}: a backup now, into the data folder's backups (rotated, copied to the extra folder
 * when one is set) or, with {@code --out}, into that file only.
 */
final class BackupCommand {
    private final Cli cli;

    BackupCommand(Cli cli) {
        this.cli = cli;
    }

    int run(Args args) {
        String out = args.option("--out");
        args.finish();
        // The command line holds the folder's lock for the whole command; a mistyped folder gets none.
        if (!FolderStart.isDataFolder(cli.dataDir())) {
            throw new UserException("cli.noCommunity", cli.dataDir().toString());
        }
        Path target = out == null ? null : Path.of(out).toAbsolutePath();
        if (target != null) {
            OwnFiles.checkOutput(cli.dataDir(), target);
        }
        try (AppContext ctx = cli.openCommunity()) {
            ctx.session().require(Permission.BACKUP);
            BackupsService backups = BackupsModule.service(ctx);
            ConsoleProgress progress = new ConsoleProgress(cli.err());
            BackupResult result = out == null ? backups.backupNow(progress)
                    : backups.backupTo(target, progress);
            result.warnings().forEach(w -> cli.err().println(I18n.get("cli.backup.warning", w)));
            cli.out().println(I18n.get("cli.backup.done", result.file().toString(),
                    String.valueOf(Math.max(1, result.bytes() / 1024))));
            result.copies().forEach(c -> cli.out().println(I18n.get("cli.backup.copied", c.toString())));
            return Cli.OK;
        }
    }
}
