package org.caredesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.caredesk.app.AppContext;
import org.caredesk.common.IdNumber;
import org.caredesk.db.BackupManifest;
import org.caredesk.db.BackupTampering;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonDraft;
import org.caredesk.security.DataFolderKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restores that must be refused before anything is replaced (decision 0019): a backup whose key ring or database
 * was changed by someone without the file key, one without a key ring, one of another community; and the restore
 * onto a new PC, where the backup's own key ring opens with the user's password.
 */
class RestoreCommandTest {
    @TempDir
    Path dir;

    private Path community(String folder, String community, String... names) {
        Path dataDir = dir.resolve(folder);
        CliRun.setUp(dataDir, community);
        try (AppContext ctx = CliRun.open(dataDir)) {
            for (String name : names) {
                String first17 = "11010519700101" + String.format("%03d", ctx.people().count() + 1);
                ctx.people().register(PersonDraft.minimal(name, first17 + IdNumber.checkChar(first17),
                        List.of(Membership.of(Category.ELDERLY_ALONE))));
            }
        }
        return dataDir;
    }

    private Path backup(Path dataDir, String file) {
        Path out = dir.resolve(file);
        CliRun r = CliRun.admin(dataDir, "backup", "--out", out.toString());
        assertThat(r.exit()).as(r.errText()).isEqualTo(Cli.OK);
        return out;
    }

    private static int people(Path dataDir) {
        try (AppContext ctx = CliRun.open(dataDir)) {
            return ctx.people().count();
        }
    }

    private static void assertNothingReplaced(Path dataDir, int people) {
        assertThat(people(dataDir)).isEqualTo(people);
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("replaced-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void backup_manifestNamesTheCommunityAndTheAuditHead_andIsSigned() {
        Path dataDir = community("data", "锦绣社区", "陈静");

        BackupManifest m = BackupTampering.manifest(backup(dataDir, "b.zip"));

        assertThat(m.format()).isEqualTo(BackupManifest.FORMAT);
        assertThat(m.community()).get().extracting(BackupManifest.CommunityRef::name).isEqualTo("锦绣社区");
        assertThat(m.auditHead()).get().extracting(BackupManifest.ChainHead::seq).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LONG).isPositive();
        assertThat(m.mac()).isPresent();
    }

    @Test
    void restore_ofABackupWhoseKeyRingWasAltered_withChecksumsRecomputed_isRefused() {
        Path dataDir = community("data", "锦绣社区", "陈静", "周雨");
        Path other = community("other", "锦绣社区");
        byte[] strangerRing = read(other.resolve("keyring.properties"));
        Path file = backup(dataDir, "b.zip");
        // Someone who wants the office locked out puts a key ring in that opens nothing of this folder.
        Path altered = BackupTampering.rewritten(file, dir.resolve("altered.zip"),
                e -> e.put(BackupTampering.KEY_RING, strangerRing));

        CliRun r = CliRun.admin(dataDir, "restore", altered.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).last().asString().contains("altered.zip").contains("签名与内容对不上");
        assertNothingReplaced(dataDir, 2);
    }

    @Test
    void restore_ofABackupWithoutKeyRing_isRefused() {
        Path dataDir = community("data", "锦绣社区", "陈静");
        Path file = backup(dataDir, "b.zip");
        Path stripped = BackupTampering.rewritten(file, dir.resolve("no-ring.zip"),
                e -> e.remove(BackupTampering.KEY_RING));

        CliRun r = CliRun.admin(dataDir, "restore", stripped.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).last().isEqualTo("备份“no-ring.zip”里没有钥匙环文件（keyring.properties）：恢复以后谁也打不开数据，"
                + "所以不能用它恢复。");
        assertNothingReplaced(dataDir, 1);
    }

    @Test
    void restore_ofABackupWithAFlippedByte_andChecksumsRecomputed_isRefused() {
        Path dataDir = community("data", "锦绣社区", "陈静");
        Path file = backup(dataDir, "b.zip");
        Path flipped = BackupTampering.rewritten(file, dir.resolve("flipped.zip"), e -> {
            byte[] db = e.get(BackupTampering.DATABASE);
            db[db.length / 2] ^= 0x01;
        });

        CliRun r = CliRun.admin(dataDir, "restore", flipped.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).last().isEqualTo("备份“flipped.zip”的签名与内容对不上：它在做好以后被改动过或已损坏，不能用来恢复。请换一个备份文件。");
        assertNothingReplaced(dataDir, 1);
    }

    @Test
    void restore_ofAManifestWhoseAuditHeadWasMovedBack_isRefused() {
        Path dataDir = community("data", "锦绣社区", "陈静");
        Path file = backup(dataDir, "b.zip");
        Path moved = BackupTampering.rewritten(file, dir.resolve("moved.zip"), e -> { },
                m -> m.setProperty("auditHead.seq", "1"));

        CliRun r = CliRun.admin(dataDir, "restore", moved.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.errText()).contains("签名与内容对不上");
    }

    @Test
    void restore_ofAnotherCommunitysBackup_namesBoth_andNeedsTheFlag() {
        Path ours = community("ours", "锦绣社区", "陈静");
        Path theirs = community("theirs", "阳光社区", "林晓", "周雨", "王芳");
        Path file = backup(theirs, "theirs.zip");

        CliRun refused = CliRun.admin(ours, "restore", file.toString());

        assertThat(refused.exit()).isEqualTo(Cli.FAILED);
        assertThat(refused.errText()).contains("这个备份属于社区「阳光社区」，不是本文件夹的社区「锦绣社区」，不能在这里恢复。")
                .contains("--other-community").doesNotContain("损坏");
        assertNothingReplaced(ours, 1);

        CliRun allowed = CliRun.admin(ours, "restore", file.toString(), "--other-community");

        assertThat(allowed.exit()).as(allowed.errText()).isEqualTo(Cli.OK);
        assertThat(allowed.outText()).contains("恢复后会替换本文件夹的社区「锦绣社区」");
        assertThat(people(ours)).as("the same password opens the restored folder").isEqualTo(3);
    }

