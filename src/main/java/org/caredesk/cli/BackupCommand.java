package org.caredesk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.caredesk.app.AppContext;
import org.caredesk.app.BackupsWiring;
import org.caredesk.backups.service.BackupsService;
import org.caredesk.common.I18n;
import org.caredesk.common.UserException;
import org.caredesk.db.BackupResult;
import org.caredesk.db.Database;
import org.caredesk.security.Permission;
import org.caredesk.db.InstanceLock;

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
        // Before the lock: a mistyped folder must not be created just to hold a lock file.
        if (!Files.isDirectory(cli.dataDir().resolve(Database.DB_FOLDER))) {
            throw new UserException("cli.noCommunity", cli.dataDir().toString());
        }
        try (InstanceLock lock = InstanceLock.acquire(cli.dataDir()); AppContext ctx = cli.openCommunity()) {
            ctx.session().require(Permission.BACKUP);
            BackupsService backups = BackupsWiring.service(ctx);
            ConsoleProgress progress = new ConsoleProgress(cli.err());
            BackupResult result = out == null ? backups.backupNow(progress)
                    : backups.backupTo(Path.of(out).toAbsolutePath(), progress);
            result.warnings().forEach(w -> cli.err().println(I18n.get("cli.backup.warning", w)));
            cli.out().println(I18n.get("cli.backup.done", result.file().toString(),
                    String.valueOf(Math.max(1, result.bytes() / 1024))));
            result.copies().forEach(c -> cli.out().println(I18n.get("cli.backup.copied", c.toString())));
            return Cli.OK;
        }
    }
}
