package org.caredesk.users.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.caredesk.common.I18n;
import org.caredesk.ui.DirectTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangePasswordViewModelTest {
    private TestUsers t;
    private ChangePasswordViewModel vm;
    private final AtomicInteger changed = new AtomicInteger();

    @BeforeEach
    void setUp() {
        I18n.setLocale(I18n.CHINESE);
        t = new TestUsers(Clock.systemDefaultZone());
        vm = new ChangePasswordViewModel(t.service, t.admin, new DirectTaskRunner());
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    private void fill(String old, String now, String repeat) {
        vm.oldPasswordProperty().set(old);
        vm.newPasswordProperty().set(now);
        vm.repeatProperty().set(repeat);
    }

    @Test
    void namesWhoseTheChangeIs() {
        assertThat(vm.whoText()).contains("王主任").contains("admin");
    }

    @Test
    void valid_onlyWithAllThreeFilled_aGoodNewPassword_andTheSameRepeat() {
        assertThat(vm.validProperty().get()).isFalse();
        fill(TestUsers.ADMIN_PW, "Newer2025!", "Newer2025!");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.messagesProperty().get()).isEmpty();

        vm.repeatProperty().set("Newer2025");
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.messagesProperty().get()).containsOnlyKeys(ChangePasswordViewModel.REPEAT);

        fill(TestUsers.ADMIN_PW, "newer", "newer");
        assertThat(vm.messagesProperty().get()).containsOnlyKeys(ChangePasswordViewModel.NEW);

        fill(TestUsers.ADMIN_PW, TestUsers.ADMIN_PW, TestUsers.ADMIN_PW);
        assertThat(vm.messagesProperty().get().get(ChangePasswordViewModel.NEW)).contains("不能和原密码相同");
    }

    @Test
    void change_withTheRightCurrentPassword_changesItAndClearsTheFields() {
        fill(TestUsers.ADMIN_PW, "Newer2025!", "Newer2025!");

        vm.change(changed::incrementAndGet);

        assertThat(changed.get()).isEqualTo(1);
        assertThat(vm.oldPasswordProperty().get()).isEmpty();
        assertThat(vm.newPasswordProperty().get()).isEmpty();
        assertThat(t.service.authenticate("admin", "Newer2025!".toCharArray(), LocalDateTime.now())).isNotNull();
    }

    @Test
    void change_withAWrongCurrentPassword_saysSoUnderIt_andClearsIt() {
        fill("Guess2025!", "Newer2025!", "Newer2025!");

        vm.change(changed::incrementAndGet);

        assertThat(changed.get()).isZero();
        assertThat(vm.messagesProperty().get().get(ChangePasswordViewModel.OLD)).isEqualTo("原密码不对，请重新输入。");
        assertThat(vm.oldPasswordProperty().get()).isEmpty();
        assertThat(vm.newPasswordProperty().get()).isEqualTo("Newer2025!");
        assertThat(vm.errorProperty().get()).isEmpty();
    }
}
