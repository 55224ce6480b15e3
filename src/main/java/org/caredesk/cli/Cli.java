package org.caredesk.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.caredesk.app.AppContext;
import org.caredesk.app.Version;
import org.caredesk.common.I18n;
import org.caredesk.common.UserException;
import org.caredesk.db.Database;
import org.caredesk.settings.Community;
import org.caredesk.ui.ErrorMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The headless command line over the same services as the window. Results go to {@code out}, errors and progress
 * to {@code err}, so a script can capture the results alone. Exit codes: 0 done, 1 refused or failed, 2 usage
 * error.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private final Path dataDir;
    private final PrintStream out;
    private final PrintStream err;

    public Cli(Path dataDir, PrintStream out, PrintStream err) {
        this.dataDir = dataDir;
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        if (args.length == 0 || "--help".equals(args[0]) || "-h".equals(args[0]) || "help".equals(args[0])) {
            out.println(I18n.get("cli.help"));
            out.println(I18n.get("cli.help.safety"));
            out.println(I18n.get("cli.help.options"));
            return OK;
        }
        if ("--version".equals(args[0])) {
            out.println("CareDesk " + Version.current());
            return OK;
        }
        Args rest = new Args(args[0], Arrays.asList(args).subList(1, args.length));
        try {
            return dispatch(args[0], rest);
        } catch (UsageException e) {
            err.println(e.localized());
            err.println(I18n.get("cli.hint"));
            return USAGE;
        } catch (UserException e) {
            LOG.info("Command {} refused: {}", args[0], e.getMessage(), e);
            err.println(e.localized());
            return FAILED;
        } catch (RuntimeException e) {
            LOG.error("Command {} failed", List.of(args), e);
            err.println(ErrorMessages.of(e));
            return FAILED;
        }
    }

    private int dispatch(String command, Args args) {
        switch (command) {
            case "demo":
                return new DemoCommand(this).run(args);
            case "import":
                return new ImportCommand(this).run(args);
            case "export":
                return new ExportCommand(this).run(args);
            case "generate":
                return new GenerateCommand(this).run(args);
            case "bench":
                subject(args, "search");
                return new BenchCommand(this).run(args);
            case "backup":
                return new BackupCommand(this).run(args);
            case "restore":
                return new RestoreCommand(this).run(args);
            case "check":
                return new CheckCommand(this).run(args);
            default:
                err.println(I18n.get("cli.unknownCommand", command));
                return USAGE;
        }
    }

    /** Commands of the form {@code import people}: the second word must be the one expected. */
    static void subject(Args args, String expected) {
        String word = args.word("cli.what.subject." + args.command());
        if (!expected.equals(word)) {
            throw new UsageException("cli.unknownSubject", args.command(), word, expected);
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /**
     * Opens the data folder of an existing community. A folder without one is refused before anything is written
     * to it, so a mistyped path does not leave an empty database behind.
     */
    AppContext openCommunity() {
        if (!Files.isDirectory(dataDir.resolve(Database.DB_FOLDER))) {
            throw new UserException("cli.noCommunity", dataDir.toString());
        }
        AppContext ctx = AppContext.open(dataDir);
        if (ctx.settings().community().isEmpty()) {
            ctx.close();
            throw new UserException("cli.noCommunity", dataDir.toString());
        }
        return ctx;
    }

    static Community community(AppContext ctx) {
        return ctx.settings().community().orElseThrow();
    }
}
