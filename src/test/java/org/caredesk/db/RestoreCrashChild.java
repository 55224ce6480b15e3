package org.caredesk.db;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import org.caredesk.app.Login;
import org.caredesk.cli.Cli;

/**
 * The child process of {@link RestoreSwapCrashTest}: runs the command line's {@code restore FILE} as the demo
 * administrator on a data folder, and before every step of the swap says {@code step} and waits a random moment,
 * so the parent's kill can land between two renames. Arguments: the data folder, the backup, a random seed.
 */
public final class RestoreCrashChild {
    static final String STEP = "step";
    static final String DONE = "done ";
    static final String PASSWORD = "Demo-pass2025";

    private RestoreCrashChild() {}

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        Random random = new Random(Long.parseLong(args[2]));
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        RestoreJournal.beforeStep = () -> {
            out.println(STEP);
            try {
                Thread.sleep(random.nextInt(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Map<String, String> env = Map.of(Cli.PASSWORD_ENV, PASSWORD);
        int code = new Cli(dataDir, System.err, System.err, new Login(1_000, Clock.systemDefaultZone()), env::get,
                prompt -> null).run("--user", Login.DEMO_ADMIN, "restore", args[1]);
        out.println(DONE + code);
    }
}
