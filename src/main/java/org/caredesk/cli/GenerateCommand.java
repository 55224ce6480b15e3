package org.caredesk.cli;

import java.util.Locale;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.common.UserException;
import org.caredesk.db.BulkWriteKind;
import org.caredesk.people.service.PersonService;
import org.caredesk.people.service.SyntheticPeople;
import org.caredesk.security.Permission;
import org.caredesk.settings.Community;

/**
 * {@code generate --people N [--visits V] [--seed S]}: adds fictitious people for scale tests, and about V visits
 * (default 20, 0 for none) over the last two years for each of them. Only into a demo community:
 * nobody can delete a person, so fictitious people in a real roster would stay there for good.
 */
final class GenerateCommand {
    static final int MAX_PEOPLE = 2_000_000;
    static final long DEFAULT_SEED = 20_240_501L;
    static final int DEFAULT_VISITS = 20;
    static final int MAX_VISITS = 100;

    private final Cli cli;

    GenerateCommand(Cli cli) {
        this.cli = cli;
    }

    int run(Args args) {
        int count = args.intOption("--people", 1, MAX_PEOPLE, null);
        int visitsPerPerson = args.intOption("--visits", 0, MAX_VISITS, DEFAULT_VISITS);
        long seed = args.longOption("--seed", DEFAULT_SEED);
        args.finish();
        try (AppContext ctx = cli.openCommunity()) {
            // The window's permission for adding people, before anything is read (issue 8).
            ctx.session().require(Permission.PEOPLE_WRITE);
            Community c = Cli.community(ctx);
            if (!c.demo()) {
                throw new UserException("cli.generate.notDemo", c.name());
            }
            long started = System.nanoTime();
            // Starting the ID counter at the registry's size keeps earlier runs' IDs apart: people are never
            // deleted, so the size only grows. People and visits are one bulk write: a kill on the way takes back
            // the people and their visits at the next start (docs/decisions/0017).
            SyntheticPeople generator = new SyntheticPeople(seed, ctx.people().count(), ctx.people().today());
            PersonService.BulkWrite write = ctx.people().beginBulkWrite(BulkWriteKind.GENERATE, null, count);
            try {
                int added = generator.registerInto(ctx.people(), write, count, new ConsoleProgress(cli.err()));
                double seconds = (System.nanoTime() - started) / 1e9;
                cli.out().println(I18n.get("cli.generate.done", added, String.format(Locale.ROOT, "%.1f", seconds),
                        ctx.people().count()));
                if (visitsPerPerson > 0) {
                    long visitsStarted = System.nanoTime();
                    // Only the people just added have never been visited: the demo's and earlier runs' have visits.
                    long visits = ctx.syntheticVisits().generate(seed, visitsPerPerson,
                            new ConsoleProgress(cli.err()));
                    double visitSeconds = (System.nanoTime() - visitsStarted) / 1e9;
                    cli.out().println(I18n.get("cli.generate.visitsDone", visits,
                            String.format(Locale.ROOT, "%.1f", visitSeconds)));
                }
                ctx.people().finishBulkWrite(write, ctx.people().importSummary(null, added));
            } catch (RuntimeException | Error e) {
                ctx.people().abandonBulkWrite(write, e);
                throw e;
            }
        }
        return Cli.OK;
    }
}
