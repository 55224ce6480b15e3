package org.caredesk.users.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.caredesk.common.I18n;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.users.LoginResult;
import org.caredesk.users.service.UserAuthenticator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T01:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private TestUsers t;
    private final Session session = new Session();
    private LoginViewModel vm;
    private final List<LoginResult> results = new ArrayList<>();

    @BeforeEach
    void setUp() {
        I18n.setLocale(I18n.CHINESE);
        t = new TestUsers(CLOCK);
        vm = new LoginViewModel(new UserAuthenticator(t.service, session, CLOCK), new DirectTaskRunner());
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    private void tryLogin(String name, String password) {
        vm.userNameProperty().set(name);
        vm.passwordProperty().set(password);
        vm.login(results::add);
    }

    @Test
    void loginButton_needsANameAndAPassword() {
        assertThat(vm.canLoginBinding().get()).isFalse();
        vm.userNameProperty().set("admin");
        assertThat(vm.canLoginBinding().get()).isFalse();
        vm.passwordProperty().set("x");
        assertThat(vm.canLoginBinding().get()).isTrue();
        vm.userNameProperty().set("  ");
        assertThat(vm.canLoginBinding().get()).isFalse();
    }

    @Test
    void rightPassword_startsTheSession() {
        tryLogin("admin", TestUsers.ADMIN_PW);

        assertThat(results).singleElement().satisfies(r -> assertThat(r.identity().userName()).isEqualTo("admin"));
        assertThat(session.has(Permission.USERS_MANAGE)).isTrue();
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void wrongPassword_saysSo_keepsTheName_clearsThePassword() {
        tryLogin("admin", "Wrong2025!");

        assertThat(results).isEmpty();
        assertThat(session.isLoggedIn()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo(I18n.get("error.login.failed"));
        assertThat(vm.userNameProperty().get()).isEqualTo("admin");
        assertThat(vm.passwordProperty().get()).isEmpty();
    }

    @Test
    void fiveWrongPasswords_showTheLockSentenceWithItsEnd() {
        for (int i = 0; i < 4; i++) {
            tryLogin("admin", "Wrong2025!");
            assertThat(vm.errorProperty().get()).isEqualTo(I18n.get("error.login.failed"));
        }
        tryLogin("admin", "Wrong2025!");

        // 09:00 Beijing time plus ten minutes.
        assertThat(vm.errorProperty().get()).isEqualTo(I18n.get("error.login.locked", "09:10", "5"));
        tryLogin("admin", TestUsers.ADMIN_PW);
        assertThat(vm.errorProperty().get()).isEqualTo(I18n.get("error.login.locked", "09:10", "5"));
        assertThat(session.isLoggedIn()).isFalse();
    }

    @Test
    void askAgain_fixesTheUserName() {
        vm.askAgainFor("admin");

        assertThat(vm.userNameFixedProperty().get()).isTrue();
        assertThat(vm.userNameProperty().get()).isEqualTo("admin");
        vm.passwordProperty().set(TestUsers.ADMIN_PW);
        vm.login(results::add);
        assertThat(results).hasSize(1);
    }
}
