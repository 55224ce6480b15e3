package org.caredesk.backups.service;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.caredesk.audit.Actor;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditDetail;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.audit.AuditOutcome;
import org.caredesk.audit.FieldChange;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.Problem;
import org.caredesk.common.Progress;
import org.caredesk.common.UserException;
import org.caredesk.common.ValidationException;
import org.caredesk.db.BackupEntry;
import org.caredesk.db.BackupResult;
import org.caredesk.db.BackupService;
import org.caredesk.db.BackupSettings;
import org.caredesk.db.Database;
import org.caredesk.db.DatabaseFiles;
import org.caredesk.db.RestoreReport;
import org.caredesk.db.RestoreResult;
import org.caredesk.db.RestoreService;
import org.caredesk.security.AccessDeniedException;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrator's backups (备份与恢复): back up now, the list of backups, inspecting and restoring one, and the
 * two backup settings. Checks the session's permissions (BACKUP, RESTORE) and records every backup, restore and
 * settings change in the audit log; the file work itself is {@link BackupService} and {@link RestoreService}.
 *
 * <p>A restore replaces the database under the running program: the live database is closed first (so this
 * service and the context it came from are finished afterwards, whatever the outcome; see {@link #liveClosed()}),
 * and the entry recording the restore is written into the restored database, where the next login finds it.
 */
public final class BackupsService {
    private static final Logger LOG = LoggerFactory.getLogger(BackupsService.class);
    /** Field names of the settings' problems. */
    public static final String KEEP = "keep";
    public static final String EXTRA_FOLDER = "extraFolder";
    /** The audit detail of a restore offered at start for a damaged database. */
    public static final String AFTER_DAMAGE = "restore.audit.afterDamage";
    /** The audit detail of the command line's restore. */
    public static final String COMMAND_LINE = "restore.audit.commandLine";
    /** The audit entry's object id for a change of the backup settings. */
    static final String SETTINGS_ID = "backup";

    private final Path dataDir;
    private final Database live;
    private final Runnable closeLive;
    private final DatabaseFiles files;
    private final BackupService backups;
    private final RestoreService restore;
    private final AuditLog audit;
    private final Actor actor;
    private final Session session;
    private final Clock clock;
    private volatile boolean liveClosed;

    /**
     * @param closeLive closes the live database so that a restore may replace its file
     * @param files     how to open the data folder's database after a restore, to record it there
     * @param restore   with the checks a backup must pass ({@link AuditChainCheck} among them)
     */
    public BackupsService(Path dataDir, Database live, Runnable closeLive, DatabaseFiles files, BackupService backups,
            RestoreService restore, AuditLog audit, Actor actor, Session session, Clock clock) {
        this.dataDir = dataDir;
        this.live = live;
        this.closeLive = closeLive;
        this.files = files;
        this.backups = backups;
        this.restore = restore;
        this.audit = audit;
        this.actor = actor;
        this.session = session;
        this.clock = clock;
    }

    /** The backups of the data folder and the extra folder, newest first. */
    public List<BackupEntry> list() {
        requireBackupOrRestore();
        return backups.catalogue();
    }

    public BackupSettings settings() {
        requireBackupOrRestore();
        return backups.settings();
    }

    /**
     * A backup now, into the data folder (rotated) and a copy into the extra folder when one is set. A copy that
     * fails is a warning in the result; a backup that fails is an exception with one sentence, and the database and
     * the older backups are as they were. Both outcomes are recorded.
     */
    public BackupResult backupNow(Progress progress) {
        session.require(Permission.BACKUP);
        BackupResult result;
        try {
            result = backups.backupNow(live, progress);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            recordQuietly(new AuditEvent(actor.userName(), AuditAction.BACKUP, AuditObjectType.DATABASE, null,
                    null, failure(e), AuditOutcome.FAILURE));
            throw e;
        }
        audit.record(AuditEvent.success(actor.userName(), AuditAction.BACKUP, AuditObjectType.DATABASE, null,
                result.file().getFileName().toString(), made(result, "backups.audit.made", "backups.audit.madeWithCopy",
                        "backups.audit.madeCopyFailed")));
        return result;
    }

    /** A backup into a chosen file only (the command line's {@code --out}): no rotation, no extra copy. */
    public BackupResult backupTo(Path target, Progress progress) {
        session.require(Permission.BACKUP);
        BackupResult result;
        try {
            result = backups.backup(live, target, progress);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            recordQuietly(new AuditEvent(actor.userName(), AuditAction.BACKUP, AuditObjectType.DATABASE, null,
                    target.getFileName().toString(), failure(e), AuditOutcome.FAILURE));
            throw e;
        }
        audit.record(AuditEvent.success(actor.userName(), AuditAction.BACKUP, AuditObjectType.DATABASE, null,
                result.file().toString(), made(result, "backups.audit.made", "backups.audit.madeWithCopy",
                        "backups.audit.madeCopyFailed")));
        return result;
    }

    /**
     * The automatic backup at the first login of each day, made for whoever logs in (no permission needed: the
     * program does it, not the user) and recorded under the system's name.
     */
    public Optional<BackupResult> backupIfFirstStartToday() {
        Optional<BackupResult> result = backups.backupIfFirstStartToday(live);
        result.ifPresent(r -> audit.record(AuditEvent.success(Actor.SYSTEM_NAME, AuditAction.BACKUP,
                AuditObjectType.DATABASE, null, r.file().getFileName().toString(),
                made(r, "backups.audit.daily", "backups.audit.dailyWithCopy",
                        "backups.audit.dailyCopyFailed"))));
        return result;
    }

    /**
     * Checks a backup (it unpacks, passes the integrity check and opens, its audit chain is intact) and says what
     * it holds, without touching the database.
     */
    public RestoreReport inspect(Path backup, Progress progress) {
        session.require(Permission.RESTORE);
        return restore.inspect(backup, progress);
    }

    /**
     * Replaces the database with a backup that passes {@link #inspect}; the replaced database is kept in
     * {@code replaced-…} in the data folder. A backup that does not pass is refused while the database is still
     * open and nothing changes. Otherwise the live database is closed first; the user must log in again afterwards
     * (to the restored data, with the passwords it had), also when the restore then failed.
     */
    public RestoreResult restore(Path backup, Progress progress) {
        session.require(Permission.RESTORE);
        String name = backup.getFileName().toString();
        RestoreReport report = restore.inspect(backup, progress);
        if (!report.ok()) {
            audit.record(new AuditEvent(actor.userName(), AuditAction.RESTORE, AuditObjectType.DATABASE, null, name,
                    AuditDetail.text(report.problems().get(0)), AuditOutcome.FAILURE));
            throw new UserException("restore.error.notUsable", name, report.problems().get(0));
        }
        String who = actor.userName();
        liveClosed = true;
        closeLive.run();
        return restoreClosed(restore, files, dataDir, backup, who, "restore.audit.done", clock, progress);
    }

    /** Whether {@link #restore} closed the live database: then the program must log in again, success or not. */
    public boolean liveClosed() {
        return liveClosed;
    }

    /**
     * A restore while no database is open and no session exists: the one offered at start when the database is
     * damaged, and the command line's {@code restore}. The roles are asked of the folder's database, read-only, and
     * when it cannot answer (damaged, missing, a new PC) of the backup's accounts ({@link RestoreRights}): only a
     * user who may restore puts a checked backup back. The replaced file is kept in {@code replaced-…}; the restore
     * is recorded in the restored database under {@code userName}.
     *
     * @param detailKey {@link #AFTER_DAMAGE} or {@link #COMMAND_LINE}: what the audit entry says about the occasion
     * @throws AccessDeniedException when the user may not restore; recorded in the folder's audit log, nothing read
     *     from the backup
     */
    public static RestoreResult restoreWithoutSession(RestoreService restore, DatabaseFiles files, Path dataDir,
            Path backup, String userName, String detailKey, Clock clock, Progress progress) {
        RestoreService checked = withRestoreRight(restore, files, dataDir, userName, backup, clock);
        return restoreClosed(checked, files, dataDir, backup, userName, detailKey, clock, progress);
    }

    /**
     * The permission check of a restore without a session, to make before a backup is even inspected (issue 8).
     *
     * @return {@code restore}, with the backup's own check of the user added when the folder could not answer
     * @throws AccessDeniedException when the folder's database says the user may not restore; the refusal is
     *     recorded there as a failure under the user's name
     */
    public static RestoreService withRestoreRight(RestoreService restore, DatabaseFiles files, Path dataDir,
            String userName, Path backup, Clock clock) {
        Optional<Boolean> folder = RestoreRights.inFolder(files, dataDir, userName);
        if (folder.isEmpty()) {
            return restore.withCheck(RestoreRights.inBackup(userName));
        }
        if (!folder.get()) {
            AccessDeniedException refused = new AccessDeniedException(Permission.RESTORE);
            recordIn(files, dataDir, clock, new AuditEvent(userName, AuditAction.RESTORE, AuditObjectType.DATABASE,
                    null, backup.getFileName().toString(), failure(refused), AuditOutcome.FAILURE));
            throw refused;
        }
        return restore;
    }

    private static RestoreResult restoreClosed(RestoreService restore, DatabaseFiles files, Path dataDir,
            Path backup, String userName, String detailKey, Clock clock, Progress progress) {
        String name = backup.getFileName().toString();
        RestoreResult result;
        try {
            result = restore.restore(backup, progress);
        } catch (RuntimeException e) {
            // Nothing was replaced: the entry goes into the database that is still there, if it opens.
            recordIn(files, dataDir, clock, new AuditEvent(userName, AuditAction.RESTORE, AuditObjectType.DATABASE,
                    null, name, failure(e), AuditOutcome.FAILURE));
            throw e;
        }
        recordIn(files, dataDir, clock, AuditEvent.success(userName, AuditAction.RESTORE, AuditObjectType.DATABASE,
                null, name, AuditDetail.message(detailKey, result.restored().createdText(),
                        result.replacedFolder().getFileName().toString())));
        return result;
    }

    /**
     * Saves how many backups to keep (1 to {@value BackupSettings#MAX_KEEP}) and the extra folder (none: empty).
     * The folder is not required to be there now: a USB drive may be plugged in only at backup time.
     *
     * @throws ValidationException naming the field, before anything is written
     */
    public BackupSettings saveSettings(int keep, Optional<Path> extraFolder) {
        session.require(Permission.BACKUP);
        List<Problem> problems = new ArrayList<>();
        if (keep < 1 || keep > BackupSettings.MAX_KEEP) {
            problems.add(keepProblem(String.valueOf(keep)));
        }
        Optional<Path> extra = extraFolder.map(p -> p.toAbsolutePath().normalize());
        if (extra.isPresent() && extra.get().equals(BackupService.backupFolder(dataDir).toAbsolutePath()
                .normalize())) {
            problems.add(Problem.error(EXTRA_FOLDER, "problem.backupExtra.same", extra.get().toString()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        BackupSettings old = backups.settings();
        BackupSettings chosen = new BackupSettings(keep, extra);
        if (chosen.equals(old)) {
            return old;
        }
        chosen.save(dataDir);
        List<FieldChange> changes = new ArrayList<>();
        if (old.keep() != chosen.keep()) {
            changes.add(new FieldChange("field.backupKeep", String.valueOf(old.keep()),
                    String.valueOf(chosen.keep())));
        }
        if (!Objects.equals(old.extraFolder(), chosen.extraFolder())) {
            changes.add(new FieldChange("field.backupExtraFolder", old.extraFolder().map(Path::toString).orElse(null),
                    chosen.extraFolder().map(Path::toString).orElse(null)));
        }
        try {
            audit.record(AuditEvent.success(actor.userName(), AuditAction.SETTING_CHANGED, AuditObjectType.SETTING,
                    SETTINGS_ID, null, AuditDetail.changes(changes)));
        } catch (RuntimeException e) {
            // A change that cannot be recorded does not stay.
            old.save(dataDir);
            throw e;
        }
        return chosen;
    }

    /** The sentence for a number of backups to keep that is not a whole number from 1 to the maximum. */
    public static Problem keepProblem(String typed) {
        return Problem.error(KEEP, "problem.backupKeep.range", typed, "1", String.valueOf(BackupSettings.MAX_KEEP));
    }

    private void requireBackupOrRestore() {
        if (!session.has(Permission.BACKUP)) {
            session.require(Permission.RESTORE);
        }
    }

    /** What a backup entry says: the size, and where the copy went or why it did not. */
    private static AuditDetail made(BackupResult r, String plainKey, String copiedKey, String copyFailedKey) {
        String kb = String.valueOf(Math.max(1, r.bytes() / 1024));
        if (!r.copies().isEmpty()) {
            return AuditDetail.message(copiedKey, kb, r.copies().get(0).getParent().toString());
        }
        if (!r.warnings().isEmpty()) {
            return AuditDetail.message(copyFailedKey, kb, r.warnings().get(0));
        }
        return AuditDetail.message(plainKey, kb);
    }

    private static AuditDetail failure(RuntimeException e) {
        if (e instanceof UserException u) {
            return AuditDetail.message(u.key(), u.args());
        }
        return AuditDetail.text(e.getClass().getSimpleName());
    }

    private void recordQuietly(AuditEvent event) {
        try {
            audit.record(event);
        } catch (RuntimeException e) {
            LOG.warn("Could not record {} in the audit log", event.action(), e);
        }
    }

    /** Appends one entry to the data folder's database, opened for this alone (the live one is closed). */
    private static void recordIn(DatabaseFiles files, Path dataDir, Clock clock, AuditEvent event) {
        try (Database db = files.open(dataDir)) {
            new AuditLog(db.dsl(), new AuditRepository(), clock, new Session()).record(event);
        } catch (RuntimeException e) {
            LOG.error("Could not record {} of {} in the audit log", event.action(), dataDir, e);
        }
    }
}
