package org.caredesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caredesk.app.AppContext;
import org.caredesk.app.Login;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditOutcome;
import org.caredesk.audit.AuditQuery;
import org.caredesk.common.I18n;
import org.caredesk.common.IdNumber;
import org.caredesk.people.Category;
import org.caredesk.people.PersonField;
import org.caredesk.security.Permission;
import org.caredesk.security.PermissionMatrix;
import org.caredesk.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: every command of the command line, run as every role on one demo folder, is allowed or refused exactly
 * as the permission matrix says for the permission the window needs for the same action. A new command without an
 * entry here fails the first assertion, so no command can skip its check unnoticed.
 */
class CommandRoleMatrixTest {
    /** What each command needs; empty: any logged-in user (check is read-only, as the integrity check at login). */
    private record Sample(String name, Optional<Permission> needs, Function<Path, String[]> args) {}

    @TempDir
    Path dir;

    @Test
    void everyCommand_asEveryRole_followsThePermissionMatrix() throws Exception {
        Path dataDir = dir.resolve("data");
        assertThat(CliRun.demo(dataDir).exit()).isEqualTo(Cli.OK);
        Path roster = roster(dir.resolve("roster.xlsx"));
        assertThat(CliRun.admin(dataDir, "backup").exit()).isEqualTo(Cli.OK);
        Path backup = onlyBackup(dataDir);

        List<Sample> samples = List.of(
                new Sample("import", Optional.of(Permission.PEOPLE_IMPORT),
                        out -> new String[] {"import", "people", "--dry-run", roster.toString()}),
                new Sample("export", Optional.of(Permission.PEOPLE_EXPORT),
                        out -> new String[] {"export", "people", out.resolve("people.xlsx").toString()}),
                new Sample("export --full", Optional.of(Permission.PEOPLE_EXPORT_FULL),
                        out -> new String[] {"export", "people", out.resolve("full.xlsx").toString(), "--full",
                                "--reason", "区里核对"}),
                new Sample("generate", Optional.of(Permission.PEOPLE_WRITE),
                        out -> new String[] {"generate", "--people", "1", "--visits", "0"}),
                new Sample("users", Optional.of(Permission.USERS_MANAGE),
                        out -> new String[] {"users", "add", "u" + out.getFileName(), "--role", "FRONT_DESK"}),
                new Sample("audit verify", Optional.of(Permission.AUDIT_READ),
                        out -> new String[] {"audit", "verify"}),
                new Sample("audit export", Optional.of(Permission.AUDIT_EXPORT),
                        out -> new String[] {"audit", "export", out.resolve("audit.xlsx").toString()}),
                new Sample("backup", Optional.of(Permission.BACKUP), out -> new String[] {"backup"}),
                new Sample("report monthly", Optional.of(Permission.REPORT_READ),
                        out -> new String[] {"report", "monthly", "--month", java.time.YearMonth.now().toString(),
                                "--totals-only", "--out", out.resolve("report.xlsx").toString()}),
                new Sample("report codes", Optional.of(Permission.REPORT_READ),
                        out -> new String[] {"report", "codes", out.resolve("codes.xlsx").toString()}),
                new Sample("check", Optional.empty(), out -> new String[] {"check"}),
                new Sample("restore", Optional.of(Permission.RESTORE),
                        out -> new String[] {"restore", backup.toString()}));

        Set<String> covered = new TreeSet<>();
        samples.forEach(s -> covered.add(s.name().split(" ")[0]));
        Set<String> needLogin = new TreeSet<>(Cli.KNOWN);
        needLogin.removeAll(Cli.WITHOUT_LOGIN);
        assertThat(covered).as("every command that logs in has its permission stated here").isEqualTo(needLogin);

        Map<String, Role> accounts = new LinkedHashMap<>();
        Login.DEMO_ACCOUNTS.forEach(a -> accounts.put(a.userName(), a.role()));
        accounts.put(Login.DEMO_ADMIN, Role.DIRECTOR); // last: its restore replaces the database
        List<String> mismatches = new ArrayList<>();
        for (Sample s : samples) {
            for (Map.Entry<String, Role> a : accounts.entrySet()) {
                Path out = Files.createDirectories(dir.resolve("out-" + a.getKey() + "-" + s.name().replace(' ', '-')));
                boolean allowed = s.needs().map(p -> PermissionMatrix.allows(a.getValue(), p)).orElse(true);
                CliRun r = CliRun.as(a.getKey(), dataDir, s.args().apply(out));
                String refusal = s.needs().map(p -> I18n.get("error.accessDenied",
                        I18n.get("permission." + p.name()))).orElse("-");
                boolean refused = r.exit() == Cli.FAILED && r.errText().contains(refusal);
                boolean ok = r.exit() == Cli.OK;
                if (allowed ? !ok : !refused) {
                    mismatches.add(a.getKey() + " " + s.name() + ": exit " + r.exit() + " " + r.errText());
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void restore_byTheFrontDeskOrTheAuditor_isRefusedBeforeTheBackupIsRead_andRecorded() throws Exception {
        Path dataDir = dir.resolve("data");
        assertThat(CliRun.demo(dataDir).exit()).isEqualTo(Cli.OK);
        assertThat(CliRun.admin(dataDir, "backup").exit()).isEqualTo(Cli.OK);
        Path backup = onlyBackup(dataDir);
        Path db = dataDir.resolve("db").resolve("caredesk.mv.db");

        for (String user : List.of("frontdesk", "auditor")) {
            byte[] before = Files.readAllBytes(db);
            CliRun r = CliRun.as(user, dataDir, "restore", backup.toString());

            assertThat(r.exit()).isEqualTo(Cli.FAILED);
            assertThat(r.errText()).contains(I18n.get("error.accessDenied", I18n.get("permission.RESTORE")));
            assertThat(r.outText()).doesNotContain(backup.getFileName().toString());
            // Recording the refusal writes to the file; what counts is that no other data changed.
            try (AppContext ctx = CliRun.login().open(dataDir, "auditor", CliRun.PW.toCharArray()).ctx()) {
                List<AuditEntry> refused = ctx.audit().search(AuditQuery.all().withPage(0, 10_000)).entries()
                        .stream().filter(e -> e.action().equals(AuditAction.RESTORE.name())
                                && e.outcome().equals(AuditOutcome.FAILURE.name()) && e.userName().equals(user))
                        .toList();
                assertThat(refused).hasSize(1);
            }
            assertThat(before.length).isPositive();
        }
        assertThat(dataDir.resolve("tmp")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
                p -> assertThat(p).isEmptyDirectory());
        assertThat(Files.list(dataDir).filter(p -> p.getFileName().toString().startsWith("replaced-")).count())
                .isZero();
    }

    private static Path onlyBackup(Path dataDir) throws Exception {
        try (var files = Files.list(dataDir.resolve("backups"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".zip")).findFirst().orElseThrow();
        }
    }

    /** A roster of one fictitious, valid person nobody in the demo has. */
    private static Path roster(Path file) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("人员");
            Row head = sheet.createRow(0);
            Row row = sheet.createRow(1);
            String first17 = "11010519530307123";
            String[][] cells = {{PersonField.NAME.header(), "柯雨桐"},
                {PersonField.ID_NUMBER.header(), first17 + IdNumber.checkChar(first17)},
                {PersonField.CATEGORIES.header(), Category.ELDERLY_ALONE.chinese()}};
            for (int i = 0; i < cells.length; i++) {
                head.createCell(i).setCellValue(cells[i][0]);
                row.createCell(i).setCellValue(cells[i][1]);
            }
            wb.write(out);
        }
        return file;
    }
}
