package org.caredesk.cli;

import java.time.Clock;
import org.caredesk.common.I18n;
import org.caredesk.roster.service.RosterImporter;

/**
 * {@code bench search [--people N] [--seed S] [--on-disk]} and
 * {@code bench dashboard [--people N] [--visits V] [--saves K] [--seed S] [--on-disk] [--explain]} and
 * {@code bench import [--rows N] [--seed S]} and {@code bench report [--people N] [--visits V] [--seed S]}: print one
 * {@code <name> <value> <unit>} line per figure.
 */
final class BenchCommand {
    static final int DEFAULT_PEOPLE = 100_000;

    private final Cli cli;

    BenchCommand(Cli cli) {
        this.cli = cli;
    }

    int run(Args args) {
        String what = args.word("cli.what.subject.bench");
        switch (what) {
            case "search":
                return search(args);
            case "dashboard":
                return dashboard(args);
            case "import":
                return importRoster(args);
            case "report":
                return report(args);
            default:
                throw new UsageException("cli.unknownSubject", "bench", what,
                        "search | dashboard | import | report");
        }
    }

    private int search(Args args) {
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

    private int importRoster(Args args) {
        int rows = args.intOption("--rows", 1, RosterImporter.Limits.DEFAULT.rows(), ImportBench.DEFAULT_ROWS);
        long seed = args.longOption("--seed", GenerateCommand.DEFAULT_SEED);
        args.finish();
        cli.err().println(I18n.get("cli.bench.import.writing", rows));
        ImportBench bench = new ImportBench(rows, seed, Clock.systemDefaultZone());
        bench.run(new ConsoleProgress(cli.err()), text -> cli.err().println(text), f -> cli.out().println(f.line()));
        return Cli.OK;
    }

    private int report(Args args) {
        int people = args.intOption("--people", 1, GenerateCommand.MAX_PEOPLE, ReportBench.DEFAULT_PEOPLE);
        int visits = args.intOption("--visits", 1, GenerateCommand.MAX_VISITS, ReportBench.DEFAULT_VISITS);
        long seed = args.longOption("--seed", GenerateCommand.DEFAULT_SEED);
        args.finish();
        cli.err().println(I18n.get("cli.bench.generatingOnDisk", people));
        ReportBench bench = new ReportBench(people, visits, seed, Clock.systemDefaultZone());
        for (SearchBench.Figure f : bench.run(new ConsoleProgress(cli.err()), text -> cli.err().println(text))) {
            cli.out().println(f.line());
        }
        return Cli.OK;
    }

    private int dashboard(Args args) {
        int people = args.intOption("--people", 1, GenerateCommand.MAX_PEOPLE, DEFAULT_PEOPLE);
        int visits = args.intOption("--visits", 1, GenerateCommand.MAX_VISITS, GenerateCommand.DEFAULT_VISITS);
        int saves = args.intOption("--saves", 1, 10_000, DashboardBench.DEFAULT_SAVES);
        long seed = args.longOption("--seed", GenerateCommand.DEFAULT_SEED);
        boolean onDisk = args.flag("--on-disk");
        boolean explain = args.flag("--explain");
        args.finish();
        cli.err().println(I18n.get(onDisk ? "cli.bench.generatingOnDisk" : "cli.bench.generating", people));
        DashboardBench bench = new DashboardBench(people, visits, saves, seed, onDisk, Clock.systemDefaultZone());
        ConsoleProgress progress = new ConsoleProgress(cli.err());
        for (SearchBench.Figure f : bench.run(progress, text -> cli.err().println(text), explain)) {
            cli.out().println(f.line());
        }
        return Cli.OK;
    }
}
