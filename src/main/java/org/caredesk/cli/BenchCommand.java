package org.caredesk.cli;

import java.time.Clock;
import org.caredesk.common.I18n;

/**
 * {@code bench search [--people N] [--seed S] [--on-disk]}: prints one {@code <name> <value> <unit>} line per
 * figure.
 */
final class BenchCommand {
    static final int DEFAULT_PEOPLE = 100_000;

    private final Cli cli;

    BenchCommand(Cli cli) {
        this.cli = cli;
    }

    int run(Args args) {
        int people = args.intOption("--people", 1, GenerateCommand.MAX_PEOPLE, DEFAULT_PEOPLE);
        long seed = args.longOption("--seed", GenerateCommand.DEFAULT_SEED);
        boolean onDisk = args.flag("--on-disk");
        args.finish();
        cli.err().println(I18n.get(onDisk ? "cli.bench.generatingOnDisk" : "cli.bench.generating", people));
        SearchBench bench = new SearchBench(people, seed, SearchBench.targetsFor(people), onDisk,
                Clock.systemDefaultZone());
        for (SearchBench.Figure f : bench.run(new ConsoleProgress(cli.err()),
                () -> cli.err().println(I18n.get("cli.bench.searching")))) {
            cli.out().println(f.line());
        }
        return Cli.OK;
    }
}
