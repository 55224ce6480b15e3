package org.caredesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import org.caredesk.app.AppContext;
import org.caredesk.app.Login;
import org.caredesk.app.SessionKey;
import org.caredesk.app.UsersModule;
import org.caredesk.common.IdNumber;
import org.caredesk.db.Database;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonDraft;
import org.caredesk.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit chain anchored outside the database (decision 0019): cutting the newest entries off and fixing the
 * head row keeps the chain whole, and only the head recorded in a backup or an exported log shows what is missing.
 */
class AuditAnchorsTest {
    @TempDir
    Path dir;

    private Path community() {
        Path dataDir = dir.resolve("data");
        CliRun.setUp(dataDir, "锦绣社区");
        try (AppContext ctx = CliRun.open(dataDir)) {
            UsersModule.users(ctx).addUser(UsersModule.session(ctx), "auditor", "审计员", EnumSet.of(Role.AUDITOR),
                    CliRun.PW.toCharArray(), false);
        }
        return dataDir;
    }

    private static void register(Path dataDir, String... names) {
        try (AppContext ctx = CliRun.open(dataDir)) {
            for (String name : names) {
                String first17 = "11010519700101" + String.format("%03d", ctx.people().count() + 1);
                ctx.people().register(PersonDraft.minimal(name, first17 + IdNumber.checkChar(first17),
                        List.of(Membership.of(Category.ELDERLY_ALONE))));
            }
        }
    }

    /** What someone with the file key and SQL does: delete the newest entries and set the head to the last left. */
    private static long cutOff(Path dataDir, int entries) {
        try (SessionKey key = CliRun.login().unlock(dataDir, Login.DEMO_ADMIN, CliRun.PW.toCharArray());
             Database db = key.databaseFiles().open(dataDir); Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement()) {
            long last;
            try (ResultSet rs = s.executeQuery("select max(seq) from audit_log")) {
                rs.next();
                last = rs.getLong(1);
            }
            long keep = last - entries;
            s.executeUpdate("delete from audit_log where seq > " + keep);
            s.executeUpdate("update audit_head set last_seq = " + keep + ", last_hash = (select entry_hash from "
                    + "audit_log where seq = " + keep + ") where id = 1");
            return keep;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void verify_catchesEntriesCutOffAfterABackup_thoughTheChainItselfIsWhole() {
        Path dataDir = community();
        register(dataDir, "陈静");
        assertThat(CliRun.admin(dataDir, "backup").exit()).isEqualTo(Cli.OK);
        register(dataDir, "周雨", "林晓");
        assertThat(CliRun.as("auditor", dataDir, "audit", "verify").exit()).isEqualTo(Cli.OK);

        // The verify's own login is the entry after the cut.
        long left = cutOff(dataDir, 10) + 1;

        CliRun r = CliRun.as("auditor", dataDir, "audit", "verify");

        assertThat(r.exit()).as(r.outText() + r.errText()).isEqualTo(Cli.FAILED);
        assertThat(r.out().get(0)).startsWith("审计日志完整");
        assertThat(r.errText()).containsPattern("审计日志比\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d 的备份 caredesk-\\d{8}-\\d{6}"
                + "\\.zip里记录的短：第 " + left + " 条以后的记录不见了");
    }

    @Test
    void verify_catchesEntriesCutOffAfterAnExport_givenTheExportedFile() {
        Path dataDir = community();
        register(dataDir, "陈静", "周雨");
        Path export = dir.resolve("审计日志.xlsx");
        assertThat(CliRun.as("auditor", dataDir, "audit", "export", export.toString()).exit()).isEqualTo(Cli.OK);
        CliRun before = CliRun.as("auditor", dataDir, "audit", "verify", export.toString());
        assertThat(before.exit()).as(before.errText()).isEqualTo(Cli.OK);
        assertThat(before.outText()).contains("与导出文件 审计日志.xlsx一致");

        long left = cutOff(dataDir, 6) + 1;

        CliRun r = CliRun.as("auditor", dataDir, "audit", "verify", export.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.errText()).contains("审计日志比导出文件 审计日志.xlsx里记录的短：第 " + left + " 条以后的记录不见了");
    }

    @Test
    void verify_afterARestoreOfAnOlderBackup_doesNotCallTheReplacedHistoryMissing() {
        Path dataDir = community();
        register(dataDir, "陈静");
        Path older = dir.resolve("older.zip");
        assertThat(CliRun.admin(dataDir, "backup", "--out", older.toString()).exit()).isEqualTo(Cli.OK);
        register(dataDir, "周雨", "林晓");
        assertThat(CliRun.admin(dataDir, "backup").exit()).isEqualTo(Cli.OK);
        assertThat(CliRun.admin(dataDir, "restore", older.toString()).exit()).isEqualTo(Cli.OK);

        CliRun r = CliRun.as("auditor", dataDir, "audit", "verify", older.toString());

        assertThat(r.exit()).as(r.errText()).isEqualTo(Cli.OK);
        assertThat(r.outText()).contains("与", "的备份 older.zip一致").contains("恢复备份").contains("之前的日志");
    }
}
