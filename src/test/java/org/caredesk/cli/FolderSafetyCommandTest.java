package org.caredesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caredesk.app.AppContext;
import org.caredesk.common.IdNumber;
import org.caredesk.db.DatabaseFiles;
import org.caredesk.db.InstanceLock;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, findings 3, 4, 5 and 12 through the command line: one writer at a time, no database created by
 * accident, the program's own files never overwritten by an export, and leftovers of interrupted work removed.
 */
class FolderSafetyCommandTest {
    @TempDir
    Path dir;

    private Path community(String... names) {
        Path dataDir = dir.resolve("data");
        CliRun.setUp(dataDir, "锦绣社区");
        try (AppContext ctx = CliRun.open(dataDir)) {
            for (String name : names) {
                String first17 = "11010519700101" + String.format("%03d", ctx.people().count() + 1);
                ctx.people().register(PersonDraft.minimal(name, first17 + IdNumber.checkChar(first17),
                        List.of(Membership.of(Category.ELDERLY_ALONE))));
            }
        }
        return dataDir;
    }

    @Test
    void export_ontoTheDatabaseFile_isRefused_andTheDatabaseIsUnchanged() throws IOException {
        Path dataDir = community("陈静");
        Path db = DatabaseFiles.databaseFile(dataDir);
        byte[] before = Files.readAllBytes(db);

        CliRun r = CliRun.admin(dataDir, "export", "people", db.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.errText()).startsWith("不能把文件保存到 " + db).contains("数据文件夹");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(CliRun.admin(dataDir, "check").exit()).isEqualTo(Cli.OK);
    }

    @Test
    void export_throughALinkOrDotDotIntoTheDataFolder_isRefused() throws IOException {
        Path dataDir = community("陈静");
        Path link = Files.createSymbolicLink(dir.resolve("shortcut"), dataDir.resolve("db"));
        Path viaDots = dir.resolve("elsewhere").resolve("..").resolve("data").resolve("tmp").resolve("x.xlsx");

        CliRun throughLink = CliRun.admin(dataDir, "export", "people", link.resolve("caredesk.mv.db").toString());
        CliRun throughDots = CliRun.admin(dataDir, "audit", "export", viaDots.toString());

        assertThat(throughLink.exit()).isEqualTo(Cli.FAILED);
        assertThat(throughLink.errText()).startsWith("不能把文件保存到");
        assertThat(throughDots.exit()).isEqualTo(Cli.FAILED);
        assertThat(throughDots.errText()).startsWith("不能把文件保存到");
        assertThat(CliRun.admin(dataDir, "check").exit()).isEqualTo(Cli.OK);
    }

    @Test
    void backup_outOntoTheKeyRing_isRefused_andTheKeyRingIsUnchanged() throws IOException {
        Path dataDir = community("陈静");
        Path ring = dataDir.resolve(DatabaseFiles.KEY_RING);
        byte[] before = Files.readAllBytes(ring);

        CliRun r = CliRun.admin(dataDir, "backup", "--out", ring.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.errText()).startsWith("不能把文件保存到 " + ring);
        assertThat(Files.readAllBytes(ring)).isEqualTo(before);
        assertThat(CliRun.admin(dataDir, "check").exit()).isEqualTo(Cli.OK);
    }

    @Test
    void export_outsideTheDataFolder_stillWorks() {
        Path dataDir = community("陈静");

        CliRun r = CliRun.admin(dataDir, "export", "people", dir.resolve("名单.xlsx").toString());

        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(dir.resolve("名单.xlsx")).exists();
    }

    @Test
    void importExportAndGenerate_whileAnotherProgramHoldsTheFolder_areRefusedInOneSentence() {
        Path dataDir = community("陈静");

        try (InstanceLock other = InstanceLock.acquire(dataDir)) {
            for (String[] command : List.of(new String[] {"import", "people", dir.resolve("r.xlsx").toString()},
                    new String[] {"export", "people", dir.resolve("e.xlsx").toString()},
                    new String[] {"generate", "--people", "10"}, new String[] {"users", "add", "x"})) {
                CliRun r = CliRun.admin(dataDir, command);

                assertThat(r.exit()).as(command[0]).isEqualTo(Cli.FAILED);
                assertThat(r.err()).as(command[0]).hasSize(1);
                assertThat(r.errText()).startsWith("另一个社区帮扶工作台已经打开了这个数据文件夹").contains("这条命令没有执行");
            }
        }
        assertThat(dir.resolve("e.xlsx")).doesNotExist();
        assertThat(CliRun.admin(dataDir, "export", "people", dir.resolve("e.xlsx").toString()).exit())
                .isEqualTo(Cli.OK);
    }

