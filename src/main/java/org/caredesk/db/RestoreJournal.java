package org.caredesk.db;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.caredesk.common.UserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of a restore's swap, on disk before the first rename: the current {@code db/} and key ring move into
 * {@code replaced-…/}, then the checked ones move from the work folder into their place. A process killed between
 * two renames used to leave a folder without {@code db/}, and the next start created a new empty database. Every
 * step is a rename that can be repeated (done when its source is gone and its target is there), so the next start
 * of anything that opens the folder ({@link FolderStart}) finishes a swap whose new files are all still there and
 * undoes one whose are not. Only run while holding the folder's {@link InstanceLock}.
 */
final class RestoreJournal {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreJournal.class);
    static final String FILE = "restore-journal.properties";
    /** What a swap moves, relative to a data folder: the database folder and the key ring that opens it. */
    static final List<Path> ITEMS = List.of(DatabaseFiles.DATABASE_FILE.getParent(), DatabaseFiles.KEY_RING);

    /** What the next start found. */
    enum Outcome { NONE, FINISHED, UNDONE }

    /**
     * Runs before every rename and before the journal goes: a test's crash harness makes it wait, so a kill lands
     * between two renames. Nothing in the program sets it.
     */
    static volatile Runnable beforeStep = () -> { };

    private final Path dataDir;
    private final Path aside;
    private final Path work;
    /** The items the folder had before the swap (moved aside) and those the backup brings (moved in). */
    private final Set<Path> old;
    private final Set<Path> fresh;

    private RestoreJournal(Path dataDir, Path aside, Path work, Set<Path> old, Set<Path> fresh) {
        this.dataDir = dataDir;
        this.aside = aside;
        this.work = work;
        this.old = old;
        this.fresh = fresh;
    }

    static Path file(Path dataDir) {
        return dataDir.resolve(FILE);
    }

    /** Writes the journal of a swap and forces it to the disk; nothing has been renamed yet. */
    static RestoreJournal begin(Path dataDir, Path aside, Path work) throws IOException {
        Set<Path> old = new LinkedHashSet<>();
        Set<Path> fresh = new LinkedHashSet<>();
        for (Path item : ITEMS) {
            if (Files.exists(dataDir.resolve(item))) {
                old.add(item);
            }
            if (Files.exists(work.resolve(item))) {
                fresh.add(item);
            }
        }
        RestoreJournal journal = new RestoreJournal(dataDir, aside, work, old, fresh);
        journal.write();
        return journal;
    }

    /**
     * Finishes or undoes a swap a crash interrupted; nothing when there is none.
     *
     * @throws UserException {@code restore.error.interrupted} when neither works (the journal stays for the next
     *     try and nothing else may touch the folder meanwhile)
     */
    static Outcome recover(Path dataDir) {
        Path file = file(dataDir);
        if (!Files.exists(file)) {
            return Outcome.NONE;
        }
        RestoreJournal journal;
        try {
            journal = read(dataDir);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserException(e, "restore.error.interrupted", file.toString());
        }
        try {
            if (journal.canFinish()) {
                journal.forward();
                LOG.warn("Finished a restore that was interrupted: the database from {} is in place, the one it "
                        + "replaced is in {}", journal.work, journal.aside);
                return Outcome.FINISHED;
            }
            journal.undo();
            LOG.warn("Undid a restore that was interrupted before its new files were all in place");
            return Outcome.UNDONE;
        } catch (IOException e) {
            throw new UserException(e, "restore.error.interrupted", file.toString());
        }
    }

    /** Every step in order; a step already done is passed over. Removes the journal at the end. */
    void forward() throws IOException {
        for (Path item : old) {
            // Once the old item is aside, what sits in its place may already be the new one.
            step(dataDir.resolve(item), aside.resolve(item), Files.exists(aside.resolve(item)));
        }
        for (Path item : fresh) {
            step(work.resolve(item), dataDir.resolve(item), !Files.exists(work.resolve(item)));
        }
        beforeStep.run();
        FolderSync.force(dataDir);
        FolderSync.force(aside);
        Files.deleteIfExists(file(dataDir));
        FolderSync.force(dataDir);
    }

    /** Puts back what was moved: the new files into the work folder, the old ones into their place. */
    void undo() throws IOException {
        List<Path> reversed = new ArrayList<>(fresh);
        java.util.Collections.reverse(reversed);
        for (Path item : reversed) {
            Path placed = dataDir.resolve(item);
            // What sits in place is the new item once the old one is aside (or there was none).
            boolean isNew = !old.contains(item) || Files.exists(aside.resolve(item));
            if (isNew && Files.exists(placed) && !Files.exists(work.resolve(item))) {
                rename(placed, work.resolve(item));
            }
        }
        for (Path item : old) {
            Path from = aside.resolve(item);
            if (Files.exists(from) && !Files.exists(dataDir.resolve(item))) {
                rename(from, dataDir.resolve(item));
            }
        }
        for (Path item : old) {
            if (!Files.exists(dataDir.resolve(item))) {
                throw new IOException(dataDir.resolve(item) + " could not be put back");
            }
        }
        FolderSync.force(dataDir);
        deleteIfEmpty(aside);
        Files.deleteIfExists(file(dataDir));
        FolderSync.force(dataDir);
    }

    /** Whether every new item is still somewhere (in the work folder or already in place) and every old one too. */
    private boolean canFinish() {
        for (Path item : fresh) {
            boolean inPlace = Files.exists(dataDir.resolve(item))
                    && (!old.contains(item) || Files.exists(aside.resolve(item)));
            if (!inPlace && !Files.exists(work.resolve(item))) {
                return false;
            }
        }
        for (Path item : old) {
            if (!Files.exists(dataDir.resolve(item)) && !Files.exists(aside.resolve(item))) {
                return false;
            }
        }
        return true;
    }

    /** One rename; {@code done} when it happened before an interruption, and then its target must be there. */
    private static void step(Path from, Path to, boolean done) throws IOException {
        beforeStep.run();
        if (done) {
            if (!Files.exists(to)) {
                throw new IOException(to + " is missing");
            }
            return;
        }
        if (!Files.exists(from)) {
            throw new IOException(from + " is missing");
        }
        if (Files.exists(to)) {
            throw new IOException(to + " is in the way");
        }
        rename(from, to);
    }

    private static void rename(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private void write() throws IOException {
        Properties p = new Properties();
        p.setProperty("aside", relative(aside));
        p.setProperty("work", relative(work));
        p.setProperty("old", join(old));
        p.setProperty("fresh", join(fresh));
        Path file = file(dataDir);
        Path part = file.resolveSibling(FILE + ".part");
        try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            p.store(w, "CareDesk restore in progress: finished or undone at the next start");
        }
        BackupFiles.force(part);
        rename(part, file);
        FolderSync.force(dataDir);
    }

    private static RestoreJournal read(Path dataDir) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file(dataDir), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new RestoreJournal(dataDir, inside(dataDir, p.getProperty("aside")),
                inside(dataDir, p.getProperty("work")), items(p.getProperty("old")), items(p.getProperty("fresh")));
    }

    private String relative(Path p) {
        return dataDir.relativize(p).toString().replace('\\', '/');
    }

    /** A folder named in the journal; the journal may only name folders inside the data folder. */
    private static Path inside(Path dataDir, String relative) {
        if (relative == null || relative.isBlank()) {
            throw new IllegalArgumentException("journal entry missing");
        }
        Path p = dataDir.resolve(relative).normalize();
        if (!p.startsWith(dataDir.normalize()) || p.equals(dataDir.normalize())) {
            throw new IllegalArgumentException("journal names a folder outside the data folder: " + relative);
        }
        return p;
    }

    private static String join(Set<Path> items) {
        List<String> names = new ArrayList<>();
        for (Path item : items) {
            names.add(item.toString().replace('\\', '/'));
        }
        return String.join(",", names);
    }

    private static Set<Path> items(String text) {
        Set<Path> items = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return items;
        }
        for (String name : text.split(",")) {
            Path item = ITEMS.stream().filter(i -> i.toString().replace('\\', '/').equals(name.strip()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown journal item " + name));
            items.add(item);
        }
        return items;
    }

    private static void deleteIfEmpty(Path folder) {
        try {
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            LOG.debug("{} is kept: {}", folder, e.toString());
        }
    }
}
