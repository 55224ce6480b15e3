package org.caredesk.backups.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.caredesk.app.AppContext;
import org.caredesk.app.MutableClock;
import org.caredesk.backups.service.AuditChainCheck;
import org.caredesk.backups.service.BackupsService;
import org.caredesk.common.I18n;
import org.caredesk.common.IdNumber;
import org.caredesk.db.BackupService;
import org.caredesk.db.BackupSettings;
import org.caredesk.db.BackupTampering;
import org.caredesk.db.Database;
import org.caredesk.db.DatabaseFiles;
import org.caredesk.db.RestoreService;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonDraft;
import org.caredesk.security.Role;
import org.caredesk.security.UserIdentity;
import org.caredesk.ui.DirectTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup page's state and commands, without the toolkit, on a data folder on disk. */
class BackupsViewModelTest {
    @TempDir
    Path dataDir;
    private final MutableClock clock = MutableClock.morning();
    private final DatabaseFiles files = DatabaseFiles.plain();
    private final List<String> replaced = new ArrayList<>();
    private AppContext ctx;
    private BackupsViewModel vm;

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        ctx = new AppContext(dataDir, Database.openFile(dataDir), clock);
        ctx.session().login(new UserIdentity(UUID.randomUUID(), "admin", "王主任", EnumSet.of(Role.DIRECTOR)),
                clock.instant());
        String first17 = "11010519700101001";
        ctx.people().register(PersonDraft.minimal("陈静", first17 + IdNumber.checkChar(first17),
                List.of(Membership.of(Category.ELDERLY_ALONE))));
        RestoreService restore = new RestoreService(dataDir, files, clock).withCheck(new AuditChainCheck(clock));
        BackupsService service = new BackupsService(dataDir, ctx.database(), ctx.database()::close, files,
                new BackupService(dataDir, files, clock), restore, ctx.audit(), ctx.actor(), ctx.session(), clock);
        vm = new BackupsViewModel(service, new DirectTaskRunner(), replaced::add);
        vm.load();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void load_showsTheSavedSettings_andNoBackups() {
        assertThat(vm.backups()).isEmpty();
        assertThat(vm.keepTextProperty().get()).isEqualTo("30");
        assertThat(vm.extraFolderProperty().get()).isNull();
        assertThat(vm.canSaveSettingsBinding().get()).as("nothing changed yet").isFalse();
    }

    @Test
    void backupNow_namesTheFileAndItsSize_andTheListShowsIt() {
        vm.backupNow();

        assertThat(vm.backups()).singleElement().satisfies(b -> {
            assertThat(b.file().getFileName()).hasToString("caredesk-20250602-090000.zip");
            assertThat(BackupsViewModel.createdText(b)).isEqualTo("2025-06-02 09:00:00");
            assertThat(BackupsViewModel.placeText(b)).isEqualTo("数据文件夹");
        });
        assertThat(vm.infoProperty().get()).startsWith("已备份到“caredesk-20250602-090000.zip”（").endsWith(" KB）。");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aNumberOfBackupsThatIsNotANumber_isSaidUnderTheField_andCannotBeSaved() {
        vm.keepTextProperty().set("三十");
        assertThat(vm.keepErrorProperty().get()).isEqualTo("保留备份份数应是 1 到 1000 之间的整数，现在是“三十”。");
        assertThat(vm.canSaveSettingsBinding().get()).isFalse();
        vm.saveSettings();
        assertThat(Files.exists(dataDir.resolve("backup.properties"))).isFalse();

        vm.keepTextProperty().set(" 12 ");
        assertThat(vm.keepErrorProperty().get()).isEmpty();
        assertThat(vm.canSaveSettingsBinding().get()).isTrue();
    }

    @Test
    void settings_areSaved_withTheExtraFolder_andCanBeClearedAgain() {
        Path usb = dataDir.resolveSibling("usb-drive");
        vm.keepTextProperty().set("12");
        vm.chooseExtraFolder(usb);
        vm.saveSettings();

        assertThat(vm.infoProperty().get()).isEqualTo("备份设置已保存。");
        assertThat(BackupSettings.load(dataDir)).isEqualTo(new BackupSettings(12, Optional.of(usb)));
        assertThat(vm.canSaveSettingsBinding().get()).isFalse();

        vm.clearExtraFolder();
        vm.saveSettings();
        assertThat(BackupSettings.load(dataDir)).isEqualTo(new BackupSettings(12, Optional.empty()));
    }

    @Test
    void aTamperedBackup_isRefused_withTheSentence_andCannotBeRestored() {
        vm.backupNow();
        Path forged = BackupTampering.withAuditEntryEdited(vm.backups().get(0).file(), files, 1,
                dataDir.resolveSibling("forged").resolve("caredesk-20250601-180000.zip"));

        vm.inspect(forged);

        assertThat(vm.errorProperty().get()).startsWith("备份“caredesk-20250601-180000.zip”没有通过检查，不能用来恢复：\n"
                + "备份里的审计日志在程序之外被改动过");
        assertThat(vm.inspectedProperty().get()).isNull();
        assertThat(vm.canRestoreBinding().get()).isFalse();
        vm.restore();
        assertThat(replaced).isEmpty();
    }

    @Test
    void aGoodBackup_isDescribed_thenRestored_andTheLoginIsAskedFor() {
        vm.backupNow();
        vm.selectedProperty().set(vm.backups().get(0));
        vm.inspectSelected();

        assertThat(vm.reportProperty().get())
                .startsWith("备份“caredesk-20250602-090000.zip”（2025-06-02 09:00 备份）检查通过，其中有：")
                .contains("人员档案：1 条").contains("审计日志 1 条，校验完整。");
        assertThat(vm.canRestoreBinding().get()).isTrue();
        assertThat(vm.restoreQuestion()).startsWith("确定用“caredesk-20250602-090000.zip”（2025-06-02 09:00 备份）替换现在的数据吗？");

        vm.restore();

        assertThat(replaced).singleElement().asString()
                .startsWith("已用备份“caredesk-20250602-090000.zip”（2025-06-02 09:00 备份）恢复了数据库。原来的数据库保存在 "
                        + dataDir.resolve("replaced-20250602-090000"));
    }

    @Test
    void sizes_readLikeAFileManagers() {
        assertThat(BackupsViewModel.sizeText(1)).isEqualTo("1 KB");
        assertThat(BackupsViewModel.sizeText(850 * 1024)).isEqualTo("850 KB");
        assertThat(BackupsViewModel.sizeText(13_000_000)).isEqualTo("12.4 MB");
        assertThat(BackupsViewModel.sizeText(-1)).isEmpty();
    }
}
