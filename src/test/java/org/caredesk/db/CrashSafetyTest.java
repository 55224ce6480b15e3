package org.caredesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 at random moments must never lose a commit that had returned: a child JVM registers people in a loop
 * through PersonService and reports each registration after it returned; it is killed with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux), then the database must pass the integrity check, open, and hold
 * every person the child reported, in every one of 20 rounds.
 */
class CrashSafetyTest {
    /** More rounds on demand: {@code -Dcrash.rounds=80} (at most 80: the invented birth years stay in the past). */
    private static final int ROUNDS = Integer.getInteger("crash.rounds", 20);

    @TempDir
    Path dataDir;

    @Test
    void killedWhileWriting_everyReportedCommitSurvives() throws Exception {
        Random random = new Random(20250301L);
        Set<UUID> committed = new HashSet<>();
        long started = System.nanoTime();
        Child next = new Child(dataDir, 0);
        for (int round = 0; round < ROUNDS; round++) {
            Child child = next;
            List<UUID> reported = child.writeFor(20 + random.nextInt(600));
            // The next child warms up while this round is checked; it touches the folder only after "go".
            next = round + 1 < ROUNDS ? new Child(dataDir, round + 1) : null;

            IntegrityCheckResult check = new IntegrityCheck(DatabaseFiles.plain()).check(dataDir);
            assertThat(check.status()).as("round %d: %s", round, check.detail())
                    .isEqualTo(IntegrityCheckResult.Status.OK);
            committed.addAll(reported);
            Set<UUID> stored = storedIds();
            assertThat(stored).as("round %d", round).containsAll(committed);
            committed = stored;
        }
        assertThat(committed.size()).as("people written over all rounds").isGreaterThan(ROUNDS);
        System.out.printf("crash test: %d rounds, %d people, %d s%n", ROUNDS, committed.size(),
                (System.nanoTime() - started) / 1_000_000_000);
    }

    private Set<UUID> storedIds() throws Exception {
        Set<UUID> ids = new HashSet<>();
        try (Database db = Database.openFile(dataDir); Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from person")) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    /** One child JVM running {@link CrashWriter}, and what it has said so far. */
    private static final class Child {
        private final Process process;
        private final List<UUID> reported = new CopyOnWriteArrayList<>();
        private final CountDownLatch warm = new CountDownLatch(1);
        private final CountDownLatch ready = new CountDownLatch(1);
        private final Thread reader;

        Child(Path dataDir, int round) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(),
                    dataDir.toString(), Integer.toString(round))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            reader = new Thread(this::read, "crash-child-reader-" + round);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.equals(CrashWriter.WARM)) {
                        warm.countDown();
                    } else if (line.equals(CrashWriter.READY)) {
                        ready.countDown();
                    } else if (line.startsWith(CrashWriter.COMMITTED)) {
                        reported.add(UUID.fromString(line.substring(CrashWriter.COMMITTED.length()).strip()));
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the child is killed
            }
        }

        /** Lets the child open the database and write for a while, kills it, and returns what it reported. */
        List<UUID> writeFor(int millis) throws Exception {
            try {
                assertThat(warm.await(60, TimeUnit.SECONDS)).as("the child started").isTrue();
                OutputStream in = process.getOutputStream();
                in.write((CrashWriter.GO + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
                assertThat(ready.await(60, TimeUnit.SECONDS)).as("the child opened the database").isTrue();
                Thread.sleep(millis);
            } finally {
                process.destroyForcibly();
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            reader.join(10_000);
            return List.copyOf(reported);
        }
    }
}
