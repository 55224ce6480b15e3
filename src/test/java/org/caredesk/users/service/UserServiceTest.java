package org.caredesk.users.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;
import org.caredesk.common.UserException;
import org.caredesk.common.ValidationException;
import org.caredesk.db.Database;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.security.AccessDeniedException;
import org.caredesk.security.PasswordHasher;
import org.caredesk.security.Permission;
import org.caredesk.security.Role;
import org.caredesk.security.Session;
import org.caredesk.security.UserIdentity;
import org.caredesk.users.LoginRefusedException;
import org.caredesk.users.LoginResult;
import org.caredesk.users.PasswordListener;
import org.caredesk.users.SecuritySettings;
import org.caredesk.users.User;
import org.caredesk.users.data.UserRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@OnBothDatabases
class UserServiceTest {
    @Parameter
    TestDatabase database;

    static final String ADMIN_PW = "Admin2025!";
    static final String PW = "Desk2025!";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDateTime T0 = LocalDateTime.of(2025, 6, 2, 9, 0);

    private Database db;
    private final UserRepository repo = new UserRepository();
    private SecuritySettings rules = SecuritySettings.DEFAULTS;
    private final List<String> heard = new ArrayList<>();
    private UserService service;
    private Session admin;

    @BeforeEach
    void open() {
        db = database.open();
        service = service(new PasswordHasher(1_000));
        I18n.setLocale(I18n.CHINESE);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private UserService service(PasswordHasher hasher) {
        PasswordListener listener = new PasswordListener() {
            @Override
            public void passwordSet(UserIdentity user, char[] password) {
                heard.add("set " + user.userName() + " " + new String(password));
            }

            @Override
            public void deactivated(UserIdentity user) {
                heard.add("deactivated " + user.userName());
            }
        };
        return new UserService(db.dsl(), repo, hasher, () -> rules,
                Clock.fixed(T0.atZone(ZONE).toInstant(), ZONE), listener);
    }

    private Session adminSession() {
        UserIdentity a = service.createFirstAdministrator("admin", "王主任", ADMIN_PW.toCharArray());
        Session s = new Session();
        s.login(a, Instant.EPOCH);
        return s;
    }

    private static Session sessionOf(Role... roles) {
        Session s = new Session();
        s.login(new UserIdentity(UUID.randomUUID(), "someone", "某人", Set.of(roles)), Instant.EPOCH);
        return s;
    }

    private User add(String name, Role... roles) {
        return service.addUser(admin, name, name + "的名字", Set.of(roles), PW.toCharArray());
    }

    private LoginResult login(String name, String password, LocalDateTime at) {
        return service.authenticate(name, password.toCharArray(), at);
    }

    private static List<String> problemKeys(Throwable e) {
        return ((ValidationException) e).problems().stream().map(Problem::key).toList();
    }

    private LoginRefusedException refused(String name, String password, LocalDateTime at) {
        try {
            login(name, password, at);
        } catch (LoginRefusedException e) {
            return e;
        }
        throw new AssertionError("login of " + name + " was not refused");
    }

    // ---------- the first administrator ----------

    @Test
    void newDataFolder_hasNoAccounts_soNoDefaultPasswordWorks() {
        assertThat(service.hasUsers()).isFalse();
        for (String name : List.of("admin", "administrator", "root", "sa")) {
            assertThat(refused(name, "admin", T0).reason())
                    .isEqualTo(LoginRefusedException.Reason.WRONG_NAME_OR_PASSWORD);
        }
    }

    @Test
    void firstAdministrator_isADirector_andLogsInWithoutBeingAskedToChange() {
        UserIdentity a = service.createFirstAdministrator(" Admin ", "王主任", ADMIN_PW.toCharArray());

        assertThat(a.userName()).isEqualTo("admin");
        assertThat(a.roles()).containsExactly(Role.DIRECTOR);
        LoginResult r = login("admin", ADMIN_PW, T0);
        assertThat(r.identity()).isEqualTo(a);
        assertThat(r.mustChangePassword()).isFalse();
        assertThat(heard).containsExactly("set admin " + ADMIN_PW);
    }

    @Test
    void firstAdministrator_onlyOnce() {
        service.createFirstAdministrator("admin", "王主任", ADMIN_PW.toCharArray());

        assertThatThrownBy(() -> service.createFirstAdministrator("boss", "另一个", ADMIN_PW.toCharArray()))
                .isInstanceOf(UserException.class)
                .satisfies(e -> assertThat(((UserException) e).key()).isEqualTo("error.users.notFirst"));
        assertThat(refused("boss", ADMIN_PW, T0)).isNotNull();
    }

    @Test
    void firstAdministrator_needsAGoodPassword() {
        assertThatThrownBy(() -> service.createFirstAdministrator("admin", "王主任", "admin".toCharArray()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(problemKeys(e)).containsExactly("problem.password.tooShort",
                        "problem.password.classes"));
        assertThat(service.hasUsers()).isFalse();
    }

    // ---------- adding users ----------

    @Test
    void addUser_withSeveralRoles_mustChangeTheInitialPasswordAtFirstLogin() {
        admin = adminSession();
        User u = service.addUser(admin, "LiXia", "李霞", Set.of(Role.FRONT_DESK, Role.VOLUNTEER_COORDINATOR),
                PW.toCharArray());

        assertThat(u.userName()).isEqualTo("lixia");
        assertThat(u.roles()).containsExactlyInAnyOrder(Role.FRONT_DESK, Role.VOLUNTEER_COORDINATOR);
        assertThat(u.active()).isTrue();
        LoginResult r = login("LIXIA", PW, T0);
        assertThat(r.mustChangePassword()).isTrue();
        assertThat(r.identity().roles()).containsExactlyInAnyOrder(Role.FRONT_DESK, Role.VOLUNTEER_COORDINATOR);
        assertThat(service.list(admin)).extracting(User::userName).containsExactly("admin", "lixia");
    }

    @Test
    void addUser_reportsEveryProblemAtOnce() {
        admin = adminSession();

        assertThatThrownBy(() -> service.addUser(admin, "li xia", " ", Set.of(Role.AUDITOR, Role.FRONT_DESK),
                "abcdefgh".toCharArray()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(problemKeys(e)).containsExactly("problem.userName.characters",
                        "problem.required", "problem.roles.auditorAlone", "problem.password.classes"));
        assertThat(service.list(admin)).hasSize(1);
    }

    @Test
    void addUser_withoutRoles_isRefused() {
        admin = adminSession();

        assertThatThrownBy(() -> service.addUser(admin, "lixia", "李霞", Set.of(), PW.toCharArray()))
                .satisfies(e -> assertThat(problemKeys(e)).containsExactly("problem.roles.required"));
    }

    @Test
    void addUser_sameNameInOtherCase_isTaken() {
        admin = adminSession();
        add("lixia", Role.FRONT_DESK);

        assertThatThrownBy(() -> add("LiXia", Role.CASEWORKER))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(problemKeys(e)).containsExactly("problem.userName.taken"))
                .satisfies(e -> assertThat(((UserException) e).localized()).contains("lixia"));
    }

    @Test
    void auditor_standsAlone_butCanBeAddedOnItsOwn() {
        admin = adminSession();
        User auditor = add("shenji", Role.AUDITOR);

        assertThatThrownBy(() -> service.changeRoles(admin, auditor.id(), Set.of(Role.AUDITOR, Role.CASEWORKER)))
                .satisfies(e -> assertThat(((UserException) e).localized())
                        .isEqualTo(I18n.get("problem.roles.auditorAlone", I18n.label(Role.AUDITOR))));
        assertThat(service.list(admin)).filteredOn(u -> u.userName().equals("shenji")).singleElement()
                .satisfies(u -> assertThat(u.roles()).containsExactly(Role.AUDITOR));
    }

    // ---------- who may manage users ----------

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyManagementCall_isForTheDirectorOnly(Role role) {
        admin = adminSession();
        User target = add("lixia", Role.FRONT_DESK);
        Session s = sessionOf(role);
        List<Runnable> calls = List.of(
                () -> service.list(s),
                () -> service.addUser(s, "new1", "新人", Set.of(Role.FRONT_DESK), PW.toCharArray()),
                () -> service.changeRoles(s, target.id(), Set.of(Role.CASEWORKER)),
                () -> service.resetPassword(s, target.id(), "Other2025!".toCharArray()),
                () -> service.deactivate(s, target.id()));
        for (Runnable call : calls) {
            if (role == Role.DIRECTOR) {
                call.run();
            } else {
                assertThatThrownBy(call::run).as(role.name()).isInstanceOf(AccessDeniedException.class);
            }
        }
        if (role != Role.DIRECTOR) {
            assertThat(service.list(admin)).extracting(User::userName).containsExactly("admin", "lixia");
            assertThat(login("lixia", PW, T0).identity().roles()).containsExactly(Role.FRONT_DESK);
        }
    }

    @Test
    void managementCalls_refuseWhenNobodyIsLoggedIn() {
        service.createFirstAdministrator("admin", "王主任", ADMIN_PW.toCharArray());

        assertThatThrownBy(() -> service.list(new Session())).isInstanceOf(AccessDeniedException.class)
                .satisfies(e -> assertThat(((UserException) e).key()).isEqualTo("error.notLoggedIn"));
    }

    // ---------- lockout ----------

    @Test
    void fiveWrongPasswords_lockForTenMinutes_thenTheRightOneWorksAgain() {
        admin = adminSession();
        add("lixia", Role.FRONT_DESK);

        for (int i = 1; i <= 4; i++) {
            assertThat(refused("lixia", "Wrong2025!", T0.plusSeconds(i)).reason())
                    .isEqualTo(LoginRefusedException.Reason.WRONG_NAME_OR_PASSWORD);
        }
        LoginRefusedException fifth = refused("lixia", "Wrong2025!", T0.plusSeconds(5));
        assertThat(fifth.reason()).isEqualTo(LoginRefusedException.Reason.LOCKED);
        assertThat(fifth.lockedUntil()).isEqualTo(T0.plusSeconds(5).plusMinutes(10));
        // The sentence says until when, rounded up to the minute: 09:10:05 reads 09:11.
        assertThat(fifth.localized()).contains("09:11").contains("5");

        LoginRefusedException rightButLocked = refused("lixia", PW, T0.plusMinutes(10));
        assertThat(rightButLocked.reason()).isEqualTo(LoginRefusedException.Reason.LOCKED);
        assertThat(rightButLocked.lockedUntil()).isEqualTo(fifth.lockedUntil());

        assertThat(login("lixia", PW, T0.plusSeconds(5).plusMinutes(10)).identity().userName()).isEqualTo("lixia");
    }

    @Test
    void afterTheLock_theCountStartsAgain() {
        admin = adminSession();
        add("lixia", Role.FRONT_DESK);
        for (int i = 0; i < 5; i++) {
            refused("lixia", "Wrong2025!", T0);
        }
        LocalDateTime later = T0.plusMinutes(11);

        for (int i = 0; i < 4; i++) {
            assertThat(refused("lixia", "Wrong2025!", later).reason())
                    .isEqualTo(LoginRefusedException.Reason.WRONG_NAME_OR_PASSWORD);
        }
        assertThat(refused("lixia", "Wrong2025!", later).reason()).isEqualTo(LoginRefusedException.Reason.LOCKED);
    }

    @Test
    void aSuccess_resetsTheCount() {
        admin = adminSession();
        add("lixia", Role.FRONT_DESK);
        for (int i = 0; i < 4; i++) {
            refused("lixia", "Wrong2025!", T0);
        }
        login("lixia", PW, T0);

        for (int i = 0; i < 4; i++) {
            assertThat(refused("lixia", "Wrong2025!", T0).reason())
                    .isEqualTo(LoginRefusedException.Reason.WRONG_NAME_OR_PASSWORD);
        }
        assertThat(login("lixia", PW, T0)).isNotNull();
    }

    @Test
    void wrongPasswordAndUnknownUser_readTheSame() {
        admin = adminSession();
        add("lixia", Role.FRONT_DESK);

        String wrongPassword = refused("lixia", "Wrong2025!", T0).localized();
        String unknownUser = refused("nobody", PW, T0).localized();
        String blank = refused("", "", T0).localized();

        assertThat(wrongPassword).isEqualTo(unknownUser).isEqualTo(blank).doesNotContain("!error");
    }

    @Test
    void lockRules_areSettings() {
        admin = adminSession();
        add("lixia", Role.FRONT_DESK);
        rules = new SecuritySettings(3, Duration.ofMinutes(30), Duration.ofMinutes(10));

        refused("lixia", "Wrong2025!", T0);
        refused("lixia", "Wrong2025!", T0);
        LoginRefusedException third = refused("lixia", "Wrong2025!", T0);

        assertThat(third.reason()).isEqualTo(LoginRefusedException.Reason.LOCKED);
        assertThat(third.lockedUntil()).isEqualTo(T0.plusMinutes(30));
        assertThat(third.localized()).contains("09:30").contains("3");
    }

    @Test
    void lockEndingTomorrow_showsTheDate() {
        admin = adminSession();
        add("lixia", Role.FRONT_DESK);
        LocalDateTime late = LocalDateTime.of(2025, 6, 2, 23, 55);

        for (int i = 0; i < 4; i++) {
            refused("lixia", "Wrong2025!", late);
        }
        assertThat(refused("lixia", "Wrong2025!", late).localized()).contains("2025-06-03 00:05");
    }

    @Test
    void deactivatedAccount_isRefused_sayingSoOnlyToWhoKnowsThePassword() {
        admin = adminSession();
        User u = add("lixia", Role.FRONT_DESK);
        service.deactivate(admin, u.id());

        assertThat(refused("lixia", PW, T0).reason()).isEqualTo(LoginRefusedException.Reason.INACTIVE);
        assertThat(refused("lixia", "Wrong2025!", T0).reason())
                .isEqualTo(LoginRefusedException.Reason.WRONG_NAME_OR_PASSWORD);
        assertThat(heard).contains("deactivated lixia");
    }

    // ---------- passwords ----------

    @Test
    void resetPassword_forcesAChange_andTheUsersOwnChangeClearsIt() {
        admin = adminSession();
        User u = add("lixia", Role.FRONT_DESK);
        login("lixia", PW, T0);
        Session lixia = new Session();
        lixia.login(u.identity(), Instant.EPOCH);
        service.changeOwnPassword(lixia, PW.toCharArray(), "Mine2025!".toCharArray());
        assertThat(login("lixia", "Mine2025!", T0).mustChangePassword()).isFalse();

        User reset = service.resetPassword(admin, u.id(), "Reset2025!".toCharArray());

        assertThat(reset.mustChangePassword()).isTrue();
        assertThat(refused("lixia", "Mine2025!", T0)).isNotNull();
        assertThat(login("lixia", "Reset2025!", T0).mustChangePassword()).isTrue();
        service.changeOwnPassword(lixia, "Reset2025!".toCharArray(), "Mine2026!".toCharArray());
        assertThat(login("lixia", "Mine2026!", T0).mustChangePassword()).isFalse();
        assertThat(heard).containsSubsequence("set lixia " + PW, "set lixia Mine2025!", "set lixia Reset2025!",
                "set lixia Mine2026!");
    }

    @Test
    void resetPassword_endsALock() {
        admin = adminSession();
        User u = add("lixia", Role.FRONT_DESK);
        for (int i = 0; i < 5; i++) {
            refused("lixia", "Wrong2025!", T0);
        }

        service.resetPassword(admin, u.id(), "Reset2025!".toCharArray());

        assertThat(login("lixia", "Reset2025!", T0)).isNotNull();
    }

    @Test
    void resetPassword_checksThePolicy() {
        admin = adminSession();
        User u = add("lixia", Role.FRONT_DESK);

        assertThatThrownBy(() -> service.resetPassword(admin, u.id(), "1234".toCharArray()))
                .isInstanceOf(ValidationException.class);
        assertThat(login("lixia", PW, T0)).isNotNull();
    }

    @Test
    void changeOwnPassword_needsTheCurrentOne() {
        Session a = adminSession();

        assertThatThrownBy(() -> service.changeOwnPassword(a, "Guess2025!".toCharArray(), "New2025!x".toCharArray()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(problemKeys(e)).containsExactly("problem.password.oldWrong"))
                .satisfies(e -> assertThat(((ValidationException) e).problems().get(0).field())
                        .isEqualTo(UserService.OLD_PASSWORD));
        assertThat(login("admin", ADMIN_PW, T0)).isNotNull();
    }

    @Test
    void changeOwnPassword_refusesTheSamePasswordAndAWeakOne() {
        Session a = adminSession();

        assertThatThrownBy(() -> service.changeOwnPassword(a, ADMIN_PW.toCharArray(), ADMIN_PW.toCharArray()))
                .satisfies(e -> assertThat(problemKeys(e)).containsExactly("problem.password.sameAsOld"));
        assertThatThrownBy(() -> service.changeOwnPassword(a, ADMIN_PW.toCharArray(), "password".toCharArray()))
                .satisfies(e -> assertThat(problemKeys(e)).containsExactly("problem.password.classes"));
    }

    @Test
    void changeOwnPassword_needsALogin() {
        service.createFirstAdministrator("admin", "王主任", ADMIN_PW.toCharArray());

        assertThatThrownBy(() -> service.changeOwnPassword(new Session(), ADMIN_PW.toCharArray(),
                "New2025!x".toCharArray())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aHashFromALowerWorkFactor_isUpgradedAtTheNextLogin() {
        service = service(new PasswordHasher(500));
        service.createFirstAdministrator("admin", "王主任", ADMIN_PW.toCharArray());
        service = service(new PasswordHasher(1_000));

        login("admin", ADMIN_PW, T0);

        assertThat(repo.findForLogin(db.dsl(), "admin").orElseThrow().hash().iterations()).isEqualTo(1_000);
        assertThat(login("admin", ADMIN_PW, T0)).isNotNull();
    }

    @Test
    void passwordsAreStoredHashed_neverInPlainText() {
        service.createFirstAdministrator("admin", "王主任", ADMIN_PW.toCharArray());

        String stored = db.dsl().fetch("select * from app_user").formatCSV();
        assertThat(stored).doesNotContain(ADMIN_PW);
    }

    // ---------- roles and deactivation ----------

    @Test
    void changeRoles_replacesTheRoles() {
        admin = adminSession();
        User u = add("lixia", Role.FRONT_DESK);

        User changed = service.changeRoles(admin, u.id(), EnumSet.of(Role.CASEWORKER, Role.COUNSELLOR));

        assertThat(changed.roles()).containsExactlyInAnyOrder(Role.CASEWORKER, Role.COUNSELLOR);
        assertThat(login("lixia", PW, T0).identity().roles()).containsExactlyInAnyOrder(Role.CASEWORKER,
                Role.COUNSELLOR);
    }

    @Test
    void theLastAdministrator_keepsTheRight_andStaysActive() {
        admin = adminSession();
        UUID self = admin.identity().id();

        assertThatThrownBy(() -> service.changeRoles(admin, self, Set.of(Role.FRONT_DESK)))
                .isInstanceOf(UserException.class)
                .satisfies(e -> assertThat(((UserException) e).key()).isEqualTo("error.users.lastManager"));
        assertThatThrownBy(() -> service.deactivate(admin, self))
                .satisfies(e -> assertThat(((UserException) e).key()).isEqualTo("error.users.deactivateSelf"));
        assertThat(admin.has(Permission.USERS_MANAGE)).isTrue();
    }

    @Test
    void withASecondAdministrator_anAdministratorMayGiveUpTheRole_andTheSessionFollows() {
        admin = adminSession();
        User second = add("boss2", Role.DIRECTOR);

        service.changeRoles(admin, admin.identity().id(), Set.of(Role.CASEWORKER));

        assertThat(admin.has(Permission.USERS_MANAGE)).isFalse();
        assertThat(admin.has(Permission.PEOPLE_REVEAL)).isTrue();
        Session boss2 = new Session();
        boss2.login(second.identity(), Instant.EPOCH);
        assertThat(service.deactivate(boss2, admin.identity().id()).active()).isFalse();
        assertThatThrownBy(() -> service.changeRoles(boss2, second.id(), Set.of(Role.FRONT_DESK)))
                .satisfies(e -> assertThat(((UserException) e).key()).isEqualTo("error.users.lastManager"));
    }

    @Test
    void deactivate_keepsTheAccountListed_andIsRepeatable() {
        admin = adminSession();
        User u = add("lixia", Role.FRONT_DESK);

        User off = service.deactivate(admin, u.id());
        User again = service.deactivate(admin, u.id());

        assertThat(off.active()).isFalse();
        assertThat(again.active()).isFalse();
        assertThat(service.list(admin)).extracting(User::userName, User::active)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("admin", true),
                        org.assertj.core.groups.Tuple.tuple("lixia", false));
        assertThat(heard).filteredOn(h -> h.startsWith("deactivated")).hasSize(1);
    }

    @Test
    void aListenerFailure_rollsTheChangeBack() {
        admin = adminSession();
        User u = add("lixia", Role.FRONT_DESK);
        UserService failing = new UserService(db.dsl(), repo, new PasswordHasher(1_000), () -> rules,
                Clock.fixed(T0.atZone(ZONE).toInstant(), ZONE), new PasswordListener() {
                    @Override
                    public void passwordSet(UserIdentity user, char[] password) {
                        throw new IllegalStateException("key slot not written");
                    }
                });

        assertThatThrownBy(() -> failing.resetPassword(admin, u.id(), "Reset2025!".toCharArray()))
                .hasMessageContaining("key slot");

        assertThat(login("lixia", PW, T0).mustChangePassword()).isTrue();
        assertThat(refused("lixia", "Reset2025!", T0)).isNotNull();
    }

    @Test
    void unknownAccount_isReportedAsNotFound() {
        admin = adminSession();
        Consumer<Runnable> notFound = call -> assertThatThrownBy(call::run)
                .satisfies(e -> assertThat(((UserException) e).key()).isEqualTo("error.users.notFound"));

        notFound.accept(() -> service.changeRoles(admin, UUID.randomUUID(), Set.of(Role.FRONT_DESK)));
        notFound.accept(() -> service.resetPassword(admin, UUID.randomUUID(), "Reset2025!".toCharArray()));
        notFound.accept(() -> service.deactivate(admin, UUID.randomUUID()));
    }
}
