package org.caredesk.cli;

import java.nio.file.Path;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.people.Enums.PersonStatus;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.service.RosterExporter;

/**
 * {@code export people FILE.xlsx [--all]}: the people in register (with {@code --all} also closed files), ID and
 * phone numbers masked, in the order of the list.
 */
final class ExportCommand {
    private final Cli cli;

    ExportCommand(Cli cli) {
        this.cli = cli;
    }

    int run(Args args) {
        Cli.subject(args, "people");
        boolean all = args.flag("--all");
        Path file = Path.of(args.word("cli.what.file")).toAbsolutePath();
        args.finish();
        try (AppContext ctx = cli.openCommunity()) {
            RosterExporter exporter = ctx.get(RosterExporter.class,
                    c -> new RosterExporter(c.people(), c.tempDir()));
            PersonQuery query = new PersonQuery(null, null, null, all ? null : PersonStatus.ACTIVE, null,
                    PersonQuery.Sort.NAME, true, 0, PersonQuery.DEFAULT_PAGE_SIZE);
            int count = exporter.export(query, file, new ConsoleProgress(cli.err()));
            cli.out().println(I18n.get("cli.export.done", count, file.toString()));
            return Cli.OK;
        }
    }
}
