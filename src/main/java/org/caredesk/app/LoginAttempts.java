package org.caredesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.caredesk.audit.AuditAction;

/**
 * Wrong passwords typed before the database is open, when the accounts table (which counts them afterwards) cannot
 * be read yet. Kept in {@code login-attempts.properties} in the data folder so that restarting the program does not
 * reset the count. The file holds user names, counts and times, nothing secret; it also keeps the failures as
 * events until the next successful login can write them to the audit log.
 *
 * <p>Every read-modify-write holds an operating-system lock on {@value #LOCK_NAME} (and, inside this program, one
 * monitor, since a JVM cannot hold two locks on one file): a dozen logins typed at once from several windows or
 * scripts each count, and the fifth locks the name (before, parallel attempts overwrote each other's count and
 * tripped over one shared temporary file).
 */
final class LoginAttempts {
    static final String FILE_NAME = "login-attempts.properties";
    static final String LOCK_NAME = "login-attempts.lock";
    /** One monitor for every instance: file locks are per process, and each login makes a new instance. */
    private static final Object IN_PROCESS = new Object();
    /** Older events are dropped beyond this, so someone typing at the login window cannot fill the disk. */
    static final int MAX_EVENTS = 500;

    private static final String FAILURES = "failures.";
    private static final String LOCKED_UNTIL = "lockedUntil.";
    private static final String EVENT = "event.";

    /** A failure or a lock not yet in the audit log. */
    record Event(Instant at, AuditAction action, String userName) {}

    private final Path file;
    private final int maxFailures;
    private final Duration lockDuration;

    LoginAttempts(Path dataDir, int maxFailures, Duration lockDuration) {
        this.file = dataDir.resolve(FILE_NAME);
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    /** When the user's lock ends, if they are locked at {@code now}. */
    Optional<Instant> lockedUntil(String user, Instant now) {
        return locked(p -> lockEnd(p, user, now));
    }

    private static Optional<Instant> lockEnd(Properties p, String user, Instant now) {
        String until = p.getProperty(LOCKED_UNTIL + user);
        if (until == null) {
            return Optional.empty();
        }
        Instant end = Instant.parse(until);
        return now.isBefore(end) ? Optional.of(end) : Optional.empty();
    }

    /**
     * Counts a wrong password.
     *
     * @return when the lock ends if this failure locked the account
     */
    Optional<Instant> failed(String user, Instant now) {
        return locked(p -> {
            List<Event> events = events(p);
            events.add(new Event(now, AuditAction.LOGIN_FAILED, user));
            Optional<Instant> already = lockEnd(p, user, now);
            if (already.isPresent()) {
                // A password typed in parallel with the one that locked the name: counted, the lock stays as set.
                setEvents(p, events);
                save(p);
                return already;
            }
            return count(p, events, user, now);
        });
    }

    private Optional<Instant> count(Properties p, List<Event> events, String user, Instant now) {
        int failures = Integer.parseInt(p.getProperty(FAILURES + user, "0")) + 1;
        Optional<Instant> locked = Optional.empty();
        if (failures >= maxFailures) {
            // The count starts again once the lock is over, as in the accounts table.
            Instant until = now.plus(lockDuration);
            p.remove(FAILURES + user);
            p.setProperty(LOCKED_UNTIL + user, until.toString());
            events.add(new Event(now, AuditAction.ACCOUNT_LOCKED, user));
            locked = Optional.of(until);
        } else {
            p.setProperty(FAILURES + user, String.valueOf(failures));
        }
        setEvents(p, events);
        save(p);
        return locked;
    }

    /** A successful login: the user's count and lock are cleared. */
    void succeeded(String user) {
        locked(p -> {
            if (p.remove(FAILURES + user) != null | p.remove(LOCKED_UNTIL + user) != null) {
                save(p);
            }
            return null;
        });
    }

    /** The events not yet in the audit log, oldest first. */
    List<Event> pending() {
        return locked(LoginAttempts::events);
    }

    /** Forgets the events up to and including {@code count}, after they were written to the audit log. */
    void written(int count) {
        locked(p -> {
            List<Event> events = events(p);
            setEvents(p, events.subList(Math.min(count, events.size()), events.size()));
            save(p);
            return null;
        });
    }

    /** Runs {@code work} on the file's current content while no other program or thread can change it. */
    private <T> T locked(Function<Properties, T> work) {
        synchronized (IN_PROCESS) {
            try (FileChannel ch = FileChannel.open(file.resolveSibling(LOCK_NAME), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
                return work.apply(load());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static List<Event> events(Properties p) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; p.getProperty(EVENT + i) != null; i++) {
            String[] parts = p.getProperty(EVENT + i).split(",", 3);
            events.add(new Event(Instant.parse(parts[0]), AuditAction.valueOf(parts[1]), parts[2]));
        }
        return events;
    }

    private static void setEvents(Properties p, List<Event> all) {
        p.keySet().removeIf(k -> k.toString().startsWith(EVENT));
        List<Event> kept = all.subList(Math.max(0, all.size() - MAX_EVENTS), all.size());
        for (int i = 0; i < kept.size(); i++) {
            Event e = kept.get(i);
            p.setProperty(EVENT + i, e.at() + "," + e.action().name() + "," + e.userName());
        }
    }

    private Properties load() {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    private void save(Properties p) {
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "CareDesk: wrong passwords before login (no passwords are stored here)");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
