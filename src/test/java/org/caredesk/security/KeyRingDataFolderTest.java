package org.caredesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.db.Database;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DataFolderKeys}: the key ring and the encrypted database together, as the start-up uses them. */
class KeyRingDataFolderTest {
    private static final char[] ADMIN_PW = "Gate-keeper7".toCharArray();

    @TempDir
    Path dataDir;
    private final DataFolderKeys keys = new DataFolderKeys(1_000);

    @BeforeEach
    void setUp() {
        I18n.setLocale(I18n.CHINESE);
    }

    @Test
    void aNewFolder_isSetUp_thenOpensWithTheAdministratorsPassword() {
        assertThat(keys.state(dataDir)).isEqualTo(DataFolderKeys.State.NEW);

        byte[] fileKey = keys.createNew(dataDir, "admin", ADMIN_PW.clone());

        assertThat(fileKey).hasSize(32);
        assertThat(keys.state(dataDir)).isEqualTo(DataFolderKeys.State.READY);
        assertThat(Database.isEncrypted(dataDir)).isTrue();
        assertThat(DataFolderKeys.keyRingFile(dataDir)).exists();
        assertThat(keys.unlock(dataDir, "admin", ADMIN_PW.clone())).isEqualTo(fileKey);
        Person saved;
        try (AppContext ctx = context(keys.open(dataDir, "admin", ADMIN_PW.clone()))) {
            saved = ctx.people().register(elderly());
        }
        try (AppContext ctx = context(keys.open(dataDir, fileKey))) {
            assertThat(ctx.people().find(saved.id())).isPresent();
        }
    }

    @Test
    void anUnencryptedFolder_keepsItsPeople_whenTheFirstAdministratorIsSetUp() {
        Person saved;
        try (AppContext ctx = context(Database.openFile(dataDir))) {
            saved = ctx.people().register(elderly());
        }
        assertThat(keys.state(dataDir)).isEqualTo(DataFolderKeys.State.UNENCRYPTED);

        keys.createNew(dataDir, "admin", ADMIN_PW.clone());

        assertThat(keys.state(dataDir)).isEqualTo(DataFolderKeys.State.READY);
        assertThat(Database.isEncrypted(dataDir)).isTrue();
        try (AppContext ctx = context(keys.open(dataDir, "admin", ADMIN_PW.clone()))) {
            assertThat(ctx.people().find(saved.id())).get().extracting(p -> p.data().name()).isEqualTo("张桂兰");
        }
    }

    @Test
    void aSetupInterruptedAfterTheKeyRing_isFinishedAtTheFirstLogin() {
        Person saved;
        try (AppContext ctx = context(Database.openFile(dataDir))) {
            saved = ctx.people().register(elderly());
        }
        byte[] fileKey = KeyRing.newFileKey();
        KeyRing.create(DataFolderKeys.keyRingFile(dataDir), "admin", ADMIN_PW.clone(), fileKey, 1_000);
        assertThat(keys.state(dataDir)).isEqualTo(DataFolderKeys.State.READY);
        assertThat(Database.isEncrypted(dataDir)).isFalse();

        try (AppContext ctx = context(keys.open(dataDir, "admin", ADMIN_PW.clone()))) {
            assertThat(ctx.people().find(saved.id())).isPresent();
        }
        assertThat(Database.isEncrypted(dataDir)).isTrue();
    }

    @Test
    void aFolderIsSetUpOnlyOnce() {
        byte[] fileKey = keys.createNew(dataDir, "admin", ADMIN_PW.clone());

        assertThatThrownBy(() -> keys.createNew(dataDir, "intruder", "Other-pass9".toCharArray()))
                .hasFieldOrPropertyWithValue("key", "keyring.error.alreadySetUp");
        assertThat(keys.unlock(dataDir, "admin", ADMIN_PW.clone())).isEqualTo(fileKey);
        assertThat(keys.keyRing(dataDir).users()).containsExactly("admin");
    }

    @Test
    void wrongPasswordAndUnknownUser_areRefusedAlike_andOpenNothing() {
        keys.createNew(dataDir, "admin", ADMIN_PW.clone());

        assertThatThrownBy(() -> keys.open(dataDir, "admin", "Gate-keeper8".toCharArray()))
                .hasFieldOrPropertyWithValue("key", "keyring.error.wrongLogin");
        assertThatThrownBy(() -> keys.open(dataDir, "root", ADMIN_PW.clone()))
                .hasFieldOrPropertyWithValue("key", "keyring.error.wrongLogin");
    }

    @Test
    void usersAddedByTheAdministrator_openTheSameDatabase_andAResetLocksOutTheOldPassword() {
        byte[] fileKey = keys.createNew(dataDir, "admin", ADMIN_PW.clone());
        KeyRing ring = keys.keyRing(dataDir);
        ring.addSlot("clerk", "Front-desk#1".toCharArray(), fileKey);
        Person saved;
        try (AppContext ctx = context(keys.open(dataDir, "clerk", "Front-desk#1".toCharArray()))) {
            saved = ctx.people().register(elderly());
        }

        keys.keyRing(dataDir).rewrap("clerk", "Reset-by-admin3".toCharArray(), fileKey);

        assertThatThrownBy(() -> keys.open(dataDir, "clerk", "Front-desk#1".toCharArray()))
                .hasFieldOrPropertyWithValue("key", "keyring.error.wrongLogin");
        try (AppContext ctx = context(keys.open(dataDir, "clerk", "Reset-by-admin3".toCharArray()))) {
            assertThat(ctx.people().find(saved.id())).isPresent();
        }
    }

    @Test
    void anEncryptedDatabaseWithoutItsKeyRing_cannotBeOpenedOrSetUpAgain() throws IOException {
        keys.createNew(dataDir, "admin", ADMIN_PW.clone());
        Files.delete(DataFolderKeys.keyRingFile(dataDir));

        assertThat(keys.state(dataDir)).isEqualTo(DataFolderKeys.State.KEY_RING_MISSING);
        assertThatThrownBy(() -> keys.createNew(dataDir, "admin", ADMIN_PW.clone()))
                .hasFieldOrPropertyWithValue("key", "keyring.error.missing");
        assertThatThrownBy(() -> keys.open(dataDir, "admin", ADMIN_PW.clone()))
                .hasFieldOrPropertyWithValue("key", "keyring.error.missing");
        assertThat(DataFolderKeys.keyRingFile(dataDir)).doesNotExist();
    }

    @Test
    void aFailedSetup_leavesNoKeyRingBehind() throws IOException {
        // The database folder cannot be created: a file is in the way.
        Files.writeString(dataDir.resolve("db"), "not a folder");

        assertThatThrownBy(() -> keys.createNew(dataDir, "admin", ADMIN_PW.clone()))
                .hasFieldOrPropertyWithValue("key", "error.dataDirNotWritable");

        assertThat(DataFolderKeys.keyRingFile(dataDir)).doesNotExist();
        assertThat(keys.state(dataDir)).isEqualTo(DataFolderKeys.State.NEW);
    }

    private AppContext context(Database db) {
        AppContext ctx = new AppContext(dataDir, db, Clock.systemDefaultZone());
        ctx.session().login(AppContext.TEST_IDENTITY, java.time.Instant.now());
        return ctx;
    }

    private static PersonDraft elderly() {
        return PersonDraft.minimal("张桂兰", "11010519491231002X", List.of(Membership.of(Category.ELDERLY_ALONE)));
    }
}
