package org.caredesk.db;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.caredesk.app.AppContext;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditDetail;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.common.IdNumber;
import org.caredesk.common.Ids;
import org.caredesk.common.Pinyin;
import org.caredesk.common.Progress;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.PersonStatus;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.data.PersonRepository;
import org.caredesk.people.service.ColourRules;
import org.caredesk.roster.service.ImportResult;
import org.caredesk.roster.service.RosterImporter;
import org.caredesk.people.service.SearchText;

/**
 * The child process of {@link BulkCrashTest}: opens a data folder as the program does (the check passed in the
 * parent; the recovery of interrupted writes runs here), keeps a second thread saving single people and printing
 * {@code committed <uuid>} after each save returned, and runs one phase until it is killed:
 * <ul>
 *   <li>{@code import}: the roster file through the real {@link RosterImporter} and {@code PersonService};</li>
 *   <li>{@code import-old}: the same people in ONE transaction, as {@code registerAll} wrote them before issue 18
 *       (to show what the harness finds there);</li>
 *   <li>{@code backup}: a backup into the backup folder;</li>
 *   <li>{@code close}: the close, with the compaction forced (the note of the last compacted size removed).</li>
 * </ul>
 * It prints {@code ready} when the phase starts ({@code closing} right before the close) and {@code done} when the
 * phase returned. Arguments: data folder, phase, roster file (or the row count for {@code import-old}), round.
 */
public final class BulkCrashChild {
    static final String READY = "ready";
    static final String CLOSING = "closing";
    static final String DONE = "done";
    static final String COMMITTED = "committed ";
    static final String REFUSED = "refused ";
    /** Names of imported people start with this; single saves with {@link #SINGLE}. */
    static final String IMPORTED = "导入";
    static final String SINGLE = "单存";

    private BulkCrashChild() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        String phase = args[1];
        String roster = args[2];
        int round = Integer.parseInt(args[3]);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Clock clock = Clock.systemDefaultZone();
        AppContext ctx = BulkCrashTest.open(dataDir, clock);
        AtomicBoolean saving = new AtomicBoolean(true);
        Thread saver = new Thread(() -> {
            for (int i = 0; saving.get(); i++) {
                Person p = ctx.people().register(PersonDraft.minimal(SINGLE + round + "号" + i,
                        BackupTestData.idNumber(1930, i), List.of(Membership.of(Category.ELDERLY_ALONE))));
                out.println(COMMITTED + p.id());
                try {
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "single-saves");
        saver.start();
        switch (phase) {
            case "import" -> {
                out.println(READY);
                ImportResult result = new RosterImporter(ctx.people()).importFile(Path.of(roster), false,
                        Progress.NONE);
                if (result.refused()) {
                    out.println(REFUSED + result.errors().get(0).localized());
                }
            }
            case "import-old" -> {
                List<PersonDraft> drafts = BulkCrashTest.drafts(Integer.parseInt(roster));
                out.println(READY);
                importInOneTransaction(ctx, drafts, clock);
            }
            case "backup" -> {
                out.println(READY);
                new BackupService(dataDir, DatabaseFiles.plain(), clock).backupNow(ctx.database());
            }
            case "close" -> {
                Thread.sleep(300);
                saving.set(false);
                saver.join();
                growForCompaction(ctx, dataDir);
                Files.deleteIfExists(dataDir.resolve(Database.DB_FOLDER).resolve(Database.COMPACTED_SIZE_FILE));
                out.println(CLOSING);
                ctx.close();
            }
            default -> throw new IllegalArgumentException(phase);
        }
        out.println(DONE);
        saving.set(false);
        saver.join();
        Thread.sleep(Long.MAX_VALUE);
    }

    /**
     * Grows the file past the size at which the close compacts it (as many commits since the last compaction do):
     * filler rows in commits of a thousand, deleted again, so the compaction has dead space to drop.
     */
    private static void growForCompaction(AppContext ctx, Path dataDir) throws Exception {
        Path file = DatabaseFiles.databaseFile(dataDir);
        try (java.sql.Connection c = ctx.database().dataSource().getConnection();
             java.sql.Statement s = c.createStatement()) {
            s.execute("create table if not exists crash_filler (id int primary key, s varchar(300))");
            c.setAutoCommit(false);
            try (java.sql.PreparedStatement p = c.prepareStatement(
                    "insert into crash_filler values (?, repeat('x', 250))")) {
                for (int id = 0; Files.size(file) < 40L * 1024 * 1024; ) {
                    for (int i = 0; i < 1000; i++) {
                        p.setInt(1, id++);
                        p.addBatch();
                    }
                    p.executeBatch();
                    c.commit();
                }
            }
            s.execute("delete from crash_filler");
            c.commit();
        }
    }

    /** The import as {@code PersonService.registerAll} wrote it before issue 18: one transaction for everything. */
    private static void importInOneTransaction(AppContext ctx, List<PersonDraft> drafts, Clock clock) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<Person> people = new ArrayList<>();
        List<PersonRepository.SearchKeys> keys = new ArrayList<>();
        List<AuditEvent> events = new ArrayList<>();
        events.add(AuditEvent.success("test", AuditAction.IMPORT, AuditObjectType.ROSTER, null, "old.xlsx",
                AuditDetail.message("audit.detail.importCount", String.valueOf(drafts.size()))));
        for (PersonDraft d : drafts) {
            Person p = new Person(Ids.newId(), d, IdNumber.parseBirth(d.idNumber()).orElse(null),
                    IdNumber.sex(d.idNumber()), ColourRules.defaultColour(d.memberships()), PersonStatus.ACTIVE, null,
                    null, null, 0, now, now);
            Pinyin.Spellings s = Pinyin.of(p.name());
            people.add(p);
            keys.add(new PersonRepository.SearchKeys(s.sortKey(), s.primaryInitials(),
                    SearchText.haystack(p.name(), s, d.idNumber(), d.phone1(), d.phone2())));
            events.add(AuditEvent.success("test", AuditAction.PERSON_CREATED, AuditObjectType.PERSON,
                    p.id().toString(), p.name(), null));
        }
        PersonRepository repository = new PersonRepository();
        ctx.database().dsl().transaction(cfg -> {
            for (int from = 0; from < people.size(); from += 1000) {
                int to = Math.min(people.size(), from + 1000);
                repository.insertAll(cfg.dsl(), people.subList(from, to), keys.subList(from, to));
                ctx.care().registered(cfg.dsl(), people.subList(from, to));
            }
            ctx.audit().appendAll(cfg.dsl(), events);
        });
    }
}
