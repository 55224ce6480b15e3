package org.caredesk.users.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.caredesk.common.I18n;
import org.caredesk.security.Role;
import org.caredesk.security.Session;
import org.caredesk.security.UserIdentity;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.users.LoginRefusedException;
import org.caredesk.users.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsersViewModelTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDateTime NOW = LocalDateTime.of(2025, 6, 2, 9, 0);
    private static final Clock CLOCK = Clock.fixed(NOW.atZone(ZONE).toInstant(), ZONE);

    private TestUsers t;
    private UsersViewModel vm;

    @BeforeEach
    void setUp() {
        I18n.setLocale(I18n.CHINESE);
        t = new TestUsers(CLOCK);
        vm = new UsersViewModel(t.service, t.admin, new DirectTaskRunner(), CLOCK);
        vm.load();
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    private void fillAddForm(String name, String display, String pw, String repeat, Role... roles) {
        vm.userNameProperty().set(name);
        vm.displayNameProperty().set(display);
        for (Role r : roles) {
            vm.newRoles().property(r).set(true);
        }
        vm.passwordProperty().set(pw);
        vm.passwordRepeatProperty().set(repeat);
    }

    private User byName(String name) {
        return vm.users().stream().filter(u -> u.userName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void load_listsTheAccountsWithRolesAndState() {
        assertThat(vm.users()).extracting(User::userName).containsExactly("admin");
        assertThat(UsersViewModel.rolesText(vm.users().get(0).roles())).isEqualTo("主任/管理员");
        assertThat(vm.statusText(vm.users().get(0))).isEqualTo("在用");
        assertThat(UsersViewModel.rolesText(Set.of(Role.VOLUNTEER_COORDINATOR, Role.FRONT_DESK)))
                .isEqualTo("前台、志愿者管理");
    }

    @Test
    void load_withoutTheRight_saysSoAndListsNothing() {
        Session frontDesk = new Session();
        frontDesk.login(new UserIdentity(UUID.randomUUID(), "lixia", "李霞", Set.of(Role.FRONT_DESK)),
                Instant.EPOCH);
        UsersViewModel other = new UsersViewModel(t.service, frontDesk, new DirectTaskRunner(), CLOCK);

        other.load();

        assertThat(other.users()).isEmpty();
        assertThat(other.errorProperty().get()).contains("管理用户和角色");
    }

    @Test
    void addForm_isValidOnlyWhenComplete_andMarksOnlyWhatWasTyped() {
        assertThat(vm.addValidProperty().get()).isFalse();
        assertThat(vm.messagesProperty().get()).isEmpty();

        fillAddForm("lixia", "李霞", "Desk2025!", "Desk2025!", Role.FRONT_DESK);
        assertThat(vm.addValidProperty().get()).isTrue();

        vm.passwordRepeatProperty().set("Desk2025?");
        assertThat(vm.addValidProperty().get()).isFalse();
        assertThat(vm.messagesProperty().get()).containsOnlyKeys(UsersViewModel.PASSWORD_REPEAT);
    }

    @Test
    void addForm_showsTheRulesAsTyped() {
        fillAddForm("li xia", "李霞", "abcdefgh", "abcdefgh", Role.AUDITOR, Role.CASEWORKER);

        assertThat(vm.messagesProperty().get()).containsOnlyKeys(UsersViewModel.USER_NAME, UsersViewModel.ROLES,
                UsersViewModel.PASSWORD);
        assertThat(vm.messagesProperty().get().get(UsersViewModel.ROLES)).contains("审计员");
        assertThat(vm.messagesProperty().get().get(UsersViewModel.PASSWORD)).contains("至少 3 类");
        assertThat(vm.addValidProperty().get()).isFalse();
    }

    @Test
    void add_createsTheAccount_clearsTheForm_andSelectsIt() {
        fillAddForm("lixia", "李霞", "Desk2025!", "Desk2025!", Role.FRONT_DESK, Role.VOLUNTEER_COORDINATOR);

        vm.add();

        assertThat(vm.users()).extracting(User::userName).containsExactly("admin", "lixia");
        assertThat(vm.selectedProperty().get().userName()).isEqualTo("lixia");
        assertThat(vm.editRoles().chosen()).containsExactlyInAnyOrder(Role.FRONT_DESK, Role.VOLUNTEER_COORDINATOR);
        assertThat(vm.userNameProperty().get()).isEmpty();
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.newRoles().chosen()).isEmpty();
        assertThat(vm.infoProperty().get()).contains("lixia");
        assertThat(vm.statusText(byName("lixia"))).isEqualTo("待改密码");
    }

    @Test
    void add_takenName_showsTheServicesSentenceUnderTheName() {
        fillAddForm("lixia", "李霞", "Desk2025!", "Desk2025!", Role.FRONT_DESK);
        vm.add();
        fillAddForm("LiXia", "另一个李霞", "Desk2025!", "Desk2025!", Role.CASEWORKER);

        vm.add();

        assertThat(vm.messagesProperty().get().get(UsersViewModel.USER_NAME)).contains("已经有人用了");
        assertThat(vm.userNameProperty().get()).isEqualTo("LiXia");
        assertThat(vm.users()).hasSize(2);
    }

    @Test
    void saveRoles_isPossibleOnlyForAChange_andApplies() {
        fillAddForm("lixia", "李霞", "Desk2025!", "Desk2025!", Role.FRONT_DESK);
        vm.add();
        assertThat(vm.canSaveRolesBinding().get()).isFalse();

        vm.editRoles().property(Role.CASEWORKER).set(true);
        assertThat(vm.canSaveRolesBinding().get()).isTrue();
        vm.saveRoles();

        assertThat(byName("lixia").roles()).containsExactlyInAnyOrder(Role.FRONT_DESK, Role.CASEWORKER);
        assertThat(vm.infoProperty().get()).contains("lixia");
        assertThat(vm.canSaveRolesBinding().get()).isFalse();
    }

    @Test
    void editRoles_auditorWithAnother_isMarked_andCannotBeSaved() {
        fillAddForm("lixia", "李霞", "Desk2025!", "Desk2025!", Role.FRONT_DESK);
        vm.add();

        vm.editRoles().property(Role.AUDITOR).set(true);

        assertThat(vm.messagesProperty().get()).containsKey(UsersViewModel.EDIT_ROLES);
        assertThat(vm.canSaveRolesBinding().get()).isFalse();
    }

    @Test
    void removingTheLastAdministratorsRole_showsTheServicesRefusal() {
        vm.selectedProperty().set(byName("admin"));
        vm.editRoles().property(Role.DIRECTOR).set(false);
        vm.editRoles().property(Role.CASEWORKER).set(true);

        vm.saveRoles();

        assertThat(vm.errorProperty().get()).contains("最后一个");
        assertThat(byName("admin").roles()).containsExactly(Role.DIRECTOR);
    }

    @Test
    void resetPassword_needsAGoodPasswordTwice_andForcesAChange() {
        fillAddForm("lixia", "李霞", "Desk2025!", "Desk2025!", Role.FRONT_DESK);
        vm.add();
        t.service.changeOwnPassword(sessionOf("lixia"), "Desk2025!".toCharArray(), "Mine2025!".toCharArray());
        vm.load();
        assertThat(vm.statusText(byName("lixia"))).isEqualTo("在用");

        vm.resetPasswordProperty().set("short");
        assertThat(vm.canResetBinding().get()).isFalse();
        vm.resetPasswordProperty().set("Reset2025!");
        vm.resetRepeatProperty().set("Reset2025!");
        assertThat(vm.canResetBinding().get()).isTrue();
        vm.resetPassword();

        assertThat(vm.infoProperty().get()).contains("lixia");
        assertThat(vm.statusText(byName("lixia"))).isEqualTo("待改密码");
        assertThat(vm.resetPasswordProperty().get()).isEmpty();
        assertThat(t.service.authenticate("lixia", "Reset2025!".toCharArray(), NOW).mustChangePassword()).isTrue();
    }

    @Test
    void deactivate_notForOneself_butForOthers() {
        fillAddForm("lixia", "李霞", "Desk2025!", "Desk2025!", Role.FRONT_DESK);
        vm.add();
        vm.selectedProperty().set(byName("admin"));
        assertThat(vm.canDeactivateBinding().get()).isFalse();

        vm.selectedProperty().set(byName("lixia"));
        assertThat(vm.canDeactivateBinding().get()).isTrue();
        assertThat(vm.deactivateQuestion()).contains("李霞").contains("lixia");
        vm.deactivate();

        assertThat(vm.statusText(byName("lixia"))).isEqualTo("已停用");
        assertThat(vm.canDeactivateBinding().get()).isFalse();
    }

    @Test
    void lockedAccount_showsAsLocked() {
        fillAddForm("lixia", "李霞", "Desk2025!", "Desk2025!", Role.FRONT_DESK);
        vm.add();
        for (int i = 0; i < 5; i++) {
            try {
                t.service.authenticate("lixia", "Wrong2025!".toCharArray(), NOW);
            } catch (LoginRefusedException expected) {
                // counting towards the lock
            }
        }

        vm.load();

        assertThat(vm.statusText(byName("lixia"))).isEqualTo("已锁定");
    }

    private Session sessionOf(String name) {
        Session s = new Session();
        s.login(byName(name).identity(), Instant.EPOCH);
        return s;
    }
}
