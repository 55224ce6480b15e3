package org.caredesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditQuery;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.I18n;
import org.caredesk.common.ValidationException;
import org.caredesk.db.Database;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.security.DataFolderKeys;
import org.caredesk.security.Role;
import org.caredesk.security.Session;
import org.caredesk.security.TestSessions;
import org.caredesk.users.LoginRefusedException;
import org.caredesk.users.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Login}: setting up a data folder and logging in to it, as the window and the command line do. */
class LoginTest {
    static final String PW = "Gate-keeper7";

    @TempDir
    Path dataDir;
    private final MutableClock clock = MutableClock.morning();
    private Login login;

    @BeforeEach
    void setUp() {
        I18n.setLocale(I18n.CHINESE);
        login = new Login(1_000, clock);
    }

    @Test
    void aNewFolder_isSetUp_andTheAdministratorLogsInAgainWithTheSamePassword() {
        try (AppContext ctx = login.setUp(dataDir, Login.CommunityChoice.named("幸福社区"), "Admin", "王主任",
                PW.toCharArray())) {
            assertThat(ctx.settings().community()).get().extracting(c -> c.name()).isEqualTo("幸福社区");
            assertThat(UsersModule.session(ctx).identity().userName()).isEqualTo("admin");
            assertThat(UsersModule.session(ctx).identity().roles()).containsExactly(Role.DIRECTOR);
            // The community's name is the first setting, recorded like any other.
            assertThat(actions(ctx)).containsExactly(AuditAction.LOGIN, AuditAction.SETTING_CHANGED);
        }
        assertThat(login.state(dataDir)).isEqualTo(DataFolderKeys.State.READY);
        assertThat(Database.isEncrypted(dataDir)).isTrue();

        Login.Opened opened = login.open(dataDir, "admin", PW.toCharArray());
        try (AppContext ctx = opened.ctx()) {
            assertThat(opened.login().mustChangePassword()).isFalse();
            assertThat(UsersModule.session(ctx).identity().displayName()).isEqualTo("王主任");
            assertThat(ctx.actor().userName()).isEqualTo("admin");
            assertThat(actions(ctx)).containsExactly(AuditAction.LOGIN, AuditAction.SETTING_CHANGED,
                    AuditAction.LOGIN);
        }
    }

    @Test
    void setUp_refusesAWeakPassword_beforeWritingAnything() {
        assertThatThrownBy(() -> login.setUp(dataDir, Login.CommunityChoice.named("幸福社区"), "admin", "王主任",
                "short".toCharArray())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> login.setUp(dataDir, Login.CommunityChoice.named(" "), "admin", "王主任",
                PW.toCharArray())).isInstanceOf(ValidationException.class);

        assertThat(login.state(dataDir)).isEqualTo(DataFolderKeys.State.NEW);
    }

    @Test
    void anUnencryptedFolder_keepsEveryPersonAndItsCommunity() {
        Person saved;
        try (AppContext plain = new AppContext(dataDir, Database.openFile(dataDir), clock)) {
            plain.session().login(AppContext.TEST_IDENTITY, clock.instant());
            plain.settings().createCommunity("老社区", false);
            saved = plain.people().register(elderly());
        }
        assertThat(login.state(dataDir)).isEqualTo(DataFolderKeys.State.UNENCRYPTED);

        try (AppContext ctx = login.setUp(dataDir, null, "admin", "王主任", PW.toCharArray())) {
            assertThat(ctx.people().find(saved.id())).isPresent();
            assertThat(ctx.settings().community()).get().extracting(c -> c.name()).isEqualTo("老社区");
        }
        assertThat(Database.isEncrypted(dataDir)).isTrue();
    }

    @Test
    void theDemo_hasOneAccountPerRole_withTheSamePassword() {
        // The demo roster's dates are relative to the real today.
        login = new Login(1_000, java.time.Clock.systemDefaultZone());
        login.setUp(dataDir, Login.CommunityChoice.demoCommunity(), Login.DEMO_ADMIN, "演示管理员",
                PW.toCharArray()).close();

        for (Login.DemoAccount a : Login.DEMO_ACCOUNTS) {
            Login.Opened opened = login.open(dataDir, a.userName(), PW.toCharArray());
            try (AppContext ctx = opened.ctx()) {
                assertThat(UsersModule.session(ctx).identity().roles()).containsExactly(a.role());
                assertThat(opened.login().mustChangePassword()).isFalse();
                assertThat(ctx.settings().community()).get().extracting(c -> c.demo()).isEqualTo(true);
            }
        }
    }

    @Test
    void anUnknownUserAndAWrongPassword_getTheSameSentence() {
        login.setUp(dataDir, Login.CommunityChoice.named("幸福社区"), "admin", "王主任", PW.toCharArray()).close();

        String unknown = refusal(() -> login.open(dataDir, "nobody", PW.toCharArray())).localized();
        String wrong = refusal(() -> login.open(dataDir, "admin", "Wrong-pass9".toCharArray())).localized();

        assertThat(unknown).isEqualTo(wrong).isEqualTo(I18n.get("error.login.failed"));
    }

