package org.caredesk.cli;

import org.caredesk.app.AppContext;
import org.caredesk.app.DemoCommunity;
import org.caredesk.common.I18n;
import org.caredesk.settings.Community;

/** {@code demo}: the demo community in an empty data folder; a folder with data is refused by DemoCommunity. */
final class DemoCommand {
    private final Cli cli;

    DemoCommand(Cli cli) {
        this.cli = cli;
    }

    int run(Args args) {
        args.finish();
        try (AppContext ctx = AppContext.open(cli.dataDir())) {
            Community c = DemoCommunity.create(ctx, new ConsoleProgress(cli.err()));
            cli.out().println(I18n.get("cli.demo.done", c.name(), ctx.people().count(), cli.dataDir().toString()));
        }
        return Cli.OK;
    }
}
