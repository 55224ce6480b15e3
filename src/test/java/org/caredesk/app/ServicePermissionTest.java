package org.caredesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.caredesk.audit.AuditQuery;
import org.caredesk.audit.service.AuditExporter;
import org.caredesk.backups.service.BackupsService;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.report.ReportScope;
import org.caredesk.report.service.ReportService;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonQuery;
import org.caredesk.roster.service.RosterExporter;
import org.caredesk.roster.service.RosterImporter;
import org.caredesk.security.AccessDeniedException;
import org.caredesk.security.Permission;
import org.caredesk.security.PermissionMatrix;
import org.caredesk.security.Role;
import org.caredesk.security.UserIdentity;
import org.caredesk.users.SecuritySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The role matrix in the services: each role tried against each protected service call. A call is refused with
 * {@link AccessDeniedException} exactly when the role lacks the call's permission; hidden buttons play no part.
 */
@OnBothDatabases
class ServicePermissionTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;
    private AppContext ctx;
    private Person person;
    private final Map<String, Call> calls = new LinkedHashMap<>();

    private record Call(Permission needs, Runnable run) {}

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        ctx = database.context(dir.resolve("data"), Clock.systemDefaultZone());
        person = ctx.people().register(draft("张桂兰", "11010519491231002X"));
        RosterImporter importer = new RosterImporter(ctx.people());
        RosterExporter exporter = new RosterExporter(ctx.people(), ctx.tempDir());
        AuditExporter auditExporter = new AuditExporter(ctx.audit(), ctx.tempDir(), ctx.actor());
        UUID id = person.id();

        calls.put("people.search", new Call(Permission.PEOPLE_READ, () -> ctx.people().search(PersonQuery.all())));
        calls.put("people.forEachRow", new Call(Permission.PEOPLE_READ,
                () -> ctx.people().forEachRow(PersonQuery.all(), r -> { })));
        calls.put("people.find", new Call(Permission.PEOPLE_READ, () -> ctx.people().find(id)));
        calls.put("people.view", new Call(Permission.PEOPLE_READ, () -> ctx.people().view(id)));
        calls.put("people.revealNumbers", new Call(Permission.PEOPLE_REVEAL, () -> ctx.people().revealNumbers(id)));
        calls.put("people.personHistory", new Call(Permission.PEOPLE_READ, () -> ctx.people().personHistory(id)));
        calls.put("people.count", new Call(Permission.PEOPLE_READ, () -> ctx.people().count()));
        calls.put("people.buildings", new Call(Permission.PEOPLE_READ, () -> ctx.people().buildings()));
        calls.put("people.countActiveByCategory", new Call(Permission.PEOPLE_READ,
                () -> ctx.people().countActiveByCategory()));
        calls.put("people.check", new Call(Permission.PEOPLE_WRITE,
                () -> ctx.people().check(draft("李四", "110105194912310021"), null)));
        calls.put("people.register", new Call(Permission.PEOPLE_WRITE,
                () -> ctx.people().register(draft("王五", "110105195001010012"))));
        calls.put("people.registerAll", new Call(Permission.PEOPLE_WRITE,
                () -> ctx.people().registerAll(List.of(draft("赵六", "110105195102020018")))));
        calls.put("people.update", new Call(Permission.PEOPLE_WRITE, () -> {
            Person now = ctx.people().find(id).orElseThrow();
            ctx.people().update(id, now.data(), now.version());
        }));
        calls.put("people.close", new Call(Permission.PEOPLE_CLOSE, () -> {
            // Refused by the rules after the permission check: a future date. Nothing is closed.
            ctx.people().close(id, CloseReason.MOVED_AWAY, LocalDate.now().plusYears(1), null, 0);
        }));
        calls.put("people.recordExport", new Call(Permission.PEOPLE_EXPORT,
                () -> ctx.people().recordExport("a.xlsx", 1)));
        calls.put("people.recordFullExport", new Call(Permission.PEOPLE_EXPORT_FULL,
                () -> ctx.people().recordFullExport("a.xlsx", 1, "核对名单")));
        calls.put("people.forEachUnmaskedRow", new Call(Permission.PEOPLE_EXPORT_FULL,
                () -> ctx.people().forEachUnmaskedRow(PersonQuery.all(), r -> { })));
        calls.put("roster.exportFull", new Call(Permission.PEOPLE_EXPORT_FULL, () -> exporter.exportFull(
                PersonQuery.all(), dir.resolve("full.xlsx"), "核对名单", Progress.NONE)));
        calls.put("roster.import", new Call(Permission.PEOPLE_IMPORT, () -> importer.importStream(
                new ByteArrayInputStream(new byte[] {1, 2, 3}), "x.xlsx", true, Progress.NONE)));
        calls.put("roster.export", new Call(Permission.PEOPLE_EXPORT,
                () -> exporter.export(PersonQuery.all(), dir.resolve("roster.xlsx"), Progress.NONE)));
        calls.put("audit.search", new Call(Permission.AUDIT_READ, () -> ctx.audit().search(AuditQuery.all())));
        calls.put("audit.forEachMatching", new Call(Permission.AUDIT_READ,
                () -> ctx.audit().forEachMatching(AuditQuery.all(), e -> { })));
        calls.put("audit.countMatching", new Call(Permission.AUDIT_READ,
                () -> ctx.audit().countMatching(AuditQuery.all())));
        calls.put("audit.userNames", new Call(Permission.AUDIT_READ, () -> ctx.audit().userNames()));
        calls.put("audit.verify", new Call(Permission.AUDIT_READ, () -> ctx.audit().verify()));
        calls.put("audit.export", new Call(Permission.AUDIT_EXPORT,
                () -> auditExporter.export(AuditQuery.all(), dir.resolve("audit.xlsx"), Progress.NONE)));
        calls.put("settings.createCommunity", new Call(Permission.SETTINGS_MANAGE,
                () -> ctx.settings().createCommunity("锦绣社区", false)));
        ReportService reports = ctx.service(ReportService.class);
        calls.put("report.compute", new Call(Permission.REPORT_READ,
                () -> reports.compute(YearMonth.now(ctx.clock()), ReportScope.ALL)));
        calls.put("report.exportCodes", new Call(Permission.REPORT_READ,
                () -> reports.exportCodes(dir.resolve("codes.xlsx"))));
        calls.put("settings.saveLoginRules", new Call(Permission.SETTINGS_MANAGE,
                () -> UsersModule.securitySettings(ctx).save(ctx.session(), SecuritySettings.DEFAULTS)));
        calls.put("users.list", new Call(Permission.USERS_MANAGE,
                () -> UsersModule.users(ctx).list(ctx.session())));
        // Backup calls that get past the permission stop at their own rules: no such file, 0 backups to keep.
        BackupsService backups = BackupsModule.service(ctx);
        Path noFile = dir.resolve("no-such-backup.zip");
        calls.put("backups.list", new Call(Permission.BACKUP, backups::list));
        calls.put("backups.settings", new Call(Permission.BACKUP, backups::settings));
        calls.put("backups.backupNow", new Call(Permission.BACKUP, () -> backups.backupNow(Progress.NONE)));
        calls.put("backups.saveSettings", new Call(Permission.BACKUP,
                () -> backups.saveSettings(0, java.util.Optional.empty())));
        calls.put("backups.inspect", new Call(Permission.RESTORE, () -> backups.inspect(noFile, Progress.NONE)));
        calls.put("backups.restore", new Call(Permission.RESTORE, () -> backups.restore(noFile, Progress.NONE)));
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachCall_isAllowedExactlyWhenTheRoleHasItsPermission(Role role) {
        ctx.session().login(new UserIdentity(UUID.randomUUID(), "u", "u", Set.of(role)), ctx.clock().instant());

        List<String> wrong = new ArrayList<>();
        calls.forEach((name, call) -> {
            boolean allowed = PermissionMatrix.allows(role, call.needs());
            boolean denied = deniedFor(call.run());
            if (denied == allowed) {
                wrong.add(name + (allowed ? " was refused" : " was allowed"));
            }
        });

        assertThat(wrong).as(role.name()).isEmpty();
    }

    @Test
    void withNobodyLoggedIn_everyCallIsRefused() {
        ctx.session().logout();

        calls.forEach((name, call) -> assertThat(deniedFor(call.run())).as(name).isTrue());
    }

    @Test
    void theInMemoryTestIdentity_holdsEveryRoleButTheAuditors() {
        assertThat(AppContext.TEST_IDENTITY.roles()).isEqualTo(EnumSet.complementOf(EnumSet.of(Role.AUDITOR)));
        assertThat(ctx.session().has(Permission.PEOPLE_WRITE)).isTrue();
        assertThat(ctx.session().has(Permission.AUDIT_READ)).isFalse();
    }

    /** Whether the call was refused for want of the permission (any other outcome means it was let through). */
    private static boolean deniedFor(Runnable call) {
        try {
            call.run();
            return false;
        } catch (AccessDeniedException e) {
            return true;
        } catch (RuntimeException e) {
            // Let through, then refused by the call's own rules (a file that is not a workbook, a future date).
            return false;
        }
    }

    private static PersonDraft draft(String name, String id) {
        return PersonDraft.minimal(name, id, List.of(Membership.of(Category.ELDERLY_ALONE)));
    }
}
