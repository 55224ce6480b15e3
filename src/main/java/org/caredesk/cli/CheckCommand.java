package org.caredesk.cli;

import java.time.Clock;
import org.caredesk.app.BackupsModule;
import org.caredesk.common.I18n;
import org.caredesk.common.UserException;
import org.caredesk.app.SessionKey;
import org.caredesk.db.FolderStart;
import org.caredesk.db.IntegrityCheck;
import org.caredesk.db.IntegrityCheckResult;
import org.caredesk.db.RestoreService;

/**
 * {@code check}: the integrity check of the start, read-only. Exit 0 when the database is sound; 1 when it is
 * damaged (with the newest usable backup and the command that restores it) or missing.
 */
final class CheckCommand {
    private final Cli cli;

    CheckCommand(Cli cli) {
        this.cli = cli;
    }

    int run(Args args) {
        args.finish();
        // The command line holds the folder's lock for the whole command; a mistyped folder gets none.
        if (!FolderStart.isDataFolder(cli.dataDir())) {
            throw new UserException("cli.noCommunity", cli.dataDir().toString());
        }
        try (SessionKey key = cli.unlock()) {
            RestoreService restore = BackupsModule.restoreService(cli.dataDir(), key.databaseFiles(),
                    Clock.systemDefaultZone());
            IntegrityCheckResult result = new IntegrityCheck(key.databaseFiles())
                    .checkAtStart(cli.dataDir(), restore);
            switch (result.status()) {
                case OK -> {
                    cli.out().println(result.message());
                    IntegrityCheck.describe(result.rowCounts()).forEach(line -> cli.out().println("  " + line));
                    return Cli.OK;
                }
                case NO_DATABASE -> throw new UserException("cli.noCommunity", cli.dataDir().toString());
                default -> {
                    cli.err().println(result.message());
                    result.offer().ifPresent(b -> cli.err().println(I18n.get("cli.check.restoreHint",
                            b.file().toString())));
                    return Cli.FAILED;
                }
            }
        }
    }
}
