package org.caredesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonQuery;
import org.caredesk.roster.service.ImportResult;
import org.caredesk.roster.service.RosterExporter;
import org.caredesk.roster.service.RosterImporter;
import org.caredesk.security.DataFolderKeys;
import org.caredesk.security.KeyRing;
import org.caredesk.security.Pbkdf2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of encryption at rest: after people are imported, changed and exported, no file in the data
 * folder (database, temporary files, key ring) holds any of their names, ID numbers or phone numbers in any
 * encoding, while the same steps on an unencrypted database leave every one of them readable.
 */
class PlaintextScanTest {
    private static final Path PEOPLE = Path.of("sample-data", "people.xlsx");
    private static final String NEW_PHONE = "13987654321";
    /** Needles this short turn up by chance in random bytes about once per 4 GB each (see below). */
    private static final int SHORT_NEEDLE = 6;

    @TempDir
    Path dir;
    private Path dataDir;

    /** What happened in the data folder, as the scan needs it. */
    private record Filled(Set<String> secrets, String tracedIdNumber) {}

    @BeforeEach
    void setUp() {
        I18n.setLocale(I18n.CHINESE);
        dataDir = dir.resolve("data");
    }

    @Test
    void encryptedDataFolder_holdsNoNameIdNumberOrPhone_inAnyEncoding() throws IOException {
        DataFolderKeys keys = new DataFolderKeys(1_000);
        byte[] fileKey = keys.createNew(dataDir, "admin", "Gate-keeper7".toCharArray());
        List<Path> poiFilesBefore = systemPoiTempFiles();

        Filled filled;
        try {
            filled = fill(dk -> keys.open(dk, fileKey));
        } finally {
            Pbkdf2.wipe(fileKey);
        }

        assertThat(PlaintextScanner.files(dataDir)).as("what was scanned")
                .contains(dataDir.resolve("db/caredesk.mv.db"), dataDir.resolve(KeyRing.FILE_NAME));
        assertThat(Files.size(dataDir.resolve("db/caredesk.mv.db"))).isGreaterThan(50_000);
        List<PlaintextScanner.Hit> hits = PlaintextScanner.scan(dataDir, filled.secrets());
        assertThat(hits).filteredOn(h -> h.needleBytes() >= SHORT_NEEDLE).as("personal data in plain bytes")
                .isEmpty();
        // A two-character name is 4 bytes in UTF-16 and GB18030: such a needle matches random (encrypted) bytes
        // with probability 2^-32 per position. A leak shows up as dozens of hits (the unencrypted test below);
        // chance gives on average the expectation computed here, which must stay far below the tolerance of 2.
        long shortNeedles = filled.secrets().stream().flatMap(s -> PlaintextScanner.ENCODINGS.stream()
                .map(cs -> cs.bytes(s).length)).filter(n -> n < SHORT_NEEDLE).count();
        double expectedByChance = shortNeedles * (double) PlaintextScanner.totalBytes(dataDir) / Math.pow(2, 32);
        assertThat(expectedByChance).isLessThan(0.2);
        assertThat(hits).filteredOn(h -> h.needleBytes() < SHORT_NEEDLE).hasSizeLessThanOrEqualTo(2);

        assertThat(dataDir.resolve("tmp")).isDirectory();
        assertThat(PlaintextScanner.files(dataDir.resolve("tmp"))).as("temporary files left behind").isEmpty();
        assertThat(systemPoiTempFiles()).as("POI temporary files outside the data folder")
                .isEqualTo(poiFilesBefore);
        assertThat(PlaintextScanner.files(dataDir)).noneMatch(f -> f.getFileName().toString().endsWith(".trace.db"));
    }

    @Test
    void unencryptedDataFolder_showsThemAll_soTheScanCanFail() throws IOException {
        Filled filled = fill(Database::openFile);

        List<PlaintextScanner.Hit> hits = PlaintextScanner.scan(dataDir, filled.secrets());

        assertThat(hits.stream().map(PlaintextScanner.Hit::text).distinct())
                .containsExactlyInAnyOrderElementsOf(filled.secrets());
        assertThat(hits).anyMatch(h -> h.text().equals(NEW_PHONE))
                .anyMatch(h -> h.text().equals(filled.tracedIdNumber())
                        && h.file().getFileName().toString().equals("caredesk.trace.db"))
                .anyMatch(h -> h.encoding() == PlaintextScanner.H2_STRINGS && h.needleBytes() < SHORT_NEEDLE + 1)
                .as("the scan looks inside the backup zip")
                .anyMatch(h -> h.text().equals(NEW_PHONE)
                        && h.file().startsWith(dataDir.resolve(BackupService.BACKUP_FOLDER)));
    }

    /**
     * Imports the sample roster, changes one phone number (so an old version of a row exists), provokes an SQL
     * error that quotes an ID number (what H2's trace file records) and exports the list, then closes.
     */
    private Filled fill(Function<Path, Database> opener) throws IOException {
        Database db = opener.apply(dataDir);
        List<Person> people = new ArrayList<>();
        String traced;
        try (AppContext ctx = new AppContext(dataDir, db, Clock.systemDefaultZone())) {
            ctx.session().login(AppContext.TEST_IDENTITY, java.time.Instant.now());
            ImportResult imported = new RosterImporter(ctx.people()).importFile(PEOPLE, false, Progress.NONE);
            assertThat(imported.imported()).isEqualTo(105);

            ctx.people().forEachRow(PersonQuery.all(), row -> people.add(ctx.people().find(row.id()).orElseThrow()));
            Person first = people.get(0);
            PersonDraft d = first.data();
            Person changed = ctx.people().update(first.id(), new PersonDraft(d.name(), d.idType(), d.idNumber(),
                    d.ethnicity(), NEW_PHONE, d.phone2(), d.estate(), d.building(), d.unit(), d.room(),
                    d.householdAddress(), d.livingSituation(), d.emergencyName(), d.emergencyRelation(),
                    d.emergencyPhone(), d.responsibleStaff(), d.note(), d.memberships()), first.version());
            // The old phone number is gone from a plain file too once H2 compacts it on close: scan the new one.
            people.set(0, changed);

            traced = people.get(1).data().idNumber();
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.executeQuery("SELECT * FROM NO_SUCH_TABLE WHERE ID = '" + traced + "'"))
                        .isInstanceOf(SQLException.class);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }

            Path out = dir.resolve("exports").resolve("名单.xlsx");
            int exported = new RosterExporter(ctx.people(), ctx.tempDir()).export(PersonQuery.all(), out,
                    Progress.NONE);
            assertThat(exported).isEqualTo(105);

            // The issue names backups too: one lands in backups/ inside the data folder, which the scan covers.
            BackupResult backup = new BackupService(dataDir, DatabaseFiles.plain(), Clock.systemDefaultZone())
                    .backupNow(db);
            assertThat(backup.file()).startsWith(dataDir.resolve(BackupService.BACKUP_FOLDER)).isRegularFile();
        }
        return new Filled(PlaintextScanner.secretsOf(people), traced);
    }

    /** Where POI puts its files when nobody tells it otherwise. */
    private static List<Path> systemPoiTempFiles() {
        Path poi = Path.of(System.getProperty("java.io.tmpdir"), "poifiles");
        return Files.isDirectory(poi) ? PlaintextScanner.files(poi) : List.of();
    }
}
