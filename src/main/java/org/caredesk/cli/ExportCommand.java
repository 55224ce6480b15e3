package org.caredesk.cli;

import java.nio.file.Path;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.common.Text;
import org.caredesk.db.OwnFiles;
import org.caredesk.people.Enums.PersonStatus;
import org.caredesk.people.PersonQuery;
import org.caredesk.roster.service.RosterExporter;

/**
 * {@code export people FILE.xlsx [--all] [--full --reason "..."]}: the people in register (with {@code --all} also
 * closed files), in the order of the list. ID and phone numbers are masked; {@code --full} writes them in full,
 * for a user with the right, with the reason recorded in the audit log.
 */
final class ExportCommand {
    private final Cli cli;

    ExportCommand(Cli cli) {
        this.cli = cli;
    }

    int run(Args args) {
        Cli.subject(args, "people");
        boolean all = args.flag("--all");
        boolean full = args.flag("--full");
        String reason = args.option("--reason");
        Path file = Path.of(args.word("cli.what.file")).toAbsolutePath();
        args.finish();
        if (full && Text.isBlank(reason)) {
            throw new UsageException("cli.export.reasonRequired");
        }
        if (!full && reason != null) {
            throw new UsageException("cli.export.reasonWithoutFull");
        }
        // Before the login, so a refused path writes nothing at all, not even the login's audit entry.
        OwnFiles.checkOutput(cli.dataDir(), file);
        try (AppContext ctx = cli.openCommunity()) {
            RosterExporter exporter = ctx.service(RosterExporter.class);
            PersonQuery query = new PersonQuery(null, null, null, all ? null : PersonStatus.ACTIVE, null,
                    PersonQuery.Sort.NAME, true, 0, PersonQuery.DEFAULT_PAGE_SIZE);
            ConsoleProgress progress = new ConsoleProgress(cli.err());
            int count = full ? exporter.exportFull(query, file, reason, progress)
                    : exporter.export(query, file, progress);
            cli.out().println(I18n.get(full ? "cli.export.doneFull" : "cli.export.done", count, file.toString()));
            return Cli.OK;
        }
    }
}
