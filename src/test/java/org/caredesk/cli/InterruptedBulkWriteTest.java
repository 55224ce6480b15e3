package org.caredesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.common.IdNumber;
import org.caredesk.common.Progress;
import org.caredesk.db.BulkWriteGuard;
import org.caredesk.db.BulkWriteKind;
import org.caredesk.db.DatabaseFiles;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.service.PersonService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, finding 1, through the command line: an import that stopped between its bounded transactions (as a kill
 * leaves it) is taken back whole by the next command that opens the folder; if the database is damaged as well,
 * {@code check} offers the safety copy taken before the import and says what is lost (docs/decisions/0017).
 */
class InterruptedBulkWriteTest {
    private static final Path PEOPLE = Path.of("sample-data", "people.xlsx").toAbsolutePath();

    @TempDir
    Path dir;
    private Path dataDir;
    private int before;

    @BeforeEach
    void aCommunityWithAnImportAndAnInterruptedOne() {
        dataDir = dir.resolve("data");
        CliRun.setUp(dataDir, "锦华社区");
        assertThat(CliRun.admin(dataDir, "import", "people", PEOPLE.toString()).exit()).isEqualTo(Cli.OK);
        try (AppContext ctx = CliRun.open(dataDir)) {
            before = ctx.people().count();
            PersonService.BulkWrite write = ctx.people().beginBulkWrite(BulkWriteKind.IMPORT, "名单.xlsx", 450);
            // Three of the bounded transactions committed; the last step never came.
            ctx.people().registerInto(write, drafts(450), Progress.NONE);
            assertThat(ctx.people().count()).isEqualTo(before + 450);
        }
    }

    private static List<PersonDraft> drafts(int n) {
        List<PersonDraft> drafts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String first17 = "110105" + "1951" + String.format("%02d%02d%03d", 1 + i / 28_000 % 12, 1 + i / 1000 % 28,
                    i % 1000);
            drafts.add(PersonDraft.minimal("中断" + i, first17 + IdNumber.checkChar(first17),
                    List.of(Membership.of(Category.ELDERLY_ALONE))));
        }
        return drafts;
    }

    @Test
    void theNextCommand_takesTheInterruptedImportBackWhole_andTheAuditLogSaysSo() {
        Path out = dir.resolve("名单导出.xlsx");

        CliRun r = CliRun.admin(dataDir, "export", "people", out.toString());

        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(BulkWriteGuard.interrupted(dataDir)).isEmpty();
        try (AppContext ctx = CliRun.open(dataDir)) {
            assertThat(ctx.people().count()).isEqualTo(before);
            assertThat(ctx.audit().checkChain().intact()).isTrue();
            Object detail = ctx.database().dsl().fetchValue("select detail from audit_log where outcome = 'FAILURE'"
                    + " and action = 'IMPORT'");
            assertThat(String.valueOf(detail)).contains("名单.xlsx").contains("450");
        }
    }

    @Test
    void aDamagedDatabaseAfterTheInterruption_checkOffersTheCopyTakenBeforeTheImport() throws Exception {
        Path copy = BulkWriteGuard.interrupted(dataDir).orElseThrow().copy();
        Files.write(DatabaseFiles.databaseFile(dataDir), new byte[64 * 1024]);

        CliRun r = CliRun.admin(dataDir, "check");

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err().get(0)).startsWith("上次导入（文件 名单.xlsx，450 行）在写入时中断；恢复到导入之前的状态后，请重新导入。")
                .contains(copy.getFileName().toString());
        assertThat(r.err()).contains(I18n.get("cli.check.restoreHint", copy.toString()));
    }
}
