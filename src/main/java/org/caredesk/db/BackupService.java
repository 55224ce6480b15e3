package org.caredesk.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.common.UserException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of the database: {@code caredesk-yyyyMMdd-HHmmss.zip} in {@code <dataDir>/backups/} and, when set, a
 * copy in a second folder. A backup is written under a temporary name and renamed when complete, so a backup file
 * with its final name is always whole; a failure leaves the database and the older backups as they were.
 */
public final class BackupService {
    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
    public static final String BACKUP_FOLDER = "backups";
    private static final String MIGRATIONS = "classpath:db/migration";

    private final Path dataDir;
    private final DatabaseFiles files;
    private final Clock clock;

    public BackupService(Path dataDir, DatabaseFiles files, Clock clock) {
        this.dataDir = dataDir;
        this.files = files;
        this.clock = clock;
    }

    public static Path backupFolder(Path dataDir) {
        return dataDir.resolve(BACKUP_FOLDER);
    }

    public BackupSettings settings() {
        return BackupSettings.load(dataDir);
    }

    /** The backups in the data folder, newest first. */
    public List<Path> backups() {
        return BackupFiles.list(backupFolder(dataDir));
    }

    /**
     * The backups of the data folder and, when one is set, of the extra folder, newest first; an extra folder that
     * cannot be reached (a USB drive not plugged in) simply adds none.
     */
    public List<BackupEntry> catalogue() {
        List<BackupEntry> all = new ArrayList<>();
        for (Path b : backups()) {
            all.add(entry(b, false));
        }
        settings().extraFolder().ifPresent(extra -> BackupFiles.list(extra).forEach(b -> all.add(entry(b, true))));
        all.sort((a, b) -> BackupFiles.NEWEST_FIRST.compare(a.file(), b.file()));
        return all;
    }

    private static BackupEntry entry(Path file, boolean extra) {
        return new BackupEntry(file, BackupFiles.madeAt(file).orElse(null), size(file), extra);
    }

    /**
     * Backs up the open database into a chosen file (the command line's {@code --out}): no rotation, no extra copy.
     * The database stays usable meanwhile; the copy is of one consistent moment.
     */
    public BackupResult backup(Database live, Path target) {
        return backup(live, target, Progress.NONE);
    }

    public BackupResult backup(Database live, Path target, Progress progress) {
        Path absolute = target.toAbsolutePath();
        LocalDateTime now = LocalDateTime.now(clock);
        writeLive(live, absolute, now, progress);
        return new BackupResult(absolute, size(absolute), now, List.of(), List.of());
    }

    /** A backup into the backup folder, then the copy to the extra folder and the rotation of both. */
    public BackupResult backupNow(Database live) {
        return backupNow(live, Progress.NONE);
    }

    public BackupResult backupNow(Database live, Progress progress) {
        LocalDateTime now = LocalDateTime.now(clock);
        Path target = BackupFiles.freshName(backupFolder(dataDir), now);
        writeLive(live, target, now, progress);
        return finish(target, now);
    }

    /** The automatic backup at start: made when the backup folder has none from today yet. */
    public Optional<BackupResult> backupIfFirstStartToday(Database live) {
        LocalDate today = LocalDate.now(clock);
        if (backups().stream().anyMatch(b -> BackupFiles.madeOn(b, today))) {
            return Optional.empty();
        }
        LOG.info("First start today: backing up");
        return Optional.of(backupNow(live));
    }

    /**
     * The backup before a migration, to call before the database is opened: when the database exists and the
     * program brings migrations it has not had yet, the closed database file is copied as it is. Nothing happens
     * for a new data folder or a database that is up to date.
     */
    public Optional<BackupResult> backupBeforeMigration() {
        Path file = DatabaseFiles.databaseFile(dataDir);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> pending = pendingMigrations();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        LOG.info("Migrations {} are about to run: backing up the closed database first", pending);
        LocalDateTime now = LocalDateTime.now(clock);
        Path target = BackupFiles.freshName(backupFolder(dataDir), now);
        Path part = BackupFiles.partOf(target);
        try {
            Files.createDirectories(target.getParent());
            BackupArchive.Facts facts = facts(files.readOnly(dataDir));
            try (InputStream in = Files.newInputStream(file)) {
                BackupArchive.write(part, in, keyRing(), now, facts, files.fileKey());
            }
            BackupFiles.moveIntoPlace(part, target);
        } catch (IOException e) {
            throw BackupFiles.writeFailure(e, target.getParent());
        } finally {
            BackupFiles.deleteQuietly(part);
        }
        return Optional.of(finish(target, now));
    }

