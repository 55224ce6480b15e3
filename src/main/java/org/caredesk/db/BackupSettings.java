package org.caredesk.db;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many backups to keep and the optional second folder (a USB drive, say). Stored in a small file in the data
 * folder rather than in the database: the backup before a migration and the offer of a backup when the database
 * is damaged both need it while the database cannot be read.
 *
 * @param keep        the newest this many backups are kept in each folder; older ones are deleted
 * @param extraFolder a second folder that gets a copy of every automatic backup
 */
public record BackupSettings(int keep, Optional<Path> extraFolder) {
    public static final int DEFAULT_KEEP = 30;
    public static final int MAX_KEEP = 1000;
    public static final BackupSettings DEFAULTS = new BackupSettings(DEFAULT_KEEP, Optional.empty());
    static final String FILE = "backup.properties";
    private static final String KEEP = "keep";
    private static final String EXTRA_FOLDER = "extraFolder";
    private static final Logger LOG = LoggerFactory.getLogger(BackupSettings.class);

    public BackupSettings {
        if (keep < 1 || keep > MAX_KEEP) {
            throw new IllegalArgumentException("keep must be 1.." + MAX_KEEP + ": " + keep);
        }
        extraFolder = extraFolder.map(p -> p.toAbsolutePath().normalize());
    }

    /** The settings of a data folder; the defaults when none were saved or the file cannot be understood. */
    public static BackupSettings load(Path dataDir) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dataDir.resolve(FILE), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return DEFAULTS;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Backup settings in {} unreadable; using the defaults", dataDir, e);
            return DEFAULTS;
        }
        int keep = DEFAULT_KEEP;
        try {
            keep = Math.max(1, Math.min(MAX_KEEP, Integer.parseInt(p.getProperty(KEEP, "").strip())));
        } catch (NumberFormatException e) {
            LOG.warn("Backup setting keep={} is not a number; keeping {}", p.getProperty(KEEP), DEFAULT_KEEP);
        }
        Optional<Path> extra = Optional.empty();
        String folder = p.getProperty(EXTRA_FOLDER, "").strip();
        if (!folder.isEmpty()) {
            try {
                extra = Optional.of(Path.of(folder));
            } catch (InvalidPathException e) {
                LOG.warn("Backup setting extraFolder={} is not a path on this computer", folder);
            }
        }
        return new BackupSettings(keep, extra);
    }

    /** Writes the settings next to the database, replacing the file in one step. */
    public void save(Path dataDir) {
        Properties p = new Properties();
        p.setProperty(KEEP, Integer.toString(keep));
        extraFolder.ifPresent(f -> p.setProperty(EXTRA_FOLDER, f.toString()));
        try {
            Files.createDirectories(dataDir);
            StringWriter text = new StringWriter();
            p.store(text, "CareDesk backup settings");
            Path part = dataDir.resolve(FILE + ".part");
            Files.writeString(part, text.toString(), StandardCharsets.UTF_8);
            BackupFiles.moveIntoPlace(part, dataDir.resolve(FILE));
        } catch (IOException e) {
            throw BackupFiles.writeFailure(e, dataDir);
        }
    }

    public BackupSettings withKeep(int n) {
        return new BackupSettings(n, extraFolder);
    }

    public BackupSettings withExtraFolder(Optional<Path> folder) {
        return new BackupSettings(keep, folder);
    }
}
