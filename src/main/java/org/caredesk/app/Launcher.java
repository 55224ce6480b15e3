package org.caredesk.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.caredesk.cli.Cli;
import org.caredesk.common.I18n;

/**
 * Plain main (not a JavaFX Application, so the jar runs from the classpath): with a command it runs the command
 * line, without one it opens the window.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        List<String> rest = new ArrayList<>();
        String dataDirOption = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ("--data-dir".equals(a)) {
                if (i + 1 >= args.length) {
                    System.err.println(I18n.get("cli.dataDirMissing"));
                    System.exit(Cli.USAGE);
                }
                dataDirOption = args[++i];
            } else if (a.startsWith("--data-dir=")) {
                dataDirOption = a.substring("--data-dir=".length());
            } else {
                rest.add(a);
            }
        }
        Path dataDir = DataDirectory.resolve(dataDirOption);
        // Before the first logger is created: logback.xml reads this to put logs inside the data folder.
        System.setProperty("caredesk.logDir", dataDir.resolve("logs").toString());
        // The command line speaks Chinese like the program; CAREDESK_LANG=en switches it to English.
        if ("en".equalsIgnoreCase(System.getenv("CAREDESK_LANG"))) {
            I18n.setLocale(I18n.ENGLISH);
        }
        if (rest.isEmpty()) {
            CareDeskApp.launch(dataDir);
        } else {
            int code = new Cli(dataDir, System.out, System.err).run(rest.toArray(new String[0]));
            System.exit(code);
        }
    }
}