    /** The versions of the migrations the closed database has not had, read without writing to it. */
    List<String> pendingMigrations() {
        try {
            MigrationInfo[] pending = Flyway.configure()
                    .dataSource(files.readOnly(dataDir))
                    .locations(MIGRATIONS)
                    .load()
                    .info()
                    .pending();
            return Arrays.stream(pending).map(m -> String.valueOf(m.getVersion())).toList();
        } catch (RuntimeException e) {
            throw new UserException(e, "error.databaseOpen", dataDir.toString());
        }
    }

    private void writeLive(Database live, Path target, LocalDateTime now, Progress progress) {
        Path folder = target.getParent();
        Path part = BackupFiles.partOf(target);
        Path tmp = dataDir.resolve("tmp");
        Path snapshot = tmp.resolve("backup-" + UUID.randomUUID() + ".zip");
        progress.message(I18n.get("backup.progress.copying"));
        try {
            // Read before the copy: the head named is then certainly in it, whatever is appended meanwhile.
            BackupArchive.Facts facts = facts(live.dataSource());
            try {
                Files.createDirectories(tmp);
                snapshot(live, snapshot);
            } catch (IOException e) {
                throw BackupFiles.writeFailure(e, dataDir);
            }
            if (progress.isCancelled()) {
                throw new CancellationException("backup cancelled");
            }
            progress.message(I18n.get("backup.progress.writing", target.getFileName().toString()));
            try {
                Files.createDirectories(folder);
                try (ZipFile zip = new ZipFile(snapshot.toFile())) {
                    ZipEntry db = zip.stream().filter(e -> e.getName().endsWith(".mv.db")).findFirst()
                            .orElseThrow(() -> new IOException("H2 wrote no database file into " + snapshot));
                    try (InputStream in = zip.getInputStream(db)) {
                        BackupArchive.write(part, in, keyRing(), now, facts, files.fileKey());
                    }
                }
                BackupFiles.moveIntoPlace(part, target);
            } catch (IOException e) {
                throw BackupFiles.writeFailure(e, folder);
            }
            LOG.info("Backed up {} to {} ({} bytes)", live.description(), target, size(target));
        } finally {
            BackupFiles.deleteQuietly(part);
            BackupFiles.deleteQuietly(snapshot);
        }
    }

    /**
     * The community and the audit chain's head, for the manifest. A database from before either table (or one that
     * cannot be read here) gives none; the backup is still made, as it was before manifests named them.
     */
    static BackupArchive.Facts facts(DataSource ds) {
        Optional<BackupManifest.CommunityRef> community = Optional.empty();
        Optional<BackupManifest.ChainHead> head = Optional.empty();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select id, name from community order by created_at limit 1")) {
                if (rs.next()) {
                    community = Optional.of(new BackupManifest.CommunityRef(rs.getString(1), rs.getString(2)));
                }
            }
            try (ResultSet rs = s.executeQuery("select last_seq, last_hash from audit_head where id = 1")) {
                if (rs.next()) {
                    head = Optional.of(new BackupManifest.ChainHead(rs.getLong(1), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            LOG.warn("The backup's manifest names no community or audit head: {}", e.getMessage());
        }
        return new BackupArchive.Facts(community, head);
    }

    /** H2 copies the open database file into a zip while writers wait, which gives one consistent moment. */
    private static void snapshot(Database live, Path zip) throws IOException {
        try (Connection c = live.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IOException("BACKUP TO " + zip + " failed: " + e.getMessage(), e);
        }
    }

    /** The copy to the extra folder and the rotation; a failure here is reported, never fatal. */
    private BackupResult finish(Path target, LocalDateTime now) {
        BackupSettings settings = settings();
        BackupFiles.rotate(target.getParent(), settings.keep());
        List<Path> copies = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (settings.extraFolder().isPresent()) {
            Path extra = settings.extraFolder().get();
            try {
                copies.add(BackupFiles.copyInto(target, extra));
                BackupFiles.rotate(extra, settings.keep());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Backup {} could not be copied to {}", target, extra, e);
                String reason = BackupFiles.writeFailure(e, extra).localized();
                warnings.add(I18n.get("backup.warning.extraFolder", extra.toString(), reason));
            }
        }
        return new BackupResult(target, size(target), now, copies, warnings);
    }

    private Optional<Path> keyRing() {
        Path p = dataDir.resolve(DatabaseFiles.KEY_RING);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
