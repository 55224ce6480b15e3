package org.caredesk.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.caredesk.app.BackupsWiring;
import org.caredesk.backups.service.BackupsService;
import org.caredesk.common.I18n;
import org.caredesk.app.SessionKey;
import org.caredesk.db.InstanceLock;
import org.caredesk.db.IntegrityCheck;
import org.caredesk.db.RestoreReport;
import org.caredesk.db.RestoreResult;
import org.caredesk.db.RestoreService;

/**
 * {@code restore FILE}: checks the backup (it opens, it passes the integrity check, row counts) and only then
 * puts it in place of the database, which is kept in {@code replaced-…} in the data folder. The database must not
 * be open in a window meanwhile.
 */
final class RestoreCommand {
    private final Cli cli;

    RestoreCommand(Cli cli) {
        this.cli = cli;
    }

    int run(Args args) {
        Path file = Path.of(args.word("cli.what.backupFile")).toAbsolutePath();
        args.finish();
        try (InstanceLock lock = InstanceLock.acquire(cli.dataDir()); SessionKey key = cli.unlock()) {
            RestoreService restore = BackupsWiring.restoreService(cli.dataDir(), key.databaseFiles(),
                    Clock.systemDefaultZone());
            ConsoleProgress progress = new ConsoleProgress(cli.err());
            RestoreReport report = restore.inspect(file, progress);
            if (!report.ok()) {
                cli.err().println(I18n.get("cli.restore.refused", file.getFileName().toString()));
                report.problems().forEach(p -> cli.err().println("  " + p));
                return Cli.FAILED;
            }
            cli.out().println(I18n.get("cli.restore.inspected", file.getFileName().toString(),
                    report.createdText()));
            IntegrityCheck.describe(report.rowCounts()).forEach(line -> cli.out().println("  " + line));
            RestoreResult result = BackupsService.restoreWithoutSession(restore, key.databaseFiles(), cli.dataDir(),
                    file, cli.user(), BackupsService.COMMAND_LINE, Clock.systemDefaultZone(), progress);
            cli.out().println(I18n.get("cli.restore.done", file.getFileName().toString(),
                    result.replacedFolder().toString()));
            return Cli.OK;
        }
    }
}
