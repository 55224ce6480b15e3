package org.caredesk.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caredesk.app.AppContext;
import org.caredesk.app.Login;

/**
 * One run of the command line with stdout and stderr captured, the password in {@code CAREDESK_PASSWORD}, no
 * console, and a fast key derivation.
 */
record CliRun(int exit, List<String> out, List<String> err) {
    static final String PW = "Demo-pass2025";
    static final String NEW_PW = "First-pass1";

    static Login login() {
        return new Login(1_000, Clock.systemDefaultZone());
    }

    static CliRun run(Path dataDir, String... args) {
        return run(Map.of(Cli.PASSWORD_ENV, PW, Cli.NEW_PASSWORD_ENV, NEW_PW), dataDir, args);
    }

    static CliRun run(Map<String, String> env, Path dataDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Cli(dataDir, o, e, login(), env::get, prompt -> null).run(args);
        }
        return new CliRun(code, lines(out), lines(err));
    }

    /** A run as {@code user} with the demo password. */
    static CliRun as(String user, Path dataDir, String... args) {
        List<String> all = new ArrayList<>(List.of("--user", user));
        all.addAll(List.of(args));
        return run(dataDir, all.toArray(new String[0]));
    }

    static CliRun admin(Path dataDir, String... args) {
        return as(Login.DEMO_ADMIN, dataDir, args);
    }

    static CliRun demo(Path dataDir) {
        return run(dataDir, "demo", "--password", PW);
    }

    /** A data folder with a real (not demo) community and the administrator {@code admin}. */
    static void setUp(Path dataDir, String community) {
        login().setUp(dataDir, Login.CommunityChoice.named(community), Login.DEMO_ADMIN, "王主任", PW.toCharArray())
                .close();
    }

    /** The folder opened as the administrator, to look at what a command did. */
    static AppContext open(Path dataDir) {
        return login().open(dataDir, Login.DEMO_ADMIN, PW.toCharArray()).ctx();
    }

    private static List<String> lines(ByteArrayOutputStream b) {
        String s = b.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\\R"));
    }

    String outText() {
        return String.join("\n", out);
    }

    String errText() {
        return String.join("\n", err);
    }
}
