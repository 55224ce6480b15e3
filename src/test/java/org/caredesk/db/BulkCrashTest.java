package org.caredesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.caredesk.app.AppContext;
import org.caredesk.app.Login;
import org.caredesk.common.Progress;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.service.SyntheticPeople;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash harness of issue 18 (docs/decisions/0017): kill -9 at random moments of large imports (2,000–5,000 rows
 * through the real importer into a folder of {@code crash.basePeople} people, 10,000 by default), of backups and of
 * the close with its compaction, while a second thread of the child saves single people. After every kill the
 * folder must pass {@link IntegrityCheck}, open through the program's own recovery
 * ({@link Login#recoverInterruptedWrites}), hold every single save the child reported, hold the import wholly or
 * not at all (wholly if it returned), have no row without its person, an intact audit chain, and pass the check
 * again after the close.
 *
 * <p>{@code -Dcrash.rounds=N} (default 10, 300 on request), {@code -Dcrash.basePeople=N},
 * {@code -Dcrash.oldImport=true} kills the import as it was written before issue 18 (one transaction) instead.
 */
class BulkCrashTest {
    private static final int ROUNDS = Integer.getInteger("crash.rounds", 10);
    private static final int BASE_PEOPLE = Integer.getInteger("crash.basePeople", 10_000);
    private static final boolean OLD_IMPORT = Boolean.getBoolean("crash.oldImport");
    private static final long SEED = Long.getLong("crash.seed", 20261207L);

    enum Phase {
        IMPORT("import"), IMPORT_OLD("import-old"), BACKUP("backup"), CLOSE("close");

        final String arg;

        Phase(String arg) {
            this.arg = arg;
        }
    }

    @TempDir
    Path work;

    @Test
    void killedDuringBulkWritesBackupsAndTheClose_neverTearsOrDamagesTheDatabase() throws Exception {
        long started = System.nanoTime();
        Clock clock = Clock.systemDefaultZone();
        Path base = work.resolve("base");
        try (AppContext ctx = open(base, clock)) {
            new SyntheticPeople(SEED, 0, ctx.people().today()).registerInto(ctx.people(), BASE_PEOPLE, Progress.NONE);
        }
        System.out.printf("bulk crash test: base folder of %d people, %d MB, made in %d s%n", BASE_PEOPLE,
                Files.size(DatabaseFiles.databaseFile(base)) / (1024 * 1024),
                (System.nanoTime() - started) / 1_000_000_000);
        List<Phase> phases = OLD_IMPORT ? List.of(Phase.IMPORT_OLD) : List.of(Phase.IMPORT, Phase.BACKUP, Phase.CLOSE);
        Random random = new Random(SEED);
        Map<Phase, Long> windows = new EnumMap<>(Phase.class);
        Map<Phase, int[]> tally = new EnumMap<>(Phase.class);
        List<String> failures = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Phase phase = phases.get(round % phases.size());
            Path folder = work.resolve("round-" + round);
            copyTree(base, folder);
            int rows = 2_000 + random.nextInt(3_001);
            String arg = "-";
            if (phase == Phase.IMPORT) {
                Path roster = work.resolve("roster-" + round + ".xlsx");
                writeRoster(roster, rows);
                arg = roster.toString();
            } else if (phase == Phase.IMPORT_OLD) {
                arg = Integer.toString(rows);
            }
            Child child = new Child(folder, phase, arg, round);
            boolean killedBeforeDone;
            long delay;
            try {
                child.await(phase == Phase.CLOSE ? child.closing : child.ready);
                if (phase == Phase.IMPORT) {
                    // The write begins with the marker, after the roster was read and checked and the copy taken.
                    Path marker = folder.resolve(BulkWriteGuard.SAFETY_FOLDER).resolve(BulkWriteGuard.MARKER);
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                    while (!Files.exists(marker) && child.done.getCount() > 0 && System.nanoTime() < deadline) {
                        Thread.sleep(2);
                    }
                }
                long from = System.nanoTime();
                Long window = windows.get(phase);
                delay = window == null ? -1 : (long) (random.nextDouble() * window);
                if (window == null) {
                    // The first round of a phase measures how long it takes; later ones are killed within the
                    // shortest time seen, so most kills land while the phase runs whatever the machine's load.
                    child.await(child.done);
                } else {
                    Thread.sleep(delay);
                }
                killedBeforeDone = child.done.getCount() > 0;
                if (!killedBeforeDone) {
                    long took = Math.max(20, (child.doneAt - from) / 1_000_000);
                    windows.merge(phase, took, Math::min);
                }
            } finally {
                child.kill();
            }
            System.out.printf("bulk crash test: round %d, %s, %d rows, killed %s ms after the start%s%n", round,
                    phase.arg, rows, delay < 0 ? "(none: measuring)" : Long.toString(delay),
                    killedBeforeDone ? " while it ran" : " after it ended");
            int[] t = tally.computeIfAbsent(phase, p -> new int[3]);
            t[killedBeforeDone ? 0 : 1]++;
            List<String> problems = verify(folder, phase, rows, child, !killedBeforeDone, clock);
            if (!problems.isEmpty()) {
                t[2]++;
                failures.add("round " + round + " (" + phase.arg + ", " + rows + " rows, window " + windows.get(phase)
                        + " ms): " + String.join("; ", problems));
                System.out.println("bulk crash test: " + failures.get(failures.size() - 1));
            }
            deleteTree(folder);
        }
        StringBuilder summary = new StringBuilder();
        tally.forEach((phase, t) -> summary.append(String.format(", %s: %d killed while running, %d after it ended,"
                + " %d failed", phase.arg, t[0], t[1], t[2])));
        System.out.printf("bulk crash test: %d rounds%s; %d failures; %d s%n", ROUNDS, summary, failures.size(),
                (System.nanoTime() - started) / 1_000_000_000);
        assertThat(failures).isEmpty();
    }

    /** Everything a killed round must still have; the empty list when it has it. */
    private static List<String> verify(Path folder, Phase phase, int rows, Child child, boolean phaseDone,
            Clock clock) {
        List<String> problems = new ArrayList<>();
        IntegrityCheck check = new IntegrityCheck(DatabaseFiles.plain());
        IntegrityCheckResult before = check.check(folder);
        if (before.damaged() && BulkWriteGuard.interrupted(folder).isPresent()) {
            // What the program does at its start: roll the interrupted write back, else write the file anew from
            // its rows (decision 0017); only if both fail is the safety copy offered.
            String found = before.detail();
            before = check.checkAtStart(folder, new RestoreService(folder, DatabaseFiles.plain(), clock));
            System.out.printf("bulk crash test: the read-only check found \"%s\"; the start's recovery %s%n", found,
                    before.damaged() ? "did not mend it" : "mended it");
        }
        if (before.damaged()) {
            problems.add("damaged after the kill: " + before.detail()
                    + (BulkWriteGuard.interrupted(folder).isPresent() ? " (the safety copy would be offered)" : ""));
            return problems;
        }
        try (AppContext ctx = open(folder, clock)) {
            DSLContext dsl = ctx.database().dsl();
            long imported = count(dsl, "select count(*) from person where name like '" + BulkCrashChild.IMPORTED
                    + "%'");
            if (imported != 0 && imported != rows) {
                problems.add("torn import: " + imported + " of " + rows + " people");
            }
            if ((phase == Phase.IMPORT || phase == Phase.IMPORT_OLD) && phaseDone && imported != rows) {
                problems.add("the import returned but " + imported + " of " + rows + " people are there");
            }
            long people = count(dsl, "select count(*) from person");
            for (String table : List.of("person_search", "person_schedule")) {
                long n = count(dsl, "select count(*) from " + table);
                if (n != people) {
                    problems.add(table + ": " + n + " rows for " + people + " people");
                }
            }
            long withoutCategory = count(dsl, "select count(*) from person p where not exists"
                    + " (select 1 from person_category c where c.person_id = p.id)");
            long orphanCategories = count(dsl, "select count(*) from person_category c where not exists"
                    + " (select 1 from person p where p.id = c.person_id)");
            if (withoutCategory != 0 || orphanCategories != 0) {
                problems.add(withoutCategory + " people without a category, " + orphanCategories
                        + " categories without a person");
            }
            if (count(dsl, "select count(*) from bulk_write where state = 'RUNNING'") != 0) {
                problems.add("a bulk write is still running after the recovery");
            }
            Set<UUID> stored = new HashSet<>(dsl.fetch("select id from person where name like '"
                    + BulkCrashChild.SINGLE + "%'").getValues(0, UUID.class));
            List<UUID> lost = child.committed.stream().filter(id -> !stored.contains(id)).toList();
            if (!lost.isEmpty()) {
                problems.add(lost.size() + " of " + child.committed.size() + " reported single saves lost");
            }
            var chain = ctx.audit().checkChain();
            if (!chain.intact()) {
                problems.add("audit chain: " + chain.finding() + " at " + chain.seq());
            }
        } catch (RuntimeException e) {
            problems.add("does not open: " + e);
            return problems;
        }
        IntegrityCheckResult after = check.check(folder);
        if (after.damaged()) {
            problems.add("damaged after the recovery and a clean close: " + after.detail());
        }
        return problems;
    }

    /** Opens a data folder as the program does after the check: the context, a logged-in test identity, recovery. */
    static AppContext open(Path dataDir, Clock clock) {
        AppContext ctx = new AppContext(dataDir, Database.openFile(dataDir), clock);
        ctx.session().login(AppContext.TEST_IDENTITY, clock.instant());
        Login.recoverInterruptedWrites(ctx);
        return ctx;
    }

    static List<PersonDraft> drafts(int rows) {
        List<PersonDraft> drafts = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            drafts.add(PersonDraft.minimal(BulkCrashChild.IMPORTED + i, BackupTestData.idNumber(1955, i),
                    List.of(Membership.of(Category.ELDERLY_ALONE))));
        }
        return drafts;
    }

    private static void writeRoster(Path file, int rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("人员名单");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("姓名");
            header.createCell(1).setCellValue("证件号码");
            header.createCell(2).setCellValue("人员类别");
            List<PersonDraft> drafts = drafts(rows);
            for (int i = 0; i < rows; i++) {
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(drafts.get(i).name());
                row.createCell(1).setCellValue(drafts.get(i).idNumber());
                row.createCell(2).setCellValue(Category.ELDERLY_ALONE.chinese());
            }
            wb.write(out);
            wb.dispose();
        }
    }

    private static long count(DSLContext dsl, String sql) {
        return ((Number) dsl.fetchValue(sql)).longValue();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** One child JVM running {@link BulkCrashChild}, and what it has said so far. */
    private static final class Child {
        private final Process process;
        final List<UUID> committed = new CopyOnWriteArrayList<>();
        final CountDownLatch ready = new CountDownLatch(1);
        final CountDownLatch closing = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(1);
        volatile long doneAt;
        private final Thread reader;

        Child(Path dataDir, Phase phase, String arg, int round) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx1g",
                    "-cp", System.getProperty("java.class.path"), BulkCrashChild.class.getName(),
                    dataDir.toString(), phase.arg, arg, Integer.toString(round))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            reader = new Thread(this::read, "bulk-crash-reader-" + round);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith(BulkCrashChild.COMMITTED)) {
                        committed.add(UUID.fromString(line.substring(BulkCrashChild.COMMITTED.length()).strip()));
                    } else if (line.equals(BulkCrashChild.READY)) {
                        ready.countDown();
                    } else if (line.equals(BulkCrashChild.CLOSING)) {
                        closing.countDown();
                    } else if (line.equals(BulkCrashChild.DONE)) {
                        doneAt = System.nanoTime();
                        done.countDown();
                    } else if (line.startsWith(BulkCrashChild.REFUSED)) {
                        System.out.println("bulk crash test: the import was refused: " + line);
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the child is killed
            }
        }

        void await(CountDownLatch latch) throws InterruptedException {
            assertThat(latch.await(180, TimeUnit.SECONDS)).as("the child got there").isTrue();
        }

        void kill() throws Exception {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
        }
    }
}
