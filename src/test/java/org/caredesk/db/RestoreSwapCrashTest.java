package org.caredesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.caredesk.app.AppContext;
import org.caredesk.app.Login;
import org.caredesk.cli.Cli;
import org.caredesk.common.IdNumber;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 during a restore, inside the swap too, must never leave a folder without its data: a child JVM restores
 * a backup of 2 people over a folder of 3 and is killed at a random moment (half the rounds between two renames
 * of the swap, the other half anywhere from start to end); the next start, a {@code check}, must finish or undo
 * the swap, pass the integrity check and find either 3 people (the old data) or 2 (the backup's), never a new
 * empty database. {@code -Dcrash.rounds=N} for more rounds.
 */
class RestoreSwapCrashTest {
    private static final int ROUNDS = Integer.getInteger("crash.rounds", 10);
    private static final String PW = RestoreCrashChild.PASSWORD;

    @TempDir
    Path dir;

    /** A folder of 3 people and a backup of its first 2 outside it. */
    private void template(Path template, Path backup) {
        Login login = new Login(1_000, Clock.systemDefaultZone());
        try (AppContext ctx = login.setUp(template, Login.CommunityChoice.named("锦绣社区"), Login.DEMO_ADMIN, "王主任",
                PW.toCharArray())) {
            register(ctx, 2);
        }
        assertThat(cli(template, "backup", "--out", backup.toString()).exit).isEqualTo(Cli.OK);
        try (AppContext ctx = login.open(template, Login.DEMO_ADMIN, PW.toCharArray()).ctx()) {
            register(ctx, 1);
        }
    }

    /**
     * The swap stopped after each number of its steps, as a crash would leave it (journal written, some renames
     * done, the unpacked backup still in {@code tmp/}): the next start finishes it. With the unpacked backup gone
     * as well, it is undone and the old data is back.
     */
    @Test
    void aSwapStoppedAfterAnyStep_isFinishedAtTheNextStart_orUndoneWhenTheBackupIsGone() throws Exception {
        Path template = dir.resolve("template");
        Path backup = dir.resolve("backup.zip");
        template(template, backup);
        for (int stopAfter = 0; stopAfter <= 4; stopAfter++) {
            for (boolean workLost : List.of(false, true)) {
                Path dataDir = dir.resolve("stop-" + stopAfter + "-" + workLost);
                copyTree(template, dataDir);
                Path work = dataDir.resolve("tmp").resolve("restore-test");
                Files.createDirectories(work);
                BackupArchive.extract(backup, work);
                RestoreJournal journal = RestoreJournal.begin(dataDir, dataDir.resolve("replaced-test"), work);
                int[] steps = {0};
                int stop = stopAfter;
                RestoreJournal.beforeStep = () -> {
                    if (steps[0]++ == stop) {
                        throw new IllegalStateException("killed");
                    }
                };
                try {
                    journal.forward();
                } catch (IllegalStateException e) {
                    assertThat(e).hasMessage("killed");
                } finally {
                    RestoreJournal.beforeStep = () -> { };
                }
                boolean finishable = !workLost || stopAfter >= 4;
                if (workLost) {
                    deleteTree(work);
                }

                Run check = cli(dataDir, "check");

                String what = "stopped after " + stopAfter + " steps, unpacked backup " + (workLost ? "gone" : "kept");
                assertThat(check.exit).as(what + ": " + check.err).isEqualTo(Cli.OK);
                assertThat(check.out).as(what).contains(finishable ? "共有 2 个人员档案" : "共有 3 个人员档案");
                assertThat(check.err).as(what).contains(finishable ? "已经把恢复做完" : "已经撤销");
                assertThat(RestoreJournal.file(dataDir)).doesNotExist();
                assertThat(dataDir.resolve("tmp").resolve("restore-test")).doesNotExist();
            }
        }
    }

    @Test
    void killedWhileRestoring_theNextStartHasTheOldOrTheBackupsData() throws Exception {
        Path template = dir.resolve("template");
        Path backup = dir.resolve("backup.zip");
        template(template, backup);
        Random random = new Random(20261207L);
        int[] seen = new int[4];
        for (int round = 0; round < ROUNDS; round++) {
            Path dataDir = dir.resolve("round-" + round);
            copyTree(template, dataDir);
            boolean inSwap = round % 2 == 0;
            String outcome = killDuringRestore(dataDir, backup, random, inSwap);

            Run check = cli(dataDir, "check");

            assertThat(check.exit).as("round %d (%s): %s", round, outcome, check.err).isEqualTo(Cli.OK);
            assertThat(check.out).as("round %d (%s)", round, outcome)
                    .containsAnyOf("共有 3 个人员档案", "共有 2 个人员档案");
            assertThat(RestoreJournal.file(dataDir)).doesNotExist();
            assertThat(DatabaseFiles.databaseFile(dataDir)).exists();
            seen[check.out.contains("共有 2 个") ? 1 : 0]++;
            if (check.err.contains("已经把恢复做完")) {
                seen[2]++;
            } else if (check.err.contains("已经撤销")) {
                seen[3]++;
            }
        }
        System.out.printf("restore crash test: %d rounds; old data %d, backup's data %d; swaps finished at the "
                + "next start %d, undone %d%n", ROUNDS, seen[0], seen[1], seen[2], seen[3]);
    }

    /** Starts the child, kills it at a random moment, and says when. */
    private static String killDuringRestore(Path dataDir, Path backup, Random random, boolean inSwap)
            throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RestoreCrashChild.class.getName(), dataDir.toString(),
                backup.toString(), Long.toString(random.nextLong()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("closed");
            }
        });
        reader.setDaemon(true);
        reader.start();
        String when;
        try {
            if (inSwap) {
                int step = 1 + random.nextInt(5);
                int seenSteps = 0;
                while (seenSteps < step) {
                    String line = lines.poll(60, TimeUnit.SECONDS);
                    assertThat(line).as("the child reached the swap").isNotNull();
                    if (line.startsWith(RestoreCrashChild.DONE)) {
                        break;
                    }
                    if (RestoreCrashChild.STEP.equals(line)) {
                        seenSteps++;
                    }
                }
                Thread.sleep(random.nextInt(40));
                when = "at step " + step;
            } else {
                int millis = random.nextInt(3000);
                Thread.sleep(millis);
                when = "after " + millis + " ms";
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        return when;
    }

    private static void register(AppContext ctx, int n) {
        for (int i = 0; i < n; i++) {
            String first17 = "11010519700101" + String.format("%03d", ctx.people().count() + 1);
            ctx.people().register(PersonDraft.minimal("测试" + i, first17 + IdNumber.checkChar(first17),
                    List.of(Membership.of(Category.ELDERLY_ALONE))));
        }
    }

    private record Run(int exit, String out, String err) {}

    private static Run cli(Path dataDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = Stream.concat(Stream.of("--user", Login.DEMO_ADMIN), Stream.of(args)).toArray(String[]::new);
        Map<String, String> env = Map.of(Cli.PASSWORD_ENV, PW);
        int code = new Cli(dataDir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new Login(1_000, Clock.systemDefaultZone()),
                env::get, prompt -> null).run(all);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals(InstanceLock.FILE)) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