    @Test
    void deletedDatabase_exportAndCheckRefuseAndNameTheBackup_andNoNewDatabaseAppears() throws IOException {
        Path dataDir = community("陈静", "周雨");
        assertThat(CliRun.admin(dataDir, "backup").exit()).isEqualTo(Cli.OK);
        Path db = DatabaseFiles.databaseFile(dataDir);
        Files.delete(db);

        CliRun export = CliRun.admin(dataDir, "export", "people", dir.resolve("e.xlsx").toString());
        CliRun check = CliRun.admin(dataDir, "check");

        assertThat(export.exit()).isEqualTo(Cli.FAILED);
        assertThat(export.errText()).contains("数据库文件已损坏", "caredesk restore");
        assertThat(check.exit()).isEqualTo(Cli.FAILED);
        assertThat(check.err().get(0)).startsWith("数据库文件已损坏，程序没有改动它。最新的可用备份是“caredesk-");
        assertThat(check.err().get(1)).contains("caredesk restore");
        assertThat(db).doesNotExist();
        assertThat(dir.resolve("e.xlsx")).doesNotExist();
    }

    @Test
    void deletedDatabaseFolder_isDamagedToo_neverANewCommunity() throws IOException {
        Path dataDir = community("陈静");
        deleteTree(dataDir.resolve("db"));

        CliRun export = CliRun.admin(dataDir, "export", "people", dir.resolve("e.xlsx").toString());
        CliRun check = CliRun.admin(dataDir, "check");

        assertThat(export.exit()).isEqualTo(Cli.FAILED);
        assertThat(export.errText()).contains("数据库文件已损坏");
        assertThat(check.exit()).isEqualTo(Cli.FAILED);
        assertThat(check.errText()).contains("数据库文件已损坏");
        assertThat(DatabaseFiles.databaseFile(dataDir)).doesNotExist();
    }

    @Test
    void emptiedDatabase_exportAndCheckRefuseAndNameTheBackup_andTheFileStaysAsItIs() throws IOException {
        Path dataDir = community("陈静", "周雨");
        assertThat(CliRun.admin(dataDir, "backup").exit()).isEqualTo(Cli.OK);
        Path db = DatabaseFiles.databaseFile(dataDir);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.setLength(0);
        }

        CliRun export = CliRun.admin(dataDir, "export", "people", dir.resolve("e.xlsx").toString());
        CliRun check = CliRun.admin(dataDir, "check");

        assertThat(export.exit()).isEqualTo(Cli.FAILED);
        assertThat(export.errText()).contains("数据库文件已损坏", "caredesk restore");
        assertThat(check.exit()).isEqualTo(Cli.FAILED);
        assertThat(check.err().get(0)).startsWith("数据库文件已损坏，程序没有改动它。最新的可用备份是“caredesk-");
        assertThat(Files.size(db)).isZero();
    }

    @Test
    void leftoversOfInterruptedBackupsAndRestores_areRemovedAtTheNextStart() throws IOException {
        Path dataDir = community("陈静");
        Files.createDirectories(dataDir.resolve("backups"));
        Path part = Files.writeString(dataDir.resolve("backups").resolve("caredesk-20250301-083000.zip.part"),
                "half a backup");
        Path mine = Files.writeString(dataDir.resolve("backups").resolve("notes.txt.part"), "not ours");
        Path work = Files.createDirectories(dataDir.resolve("tmp").resolve("restore-1234").resolve("db"));
        Files.writeString(work.resolve("caredesk.mv.db"), "x".repeat(10_000));
        Files.writeString(dataDir.resolve("tmp").resolve("export-1.xlsx"), "x");

        CliRun r = CliRun.admin(dataDir, "check");

        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(part).doesNotExist();
        assertThat(mine).exists();
        try (var left = Files.list(dataDir.resolve("tmp"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aMistypedFolder_getsNoLockFileAndNoLogs() {
        Path typo = dir.resolve("not-a-data-folder");

        CliRun r = CliRun.admin(typo, "export", "people", dir.resolve("e.xlsx").toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(typo).doesNotExist();
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var all = Files.walk(folder)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
