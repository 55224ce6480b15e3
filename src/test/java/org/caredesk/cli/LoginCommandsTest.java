package org.caredesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.caredesk.app.AppContext;
import org.caredesk.app.Login;
import org.caredesk.app.UsersModule;
import org.caredesk.common.I18n;
import org.caredesk.security.Role;
import org.caredesk.users.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's login, the demo accounts, {@code users add} and the {@code audit} commands. */
class LoginCommandsTest {
    @TempDir
    Path dataDir;
    /** Where exports go: never inside the data folder (issue 18). */
    @TempDir
    Path outside;

    @Test
    void aCommandWithoutUser_isAUsageError() {
        CliRun.demo(dataDir);

        CliRun r = CliRun.run(dataDir, "export", "people", outside.resolve("a.xlsx").toString());

        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.err().get(0)).isEqualTo(I18n.get("cli.userRequired"));
    }

    @Test
    void everyCommandButDemoAndBench_needsAUser_andSaysSoBeforeAnythingElse() {
        CliRun.demo(dataDir);
        Path other = dataDir.resolve("other");
        String[][] commands = {
            {"import", "people", "missing.xlsx"}, {"export", "people", "a.xlsx"}, {"generate", "--people", "1"},
            {"users", "add", "lixia", "--role", "FRONT_DESK"}, {"audit", "verify"}, {"audit", "export", "a.xlsx"},
            {"backup"}, {"restore", "backup.zip"}, {"check"}, {"--user", " ", "check"}};

        for (String[] command : commands) {
            for (Path folder : new Path[] {dataDir, other}) {
                CliRun r = CliRun.run(folder, command);
                assertThat(r.exit()).as(String.join(" ", command)).isEqualTo(Cli.USAGE);
                assertThat(r.err()).as(String.join(" ", command))
                        .containsExactly(I18n.get("cli.userRequired"), I18n.get("cli.hint"));
            }
        }
        assertThat(other).as("nothing was created for a command that was refused").doesNotExist();
        assertThat(Cli.WITHOUT_LOGIN).containsExactlyInAnyOrder("demo", "bench");
    }

    @Test
    void demoAndBench_doNotLogIn_andSayToRemoveAUserGiven() {
        CliRun demo = CliRun.run(dataDir, "--user", "admin", "demo", "--password", CliRun.PW);
        CliRun bench = CliRun.as("admin", dataDir, "bench", "search", "--people", "10");

        assertThat(demo.exit()).isEqualTo(Cli.USAGE);
        assertThat(demo.err().get(0)).isEqualTo(I18n.get("cli.userNotUsed.demo"));
        assertThat(bench.exit()).isEqualTo(Cli.USAGE);
        assertThat(bench.err().get(0)).isEqualTo(I18n.get("cli.userNotUsed.bench"));
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void anUnknownUser_isRefusedLikeAWrongPassword_withExitOne() {
        CliRun.demo(dataDir);

        CliRun r = CliRun.as("nobody", dataDir, "export", "people", outside.resolve("a.xlsx").toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).containsExactly(I18n.get("error.login.failed"));
        assertThat(outside.resolve("a.xlsx")).doesNotExist();
    }

    @Test
    void withoutPasswordOrConsole_theSentenceNamesTheVariable() {
        CliRun.demo(dataDir);

        CliRun r = CliRun.run(Map.of(), dataDir, "--user", "admin", "export", "people",
                outside.resolve("a.xlsx").toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).containsExactly(I18n.get("cli.noPassword", Cli.PASSWORD_ENV));
    }

    @Test
    void aWrongPassword_isRefusedWithTheLoginSentence() {
        CliRun.demo(dataDir);

        CliRun r = CliRun.run(Map.of(Cli.PASSWORD_ENV, "Wrong-pass9"), dataDir, "--user", "admin", "export",
                "people", outside.resolve("a.xlsx").toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).containsExactly(I18n.get("error.login.failed"));
        assertThat(outside.resolve("a.xlsx")).doesNotExist();
    }

    @Test
    void demo_createsOneAccountPerRole_usableWithTheGivenPassword() {
        assertThat(CliRun.demo(dataDir).exit()).isEqualTo(Cli.OK);

        try (AppContext ctx = CliRun.open(dataDir)) {
            var users = UsersModule.users(ctx).list(UsersModule.session(ctx));
            assertThat(users).extracting(User::userName).containsExactlyInAnyOrder("admin", "frontdesk",
                    "caseworker", "counsellor", "coordinator", "auditor");
            assertThat(users).filteredOn(u -> u.userName().equals("auditor")).singleElement()
                    .satisfies(u -> assertThat(u.roles()).containsExactly(Role.AUDITOR));
        }
        for (Login.DemoAccount a : Login.DEMO_ACCOUNTS) {
            Login.Opened opened = CliRun.login().open(dataDir, a.userName(), CliRun.PW.toCharArray());
            opened.ctx().close();
            assertThat(opened.login().mustChangePassword()).as(a.userName()).isFalse();
        }
        assertThat(CliRun.as("frontdesk", dataDir, "export", "people", outside.resolve("a.xlsx").toString()).exit())
                .isEqualTo(Cli.OK);
    }

    @Test
    void usersAdd_createsAnAccountThatCanLogIn_withTheNewPassword() {
        CliRun.demo(dataDir);

        CliRun r = CliRun.admin(dataDir, "users", "add", "lixia", "--role", "FRONT_DESK", "--role", "社工",
                "--name", "李霞");

        assertThat(r.exit()).as(r.errText()).isEqualTo(Cli.OK);
        assertThat(r.out()).containsExactly(I18n.get("cli.users.added", "lixia", "前台、社工"));
        Login.Opened opened = CliRun.login().open(dataDir, "lixia", CliRun.NEW_PW.toCharArray());
        try (AppContext ctx = opened.ctx()) {
            assertThat(opened.login().mustChangePassword()).isTrue();
            assertThat(UsersModule.session(ctx).identity().roles()).containsExactlyInAnyOrder(Role.FRONT_DESK,
                    Role.CASEWORKER);
        }
        // Until the new user chooses their own password in the window, the command line refuses them.
        CliRun asNew = CliRun.run(Map.of(Cli.PASSWORD_ENV, CliRun.NEW_PW), dataDir, "--user", "lixia", "export",
                "people", outside.resolve("a.xlsx").toString());
        assertThat(asNew.err()).containsExactly(I18n.get("cli.mustChangePassword", "lixia"));
    }

    @Test
    void usersAdd_byAUserWhoMayNotManageUsers_isRefused() {
        CliRun.demo(dataDir);

        CliRun r = CliRun.as("auditor", dataDir, "users", "add", "lixia", "--role", "FRONT_DESK");

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
    }

    @Test
    void usersAdd_withAnUnknownRole_isAUsageError() {
        CliRun r = CliRun.admin(dataDir, "users", "add", "lixia", "--role", "boss");

        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.err().get(0)).startsWith(I18n.get("cli.users.unknownRole", "boss", "").substring(0, 6));
    }

    @Test
    void auditVerify_saysIntact_andAuditExport_writesTheLog_forTheAuditor() throws Exception {
        CliRun.demo(dataDir);

        CliRun verify = CliRun.as("auditor", dataDir, "audit", "verify");
        Path file = outside.resolve("audit.xlsx");
        CliRun export = CliRun.run(dataDir, "audit", "export", file.toString(), "--user", "auditor");

        assertThat(verify.exit()).as(verify.errText()).isEqualTo(Cli.OK);
        assertThat(export.exit()).as(export.errText()).isEqualTo(Cli.OK);
        assertThat(Files.size(file)).isPositive();
        assertThat(CliRun.admin(dataDir, "audit", "verify").exit()).isEqualTo(Cli.FAILED);
    }

    @Test
    void auditVerify_reportsATamperedLog_withExitOne() throws Exception {
        CliRun.demo(dataDir);
        try (AppContext ctx = CliRun.open(dataDir)) {
            try (var c = ctx.database().dataSource().getConnection(); var st = c.createStatement()) {
                // Behind the program's back, as someone with the database key and a SQL tool could.
                st.executeUpdate("UPDATE audit_log SET user_name = 'nobody' WHERE seq = 2");
            }
        }

        CliRun verify = CliRun.as("auditor", dataDir, "audit", "verify");

        assertThat(verify.exit()).isEqualTo(Cli.FAILED);
        assertThat(verify.err()).hasSize(1);
    }
}
