package org.caredesk.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.caredesk.app.Version;
import org.caredesk.common.I18n;

/** The headless command line. Exit codes: 0 done, 1 refused or failed, 2 usage error. */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final Path dataDir;
    private final PrintStream out;
    private final PrintStream err;

    public Cli(Path dataDir, PrintStream out, PrintStream err) {
        this.dataDir = dataDir;
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        if (args.length == 0 || "--help".equals(args[0]) || "help".equals(args[0])) {
            out.println(I18n.get("cli.help"));
            return OK;
        }
        if ("--version".equals(args[0])) {
            out.println("CareDesk " + Version.current());
            return OK;
        }
        err.println(I18n.get("cli.unknownCommand", args[0]));
        return USAGE;
    }

    public Path dataDir() {
        return dataDir;
    }
}
