package org.caredesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a start tidies, and what it leaves alone. */
class FolderStartTest {
    @TempDir
    Path dir;

    @Test
    void theExtraFolder_losesOnlyPartFilesOlderThanAnHour_anotherPcMayBeWritingTheNewOnes() throws IOException {
        Path dataDir = Files.createDirectories(dir.resolve("data").resolve("db")).getParent();
        Path extra = Files.createDirectories(dir.resolve("usb"));
        BackupSettings.DEFAULTS.withExtraFolder(Optional.of(extra)).save(dataDir);
        Path old = Files.writeString(extra.resolve("caredesk-20250301-083000.zip.part"), "old");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path fresh = Files.writeString(extra.resolve("caredesk-20250302-083000.zip.part"), "being written");
        Path backup = Files.writeString(extra.resolve("caredesk-20250301-083000.zip"), "a backup");

        FolderStart.prepare(dataDir);

        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
        assertThat(backup).exists();
    }

    @Test
    void aFolderThatIsNoDataFolder_isNotTidied() throws IOException {
        Path someonesFolder = Files.createDirectories(dir.resolve("home"));
        Path theirs = Files.createDirectories(someonesFolder.resolve("tmp")).resolve("notes.txt");
        Files.writeString(theirs, "keep me");

        assertThat(FolderStart.prepare(someonesFolder)).isEqualTo(FolderStart.Restore.NONE);

        assertThat(theirs).exists();
    }
}
