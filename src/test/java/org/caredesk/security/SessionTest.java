package org.caredesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.caredesk.common.UserException;
import org.junit.jupiter.api.Test;

class SessionTest {
    private static final Instant T0 = Instant.parse("2025-06-02T01:00:00Z");
    private final UserIdentity frontDesk = new UserIdentity(UUID.randomUUID(), "lixia", "李霞",
            Set.of(Role.FRONT_DESK));

    @Test
    void nobodyLoggedIn_everythingIsRefusedWithTheLoginSentence() {
        Session s = new Session();

        assertThat(s.isLoggedIn()).isFalse();
        assertThat(s.has(Permission.PEOPLE_READ)).isFalse();
        assertThat(s.current()).isEmpty();
        assertThatThrownBy(() -> s.require(Permission.PEOPLE_READ)).isInstanceOf(AccessDeniedException.class)
                .satisfies(e -> assertThat(((UserException) e).key()).isEqualTo("error.notLoggedIn"));
        assertThatThrownBy(s::identity).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void loggedIn_requireReturnsTheUser_orNamesTheMissingPermission() {
        Session s = new Session();
        s.login(frontDesk, T0);

        assertThat(s.require(Permission.PEOPLE_WRITE)).isEqualTo(frontDesk);
        assertThat(s.identity()).isEqualTo(frontDesk);
        assertThatThrownBy(() -> s.require(Permission.PEOPLE_REVEAL))
                .isInstanceOf(AccessDeniedException.class)
                .satisfies(e -> assertThat(((UserException) e).key()).isEqualTo("error.accessDenied"));
    }

    @Test
    void logout_endsTheSession() {
        Session s = new Session();
        s.login(frontDesk, T0);
        s.logout();

        assertThat(s.isLoggedIn()).isFalse();
        assertThat(s.isIdle(T0.plusSeconds(3600))).isFalse();
        assertThatThrownBy(() -> s.require(Permission.PEOPLE_READ)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void idle_afterTheTimeoutWithoutActivity_notBefore() {
        Session s = new Session();
        s.login(frontDesk, T0);

        assertThat(s.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.isIdle(T0.plus(Duration.ofMinutes(10)).minusMillis(1))).isFalse();
        assertThat(s.isIdle(T0.plus(Duration.ofMinutes(10)))).isTrue();
    }

    @Test
    void touch_restartsTheIdleTime() {
        Session s = new Session();
        s.login(frontDesk, T0);
        s.touch(T0.plus(Duration.ofMinutes(9)));

        assertThat(s.isIdle(T0.plus(Duration.ofMinutes(15)))).isFalse();
        assertThat(s.isIdle(T0.plus(Duration.ofMinutes(19)))).isTrue();
    }

    @Test
    void touchFromAnOlderEvent_doesNotMoveTheLastActivityBack() {
        Session s = new Session();
        s.login(frontDesk, T0);
        s.touch(T0.plus(Duration.ofMinutes(5)));
        s.touch(T0.plus(Duration.ofMinutes(1)));

        assertThat(s.isIdle(T0.plus(Duration.ofMinutes(12)))).isFalse();
    }

    @Test
    void idleTimeout_isASetting_appliedToTheRunningSession() {
        Session s = new Session(Duration.ofMinutes(3));
        s.login(frontDesk, T0);
        assertThat(s.isIdle(T0.plus(Duration.ofMinutes(3)))).isTrue();

        s.setIdleTimeout(Duration.ofMinutes(30));
        assertThat(s.isIdle(T0.plus(Duration.ofMinutes(3)))).isFalse();
        assertThatThrownBy(() -> s.setIdleTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refresh_updatesTheSameUsersRoles_butNeverSwitchesUser() {
        Session s = new Session();
        s.login(frontDesk, T0);
        s.refresh(new UserIdentity(frontDesk.id(), "lixia", "李霞", Set.of(Role.FRONT_DESK, Role.CASEWORKER)));
        assertThat(s.has(Permission.PEOPLE_REVEAL)).isTrue();

        s.refresh(new UserIdentity(UUID.randomUUID(), "other", "别人", Set.of(Role.DIRECTOR)));
        assertThat(s.identity().userName()).isEqualTo("lixia");
        assertThat(s.has(Permission.USERS_MANAGE)).isFalse();
    }
}
