package org.caredesk.cli;

import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.caredesk.app.AppContext;
import org.caredesk.app.DamagedDatabaseException;
import org.caredesk.app.Login;
import org.caredesk.app.SessionKey;
import org.caredesk.app.Version;
import org.caredesk.common.I18n;
import org.caredesk.common.Text;
import org.caredesk.common.UserException;
import org.caredesk.db.FolderStart;
import org.caredesk.db.InstanceLock;
import org.caredesk.db.InstanceLockException;
import org.caredesk.security.DataFolderKeys;
import org.caredesk.settings.Community;
import org.caredesk.ui.ErrorMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The headless command line over the same services as the window. Results go to {@code out}, errors and progress
 * to {@code err}, so a script can capture the results alone. Exit codes: 0 done, 1 refused or failed (a wrong
 * user name or password too), 2 usage error (a missing {@code --user} too).
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    /**
     * The commands that do not log in: {@code demo} creates the accounts (and takes {@code --password}), {@code bench}
     * measures a throwaway database and never opens the data folder. Every other command needs {@code --user},
     * checked here before the command reads its arguments, so a missing user is always the same usage error.
     */
    static final Set<String> WITHOUT_LOGIN = Set.of("demo", "bench");
    static final Set<String> KNOWN = Set.of("demo", "import", "export", "generate", "bench", "users", "audit",
            "backup", "restore", "check", "report");

    /** Where the password comes from when no console is there to ask. */
    public static final String PASSWORD_ENV = "CAREDESK_PASSWORD";
    /** The new account's password for {@code users add}. */
    public static final String NEW_PASSWORD_ENV = "CAREDESK_NEW_PASSWORD";

    private final Path dataDir;
    private final PrintStream out;
    private final PrintStream err;
    private final Login login;
    private final Function<String, String> env;
    private final Function<String, char[]> console;
    private String user;
    private boolean prepared;

    public Cli(Path dataDir, PrintStream out, PrintStream err) {
        this(dataDir, out, err, Login.standard(), System::getenv, Cli::readFromConsole);
    }

    /**
     * @param env     the environment variables (tests pass their own)
     * @param console asks for a password with the prompt given; null when there is no console
     */
    public Cli(Path dataDir, PrintStream out, PrintStream err, Login login, Function<String, String> env,
            Function<String, char[]> console) {
        this.dataDir = dataDir;
        this.out = out;
        this.err = err;
        this.login = login;
        this.env = env;
        this.console = console;
    }

    private static char[] readFromConsole(String prompt) {
        Console c = System.console();
        return c == null ? null : c.readPassword("%s", prompt);
    }

    public int run(String... args) {
        if (args.length == 0 || "--help".equals(args[0]) || "-h".equals(args[0]) || "help".equals(args[0])) {
            out.println(I18n.get("cli.help"));
            out.println(I18n.get("cli.help.safety"));
            out.println(I18n.get("cli.help.options"));
            out.println(I18n.get("cli.help.login"));
            out.println(I18n.get("cli.help.visits"));
            out.println(I18n.get("cli.help.report"));
            return OK;
        }
        if ("--version".equals(args[0])) {
            out.println("CareDesk " + Version.current());
            return OK;
        }
        try {
            // --user may come before the command as well as after it.
            Args all = new Args("", Arrays.asList(args));
            user = Text.clean(all.option("--user"));
            if (all.rest().isEmpty()) {
                throw new UsageException("cli.commandMissing");
            }
            String command = all.word("cli.what.file");
            Args rest = new Args(command, all.rest());
            return dispatch(command, rest);
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
        } catch (Error e) {
            // Out of memory (or stack): the command's transaction was rolled back as the error passed, so the
            // data is as it was; the user reads that in a sentence instead of a JVM stack trace.
            LOG.error("Command {} failed", List.of(args), e);
            err.println(ErrorMessages.of(e));
            return FAILED;
        }
    }

    private int dispatch(String command, Args args) {
        if (KNOWN.contains(command)) {
            if (WITHOUT_LOGIN.contains(command)) {
                if (user != null) {
                    throw new UsageException("demo".equals(command) ? "cli.userNotUsed.demo"
                            : "cli.userNotUsed.bench");
                }
            } else if (user == null) {
                throw new UsageException("cli.userRequired");
            }
        }
        // Every command that reaches the data folder holds its lock until it ends, so a restore, an import and an
        // export never run at once; restore takes it itself, from its first check to the end of the swap.
        prepared = false;
        try (InstanceLock lock = lockFor(command)) {
            if (lock != null) {
                prepareFolder();
            }
            return run(command, args);
        }
    }

    /**
     * The folder's lock for a command; null for those that never touch the folder ({@code bench}, unknown
     * words), for {@code restore} (it locks itself) and for a path that holds no data folder (a mistyped path must
     * not get a lock file; the command then refuses it).
     */
    private InstanceLock lockFor(String command) {
        if (!KNOWN.contains(command) || "bench".equals(command) || "restore".equals(command)) {
            return null;
        }
        if (!"demo".equals(command) && !FolderStart.isDataFolder(dataDir)) {
            return null;
        }
        return lockFolder();
    }

    /** The folder's lock, or the sentence that another program holds it. */
    InstanceLock lockFolder() {
        try {
            return InstanceLock.acquire(dataDir);
        } catch (InstanceLockException e) {
            throw new UserException(e, "cli.folderInUse", dataDir.toString());
        }
    }

    /**
     * Finishes or undoes a restore a crash interrupted and removes what interrupted work left, once per run and
     * only under the folder's lock (the dispatch's, or restore's own).
     */
    void prepareFolder() {
        if (prepared || !FolderStart.isDataFolder(dataDir)) {
            return;
        }
        prepared = true;
        switch (FolderStart.prepare(dataDir)) {
            case FINISHED -> err.println(I18n.get("restore.interrupted.finished"));
            case UNDONE -> err.println(I18n.get("restore.interrupted.undone"));
            default -> { }
        }
    }

    private int run(String command, Args args) {
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
                return new BenchCommand(this).run(args);
            case "users":
                subject(args, "add");
                return new UsersCommand(this).run(args);
            case "audit":
                return new AuditCommand(this).run(args);
            case "backup":
                return new BackupCommand(this).run(args);
            case "restore":
                return new RestoreCommand(this).run(args);
            case "check":
                return new CheckCommand(this).run(args);
            case "report":
                return new ReportCommand(this).run(args);
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

    /** The {@code --user} given, normalised as the accounts store it; null when none was. */
    String user() {
        return user == null ? null : org.caredesk.users.service.UserService.normaliseUserName(user);
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    Login login() {
        return login;
    }

    /**
     * A password: from the environment variable {@code envName} if set, else asked on the console.
     *
     * @throws UserException when neither is there (a script without the variable)
     */
    char[] password(String envName, String prompt) {
        String fromEnv = env.apply(envName);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        char[] typed = console.apply(prompt);
        if (typed == null) {
            throw new UserException("cli.noPassword", envName);
        }
        return typed;
    }

    /**
     * Logs in to the data folder as {@code --user}. A folder that is not set up is refused before anything is
     * written to it, so a mistyped path does not leave an empty database behind.
     */
    AppContext open() {
        Login.Opened opened = asUser((name, pw) -> {
            try {
                return login.open(dataDir, name, pw);
            } catch (DamagedDatabaseException e) {
                // The command line only says so (check and restore are the way on); the file key is not needed.
                e.close();
                err.println(e.result().message());
                e.result().offer().ifPresent(b -> err.println(I18n.get("cli.check.restoreHint",
                        b.file().toString())));
                throw e;
            }
        });
        if (opened.login().mustChangePassword()) {
            try {
                Login.logout(opened.ctx());
            } finally {
                opened.ctx().close();
            }
            throw new UserException("cli.mustChangePassword", user);
        }
        return opened.ctx();
    }

    /**
     * Only the file key, for {@code check} and {@code restore}, which must reach a database that may not open:
     * the same user and password as {@link #open()}.
     */
    SessionKey unlock() {
        return asUser((name, pw) -> login.unlock(dataDir, name, pw));
    }

    /**
     * The one way into the data folder as {@code --user}: refuses a missing user (usage error) and a folder that is
     * not set up, asks for the password, lets {@code into} use it and wipes it afterwards.
     */
    private <T> T asUser(BiFunction<String, char[], T> into) {
        if (user == null) {
            throw new UsageException("cli.userRequired");
        }
        prepareFolder();
        DataFolderKeys.State state = login.state(dataDir);
        switch (state) {
            case NEW -> throw new UserException("cli.noCommunity", dataDir.toString());
            case UNENCRYPTED -> throw new UserException("cli.notSetUp", dataDir.toString());
            case KEY_RING_MISSING -> throw new UserException("keyring.error.missing",
                    DataFolderKeys.keyRingFile(dataDir).toString());
            default -> { }
        }
        char[] pw = password(PASSWORD_ENV, I18n.get("cli.passwordPrompt", user));
        try {
            return into.apply(user, pw);
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    /**
     * The password of {@code --user} without checking it against this folder's key ring: {@code restore} onto a
     * folder without one (a new PC) checks it against the backup's own key ring instead (decision 0019).
     */
    char[] userPassword() {
        if (user == null) {
            throw new UsageException("cli.userRequired");
        }
        return password(PASSWORD_ENV, I18n.get("cli.passwordPrompt", user));
    }

    /** As {@link #open()}, for commands that need the community to exist. */
    AppContext openCommunity() {
        AppContext ctx = open();
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
