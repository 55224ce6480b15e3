package org.caredesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.common.UserException;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.roster.service.RosterImporter;
import org.caredesk.security.KeyRing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedDatabaseTest {
    private static final Path PEOPLE = Path.of("sample-data", "people.xlsx");

    @TempDir
    Path dataDir;
    private byte[] key;
    private Path file;
    private Path staging;

    @BeforeEach
    void setUp() {
        I18n.setLocale(I18n.CHINESE);
        key = KeyRing.newFileKey();
        file = dataDir.resolve("db").resolve("caredesk.mv.db");
        staging = dataDir.resolve("db-encrypting");
    }

    @Test
    void createEncrypted_makesAnEncryptedDatabase_thatOpensAgainWithTheKey() throws IOException {
        assertThat(Database.fileState(dataDir)).isEqualTo(Database.FileState.NONE);

        Person saved;
        try (AppContext ctx = context(Database.createEncrypted(dataDir, key))) {
            saved = ctx.people().register(elderly("张桂兰", "11010519491231002X"));
        }

        assertThat(Database.fileState(dataDir)).isEqualTo(Database.FileState.ENCRYPTED);
        assertThat(Database.isEncrypted(dataDir)).isTrue();
        assertThat(new String(Arrays.copyOf(Files.readAllBytes(file), 9), StandardCharsets.US_ASCII))
                .isEqualTo("H2encrypt");
        try (AppContext ctx = context(Database.openEncrypted(dataDir, key.clone()))) {
            assertThat(ctx.people().find(saved.id())).get().extracting(p -> p.data().name()).isEqualTo("张桂兰");
        }
    }

    @Test
    void openEncrypted_neverCreatesADatabase_whereThereIsNone() {
        UserException e = catchThrowableOfType(UserException.class, () -> Database.openEncrypted(dataDir, key));

        assertThat(e.key()).isEqualTo("database.error.missing");
        assertThat(file).doesNotExist();
        Database.createEncrypted(dataDir, key).close();
        assertThatThrownBy(() -> Database.createEncrypted(dataDir, key)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWrongKey_isRefusedWithASentence_andChangesNothing() throws IOException {
        Database.createEncrypted(dataDir, key).close();
        byte[] before = Files.readAllBytes(file);
        byte[] wrong = key.clone();
        wrong[31] ^= 1;

        UserException e = catchThrowableOfType(UserException.class, () -> Database.openEncrypted(dataDir, wrong));

        assertThat(e.key()).isEqualTo("database.error.wrongKey");
        assertThat(e.localized()).startsWith("无法用密钥打开数据库").doesNotContain("90049").doesNotContain("H2");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        Database.openEncrypted(dataDir, key).close();
    }

    @Test
    void openEncrypted_refusesAPlainDatabase_andTheKeyMustHave32Bytes() throws IOException {
        Database.openFile(dataDir).close();
        byte[] before = Files.readAllBytes(file);

        assertThat(Database.fileState(dataDir)).isEqualTo(Database.FileState.PLAIN);
        assertThatThrownBy(() -> Database.openEncrypted(dataDir, key)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Database.openEncrypted(dataDir, new byte[16]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void encryptExisting_keepsEveryRow() throws IOException {
        Map<String, List<String>> before;
        try (AppContext ctx = context(Database.openFile(dataDir))) {
            assertThat(new RosterImporter(ctx.people()).importFile(PEOPLE, false, Progress.NONE).imported())
                    .isEqualTo(105);
            before = dump(ctx.database());
        }
        assertThat(before.values().stream().mapToInt(List::size).sum()).isGreaterThan(105);

        Database.encryptExisting(dataDir, key);

        assertThat(Database.fileState(dataDir)).isEqualTo(Database.FileState.ENCRYPTED);
        assertThat(staging).doesNotExist();
        try (AppContext ctx = context(Database.openEncrypted(dataDir, key))) {
            assertThat(dump(ctx.database())).isEqualTo(before);
            assertThat(ctx.people().count()).isEqualTo(105);
        }
    }

    @Test
    void encryptExisting_wipesThePlainTraceFile() throws IOException {
        try (Database db = Database.openFile(dataDir)) {
            failingStatement(db, "11010519491231002X");
        }
        Path trace = dataDir.resolve("db").resolve("caredesk.trace.db");
        assertThat(Files.readString(trace)).contains("11010519491231002X");

        Database.encryptExisting(dataDir, key);

        assertThat(trace).doesNotExist();
    }

    @Test
    void encryptExisting_refusesADatabaseThatIsStillOpen() throws IOException {
        try (AppContext ctx = context(Database.openFile(dataDir))) {
            ctx.people().register(elderly("张桂兰", "11010519491231002X"));

            assertThatThrownBy(() -> Database.encryptExisting(dataDir, key))
                    .hasFieldOrPropertyWithValue("key", "error.databaseInUse");

            assertThat(staging).doesNotExist();
            ctx.people().register(elderly("李秀英", "440524188001010014"));
            assertThat(ctx.people().count()).isEqualTo(2);
        }
        assertThat(Database.fileState(dataDir)).isEqualTo(Database.FileState.PLAIN);
    }

    @Test
    void encryptExisting_leavesAnEmptyOrEncryptedFolderAlone() throws IOException {
        Database.encryptExisting(dataDir, key);
        assertThat(Database.fileState(dataDir)).isEqualTo(Database.FileState.NONE);
        assertThat(dataDir.resolve("db")).doesNotExist();

        Database.createEncrypted(dataDir, key).close();
        byte[] before = Files.readAllBytes(file);
        Database.encryptExisting(dataDir, KeyRing.newFileKey());
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        Database.openEncrypted(dataDir, key).close();
    }

    @Test
    void aCrashBeforeTheSwap_leavesThePlainDatabaseAndClearsTheHalfMadeCopy() throws IOException {
        Person saved = plainDatabaseWithOnePerson();
        Files.createDirectories(staging);
        Files.copy(file, staging.resolve("caredesk.mv.db"));
        Files.writeString(staging.resolve("temp.db"), "half");

        assertThat(Database.fileState(dataDir)).isEqualTo(Database.FileState.PLAIN);
        assertThat(staging).doesNotExist();

        Database.encryptExisting(dataDir, key);
        try (AppContext ctx = context(Database.openEncrypted(dataDir, key))) {
            assertThat(ctx.people().find(saved.id())).isPresent();
        }
    }

    @Test
    void aCrashInTheMiddleOfTheSwap_putsTheOriginalBack() throws IOException {
        Person saved = plainDatabaseWithOnePerson();
        byte[] original = Files.readAllBytes(file);
        Files.createDirectories(staging);
        Files.move(file, staging.resolve("unencrypted.mv.db"));

        assertThat(Database.fileState(dataDir)).isEqualTo(Database.FileState.PLAIN);
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
        assertThat(staging).doesNotExist();
        try (AppContext ctx = context(Database.openFile(dataDir))) {
            assertThat(ctx.people().find(saved.id())).isPresent();
        }
    }

    @Test
    void aCrashAfterTheSwap_keepsTheOriginalUntilTheEncryptedDatabaseOpens() throws IOException {
        Person saved = plainDatabaseWithOnePerson();
        byte[] original = Files.readAllBytes(file);
        Database.encryptExisting(dataDir, key);
        // Where a crash between the swap and the clean-up leaves things: the original still aside.
        Files.createDirectories(staging);
        Files.write(staging.resolve("unencrypted.mv.db"), original);

        assertThat(Database.fileState(dataDir)).isEqualTo(Database.FileState.ENCRYPTED);
        assertThatThrownBy(() -> Database.openEncrypted(dataDir, KeyRing.newFileKey()))
                .hasFieldOrPropertyWithValue("key", "database.error.wrongKey");
        assertThat(staging.resolve("unencrypted.mv.db")).as("kept while the new file has not opened").exists();

        try (AppContext ctx = context(Database.openEncrypted(dataDir, key))) {
            assertThat(ctx.people().find(saved.id())).isPresent();
        }
        assertThat(staging).doesNotExist();
    }

    @Test
    void openFileAndOpenInMemory_workAsBefore() {
        try (AppContext ctx = context(Database.openInMemory())) {
            ctx.people().register(elderly("张桂兰", "11010519491231002X"));
            assertThat(ctx.people().count()).isEqualTo(1);
        }
        try (Database db = Database.openFile(dataDir)) {
            assertThat(db.description()).endsWith("db");
        }
        assertThat(Database.fileState(dataDir)).isEqualTo(Database.FileState.PLAIN);
    }

    private Person plainDatabaseWithOnePerson() {
        try (AppContext ctx = context(Database.openFile(dataDir))) {
            return ctx.people().register(elderly("张桂兰", "11010519491231002X"));
        }
    }

    private AppContext context(Database db) {
        AppContext ctx = new AppContext(dataDir, db, Clock.systemDefaultZone());
        ctx.session().login(AppContext.TEST_IDENTITY, java.time.Instant.now());
        return ctx;
    }

    private static PersonDraft elderly(String name, String idNumber) {
        return PersonDraft.minimal(name, idNumber, List.of(Membership.of(Category.ELDERLY_ALONE)));
    }

    private static void failingStatement(Database db, String literal) {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeQuery("SELECT * FROM NO_SUCH_TABLE WHERE ID = '" + literal + "'");
            throw new AssertionError("the statement should have failed");
        } catch (SQLException expected) {
            // H2 writes the failed statement, literal included, to its trace file.
        }
    }

    /** Every row of every table, as text, sorted: equal dumps mean equal data. */
    private static Map<String, List<String>> dump(Database db) {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String t : names) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM PUBLIC.\"" + t + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(t, rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }
}
