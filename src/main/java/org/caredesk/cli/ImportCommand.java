package org.caredesk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.common.UserException;
import org.caredesk.roster.service.ImportProblem;
import org.caredesk.roster.service.ImportResult;
import org.caredesk.roster.service.RosterImporter;

/**
 * {@code import people FILE.xlsx [--dry-run]}: one line per problem (row, column, what is wrong), then a summary.
 * Exit 0 when imported or checked clean, 1 when refused: the import is all or nothing, so then nothing was written.
 */
final class ImportCommand {
    private final Cli cli;

    ImportCommand(Cli cli) {
        this.cli = cli;
    }

    int run(Args args) {
        Cli.subject(args, "people");
        boolean dryRun = args.flag("--dry-run");
        Path file = Path.of(args.word("cli.what.file")).toAbsolutePath();
        args.finish();
        // Before the data folder is opened: a mistyped file name should not wait for the database.
        if (!Files.exists(file)) {
            throw new UserException("cli.fileNotFound", file.toString());
        }
        try (AppContext ctx = cli.openCommunity()) {
            RosterImporter importer = ctx.service(RosterImporter.class);
            ImportResult result = importer.importFile(file, dryRun, new ConsoleProgress(cli.err()));
            for (ImportProblem p : result.problems()) {
                cli.out().println(p.warning() ? I18n.get("cli.import.warning", p.localized()) : p.localized());
            }
            if (result.refused()) {
                cli.out().println(I18n.get(dryRun ? "cli.import.dryRunRefused" : "cli.import.refused",
                        result.errors().size(), result.rowsRead()));
                return Cli.FAILED;
            }
            cli.out().println(dryRun ? I18n.get("cli.import.dryRunClean", result.rowsRead())
                    : I18n.get("cli.import.done", result.imported(), result.rowsRead()));
            return Cli.OK;
        }
    }
}
