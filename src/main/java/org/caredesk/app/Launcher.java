package org.caredesk.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caredesk.cli.Cli;
import org.caredesk.common.I18n;

/**
 * Plain main (not a JavaFX Application, so the jar runs from the classpath): with a command it runs the command
 * line, without one it opens the window.
 */
public final class Launcher {
    /** The logging set-up for a run without a data folder to log into: warnings on stderr, nothing else. */
    static final String STDERR_LOGGING = "logback-stderr.xml";

    private Launcher() {}

    /**
     * Why a data folder cannot be used, in one sentence: a file, a whole drive, or a place that cannot be written.
     * A folder not there yet is fine as long as it could be made.
     */
    static Optional<String> unusable(Path dataDir) {
        Path folder = dataDir.toAbsolutePath().normalize();
        if (folder.getParent() == null) {
            return Optional.of(I18n.get("launcher.error.dataDirIsRoot", folder.toString()));
        }
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Optional.empty();
        }
        if (!Files.isDirectory(existing)) {
            return Optional.of(I18n.get("launcher.error.dataDirIsFile", existing.toString()));
        }
        if (!Files.isWritable(existing)) {
            return Optional.of(I18n.get("launcher.error.dataDirNotWritable", folder.toString()));
        }
        return Optional.empty();
    }

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
        // The command line speaks Chinese like the program; CAREDESK_LANG=en switches it to English.
        if ("en".equalsIgnoreCase(System.getenv("CAREDESK_LANG"))) {
            I18n.setLocale(I18n.ENGLISH);
        }
        // Before the first logger is created: a folder nothing can live in is said in one sentence, and no log
        // file is made anywhere (a file as data folder used to print logback's set-up failures on stdout).
        Optional<String> problem = unusable(dataDir);
        if (problem.isPresent()) {
            System.err.println(problem.get());
            System.exit(Cli.FAILED);
        }
        if (rest.isEmpty() || Files.isDirectory(dataDir)) {
            // logback.xml reads this to put logs inside the data folder.
            System.setProperty("caredesk.logDir", dataDir.resolve("logs").toString());
        } else {
            // A command on a folder that is not there creates none (only demo does, and logs nothing worth a
            // file): warnings go to stderr rather than into a folder made just for the log.
            System.setProperty("logback.configurationFile", STDERR_LOGGING);
        }
        if (rest.isEmpty()) {
            CareDeskApp.launch(dataDir);
        } else {
            int code = new Cli(dataDir, System.out, System.err).run(rest.toArray(new String[0]));
            System.exit(code);
        }
    }
}
