package org.caredesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupSettingsTest {
    @TempDir
    Path dataDir;

    @Test
    void aNewDataFolder_keeps30BackupsAndHasNoExtraFolder() {
        assertThat(BackupSettings.load(dataDir)).isEqualTo(new BackupSettings(30, Optional.empty()));
    }

    @Test
    void savedSettings_comeBack() {
        Path usb = dataDir.resolveSibling("U盘").resolve("社区备份");
        BackupSettings.DEFAULTS.withKeep(7).withExtraFolder(Optional.of(usb)).save(dataDir);

        BackupSettings loaded = BackupSettings.load(dataDir);

        assertThat(loaded.keep()).isEqualTo(7);
        assertThat(loaded.extraFolder()).contains(usb.toAbsolutePath());
        assertThat(BackupTestData.filesUnder(dataDir)).containsExactly("backup.properties");
    }

    @Test
    void aHandEditedFileWithNonsense_fallsBackToSafeValues() throws IOException {
        Files.writeString(dataDir.resolve("backup.properties"), "keep=many\nextraFolder=\n");
        assertThat(BackupSettings.load(dataDir)).isEqualTo(BackupSettings.DEFAULTS);

        Files.writeString(dataDir.resolve("backup.properties"), "keep=0\n");
        assertThat(BackupSettings.load(dataDir).keep()).isEqualTo(1);
    }

    @Test
    void keepingNoBackupAtAll_isNotASetting() {
        assertThatThrownBy(() -> BackupSettings.DEFAULTS.withKeep(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