    @Test
    void restore_ofAnotherCommunitysBackup_whosePasswordDiffers_namesTheCommunity() {
        Path ours = community("ours", "锦绣社区", "陈静");
        Path theirs = dir.resolve("theirs");
        CliRun.login().setUp(theirs, org.caredesk.app.Login.CommunityChoice.named("阳光社区"), "zhang", "张主任",
                "Other-pass2025".toCharArray()).close();
        Path file = dir.resolve("theirs.zip");
        CliRun made = CliRun.run(Map.of(Cli.PASSWORD_ENV, "Other-pass2025"), theirs, "--user", "zhang", "backup",
                "--out", file.toString());
        assertThat(made.exit()).as(made.errText()).isEqualTo(Cli.OK);

        CliRun r = CliRun.admin(ours, "restore", file.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).last().isEqualTo("这个备份属于社区「阳光社区」，不是本文件夹的社区「锦绣社区」，不能在这里恢复。");
        assertNothingReplaced(ours, 1);
    }

    @Test
    void restore_ontoAnEmptyFolder_opensTheBackupsKeyRing_thenTheUserLogsIn() {
        Path office = community("office", "锦绣社区", "陈静", "周雨");
        Path file = backup(office, "from-the-old-pc.zip");
        Path newPc = dir.resolve("new-pc").resolve("CareDesk");

        CliRun r = CliRun.admin(newPc, "restore", file.toString());

        assertThat(r.exit()).as(r.errText()).isEqualTo(Cli.OK);
        assertThat(r.out()).contains("  人员档案：2 条");
        assertThat(r.out()).last().isEqualTo("数据文件夹已经可以使用了：请用账号 admin 和做备份时的密码登录。");
        assertThat(CliRun.login().state(newPc)).isEqualTo(DataFolderKeys.State.READY);
        assertThat(people(newPc)).isEqualTo(2);
        CliRun check = CliRun.admin(newPc, "check");
        assertThat(check.exit()).as(check.errText()).isEqualTo(Cli.OK);
    }

    @Test
    void restore_ontoAnEmptyFolder_withAWrongPassword_writesNothing() {
        Path office = community("office", "锦绣社区", "陈静");
        Path file = backup(office, "b.zip");
        Path newPc = dir.resolve("new-pc");

        CliRun r = CliRun.run(Map.of(Cli.PASSWORD_ENV, "Wrong-pass2025"), newPc, "--user", "admin", "restore",
                file.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).last().isEqualTo("这个用户名和密码打不开这个备份。请输入备份里某个账号的用户名和做备份时的密码。");
        assertThat(newPc).doesNotExist();
    }

    /** What a backup made before signatures looked like: format 1, hashes only. */
    private static void formatOne(java.util.Properties m) {
        m.setProperty("format", "1");
        for (String k : List.of("mac", "community.id", "community.name", "auditHead.seq", "auditHead.hash")) {
            m.remove(k);
        }
    }

    @Test
    void restore_ofAnOlderUnsignedBackup_isAccepted_withASentenceThatItIsUnsigned() {
        Path dataDir = community("data", "锦绣社区", "陈静", "周雨");
        Path old = BackupTampering.rewritten(backup(dataDir, "b.zip"), dir.resolve("old.zip"), e -> { },
                RestoreCommandTest::formatOne);

        CliRun r = CliRun.admin(dataDir, "restore", old.toString());

        assertThat(r.exit()).as(r.errText()).isEqualTo(Cli.OK);
        assertThat(r.outText()).contains("注意：备份“old.zip”是旧格式的备份，没有签名。");
        assertThat(people(dataDir)).isEqualTo(2);
    }

    @Test
    void restore_ofAnUnsignedBackupWithAnotherKeyRingOfTheSameKey_keepsTheFoldersOwnKeyRing() throws IOException {
        Path dataDir = community("data", "锦绣社区", "陈静");
        Path ring = dir.resolve("mallory").resolve("keyring.properties");
        try (org.caredesk.app.SessionKey key = CliRun.login().unlock(dataDir, org.caredesk.app.Login.DEMO_ADMIN,
                CliRun.PW.toCharArray())) {
            key.with(k -> org.caredesk.security.KeyRing.create(ring, "mallory", "Mallory-pass1".toCharArray(), k,
                    1_000));
        }
        byte[] ownRing = read(dataDir.resolve("keyring.properties"));
        byte[] malloryRing = read(ring);
        Path forged = BackupTampering.rewritten(backup(dataDir, "b.zip"), dir.resolve("forged.zip"),
                e -> e.put(BackupTampering.KEY_RING, malloryRing), RestoreCommandTest::formatOne);

        CliRun r = CliRun.admin(dataDir, "restore", forged.toString());

        assertThat(r.exit()).as(r.errText()).isEqualTo(Cli.OK);
        assertThat(read(dataDir.resolve("keyring.properties"))).isEqualTo(ownRing);
        assertThat(people(dataDir)).as("the administrator still logs in").isEqualTo(1);
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