    @Test
    void fiveWrongPasswords_lockTheNameForTenMinutes_evenAfterARestart_andAreAudited() throws Exception {
        login.setUp(dataDir, Login.CommunityChoice.named("幸福社区"), "admin", "王主任", PW.toCharArray()).close();
        for (int i = 1; i <= 4; i++) {
            assertThat(refusal(() -> login.open(dataDir, "admin", "Wrong-pass9".toCharArray())).reason())
                    .isEqualTo(LoginRefusedException.Reason.WRONG_NAME_OR_PASSWORD);
        }
        LoginRefusedException fifth = refusal(() -> login.open(dataDir, "admin", "Wrong-pass9".toCharArray()));
        assertThat(fifth.reason()).isEqualTo(LoginRefusedException.Reason.LOCKED);
        assertThat(fifth.localized()).contains("09:10").contains("5");
        assertThat(Files.readString(dataDir.resolve(LoginAttempts.FILE_NAME), StandardCharsets.ISO_8859_1))
                .contains("admin").doesNotContain("Wrong-pass9");

        Login restarted = new Login(1_000, clock);
        clock.advance(Duration.ofMinutes(9));
        assertThat(refusal(() -> restarted.open(dataDir, "admin", PW.toCharArray())).reason())
                .isEqualTo(LoginRefusedException.Reason.LOCKED);

        clock.advance(Duration.ofMinutes(1));
        try (AppContext ctx = restarted.open(dataDir, "admin", PW.toCharArray()).ctx()) {
            assertThat(actions(ctx)).containsExactly(AuditAction.LOGIN, AuditAction.SETTING_CHANGED,
                    AuditAction.LOGIN_FAILED, AuditAction.LOGIN_FAILED, AuditAction.LOGIN_FAILED,
                    AuditAction.LOGIN_FAILED, AuditAction.LOGIN_FAILED, AuditAction.ACCOUNT_LOCKED, AuditAction.LOGIN);
        }
        try (AppContext ctx = restarted.open(dataDir, "admin", PW.toCharArray()).ctx()) {
            assertThat(actions(ctx)).hasSize(10);
        }
    }

    @Test
    void theKeyRing_followsNewAccountsPasswordResetsAndDeactivations() throws Exception {
        login.setUp(dataDir, Login.CommunityChoice.named("幸福社区"), "admin", "王主任", PW.toCharArray()).close();
        User wang;
        try (AppContext ctx = login.open(dataDir, "admin", PW.toCharArray()).ctx()) {
            Session admin = UsersModule.session(ctx);
            wang = UsersModule.users(ctx).addUser(admin, "wang", "王芳", EnumSet.of(Role.FRONT_DESK),
                    "First-pass1".toCharArray());
        }
        Login.Opened first = login.open(dataDir, "wang", "First-pass1".toCharArray());
        assertThat(first.login().mustChangePassword()).isTrue();
        first.ctx().close();

        try (AppContext ctx = login.open(dataDir, "admin", PW.toCharArray()).ctx()) {
            UsersModule.users(ctx).resetPassword(UsersModule.session(ctx), wang.id(), "Second-pass2".toCharArray());
        }
        assertThat(refusal(() -> login.open(dataDir, "wang", "First-pass1".toCharArray())).reason())
                .isEqualTo(LoginRefusedException.Reason.WRONG_NAME_OR_PASSWORD);
        login.open(dataDir, "wang", "Second-pass2".toCharArray()).ctx().close();

        try (AppContext ctx = login.open(dataDir, "admin", PW.toCharArray()).ctx()) {
            UsersModule.users(ctx).deactivate(UsersModule.session(ctx), wang.id());
        }
        assertThat(refusal(() -> login.open(dataDir, "wang", "Second-pass2".toCharArray())).reason())
                .isEqualTo(LoginRefusedException.Reason.WRONG_NAME_OR_PASSWORD);
    }

    @Test
    void logout_isRecorded_andEndsTheSession() {
        try (AppContext ctx = login.setUp(dataDir, Login.CommunityChoice.named("幸福社区"), "admin", "王主任",
                PW.toCharArray())) {
            Login.logout(ctx);
            assertThat(UsersModule.session(ctx).isLoggedIn()).isFalse();
            assertThat(ctx.actor().userName()).isEqualTo("system");
            assertThat(actions(ctx)).containsExactly(AuditAction.LOGIN, AuditAction.SETTING_CHANGED,
                    AuditAction.LOGOUT);
        }
    }

    private static LoginRefusedException refusal(Runnable r) {
        try {
            r.run();
        } catch (LoginRefusedException e) {
            return e;
        }
        throw new AssertionError("The login was not refused");
    }

    private static List<AuditAction> actions(AppContext ctx) {
        List<AuditEntry> entries = new java.util.ArrayList<>();
        new AuditLog(ctx.database().dsl(), new AuditRepository(), ctx.clock(), TestSessions.with(Role.AUDITOR))
                .forEachMatching(AuditQuery.all(), entries::add);
        return entries.stream().sorted(java.util.Comparator.comparingLong(AuditEntry::seq))
                .map(e -> AuditAction.valueOf(e.action())).toList();
    }

    static PersonDraft elderly() {
        return PersonDraft.minimal("张桂兰", "11010519491231002X", List.of(Membership.of(Category.ELDERLY_ALONE)));
    }
}
