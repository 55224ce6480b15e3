package org.caredesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caredesk.security.Permission.AUDIT_EXPORT;
import static org.caredesk.security.Permission.REPORT_SEND;
import static org.caredesk.security.Permission.AUDIT_READ;
import static org.caredesk.security.Permission.BACKUP;
import static org.caredesk.security.Permission.COLOUR_OVERRIDE;
import static org.caredesk.security.Permission.COUNSELLING_NOTES_READ;
import static org.caredesk.security.Permission.INCIDENTS_WRITE;
import static org.caredesk.security.Permission.PEOPLE_CLOSE;
import static org.caredesk.security.Permission.PEOPLE_EXPORT;
import static org.caredesk.security.Permission.PEOPLE_EXPORT_FULL;
import static org.caredesk.security.Permission.PEOPLE_IMPORT;
import static org.caredesk.security.Permission.PEOPLE_READ;
import static org.caredesk.security.Permission.PEOPLE_REVEAL;
import static org.caredesk.security.Permission.PEOPLE_WRITE;
import static org.caredesk.security.Permission.REPORT_READ;
import static org.caredesk.security.Permission.RESTORE;
import static org.caredesk.security.Permission.SETTINGS_MANAGE;
import static org.caredesk.security.Permission.USERS_MANAGE;
import static org.caredesk.security.Permission.VISITS_READ;
import static org.caredesk.security.Permission.VISITS_WRITE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every role against every permission. The expected grants are written out here from DOMAIN.md and the issue, by
 * role rather than by permission, so a slip in the matrix's table does not repeat itself in the test.
 */
class PermissionMatrixTest {
    private static final Map<Role, Set<Permission>> EXPECTED = Map.of(
            Role.FRONT_DESK, EnumSet.of(PEOPLE_READ, PEOPLE_WRITE, PEOPLE_IMPORT, PEOPLE_EXPORT, VISITS_READ),
            Role.CASEWORKER, EnumSet.of(PEOPLE_READ, PEOPLE_WRITE, PEOPLE_CLOSE, PEOPLE_REVEAL, VISITS_READ,
                    VISITS_WRITE, COLOUR_OVERRIDE, INCIDENTS_WRITE, REPORT_READ),
            Role.COUNSELLOR, EnumSet.of(PEOPLE_READ, COUNSELLING_NOTES_READ, VISITS_READ, INCIDENTS_WRITE),
            Role.VOLUNTEER_COORDINATOR, EnumSet.of(PEOPLE_READ, VISITS_READ),
            Role.DIRECTOR, EnumSet.of(USERS_MANAGE, SETTINGS_MANAGE, BACKUP, RESTORE, PEOPLE_READ, PEOPLE_WRITE,
                    PEOPLE_CLOSE, PEOPLE_REVEAL, PEOPLE_IMPORT, PEOPLE_EXPORT, PEOPLE_EXPORT_FULL, VISITS_READ,
                    VISITS_WRITE, COLOUR_OVERRIDE, INCIDENTS_WRITE, REPORT_READ, REPORT_SEND),
            Role.AUDITOR, EnumSet.of(AUDIT_READ, AUDIT_EXPORT));

    static Stream<Arguments> everyRoleAndPermission() {
        List<Arguments> all = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Permission p : Permission.values()) {
                all.add(Arguments.of(role, p, EXPECTED.get(role).contains(p)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} × {1} → {2}")
    @MethodSource("everyRoleAndPermission")
    void role_isAllowedExactlyWhatTheTableSays(Role role, Permission permission, boolean allowed) {
        assertThat(PermissionMatrix.allows(role, permission)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} × {1} → {2}")
    @MethodSource("everyRoleAndPermission")
    void sessionOfOneRole_requireAllowsOrRefusesAsTheTableSays(Role role, Permission permission, boolean allowed) {
        Session session = new Session();
        session.login(new UserIdentity(UUID.randomUUID(), "u", "U", Set.of(role)), Instant.EPOCH);

        assertThat(session.has(permission)).isEqualTo(allowed);
        if (allowed) {
            assertThat(session.require(permission).roles()).containsExactly(role);
        } else {
            assertThatThrownBy(() -> session.require(permission)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void expectedTable_coversEveryRole() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(Role.values());
    }

    @Test
    void counsellingNotes_areReadByCounsellorsOnly() {
        assertThat(PermissionMatrix.rolesWith(COUNSELLING_NOTES_READ)).containsExactly(Role.COUNSELLOR);
    }

    @Test
    void theAdministratorIsNotTheAuditor() {
        assertThat(PermissionMatrix.rolesWith(AUDIT_READ)).containsExactly(Role.AUDITOR);
        assertThat(PermissionMatrix.rolesWith(AUDIT_EXPORT)).containsExactly(Role.AUDITOR);
        assertThat(PermissionMatrix.permissions(Set.of(Role.AUDITOR))).containsExactlyInAnyOrder(AUDIT_READ,
                AUDIT_EXPORT);
    }

    @Test
    void severalRoles_grantTheUnionOfTheirPermissions() {
        assertThat(PermissionMatrix.permissions(List.of(Role.FRONT_DESK, Role.COUNSELLOR)))
                .containsExactlyInAnyOrder(PEOPLE_READ, PEOPLE_WRITE, PEOPLE_IMPORT, PEOPLE_EXPORT,
                        COUNSELLING_NOTES_READ, VISITS_READ, INCIDENTS_WRITE);
        assertThat(PermissionMatrix.allows(List.of(Role.VOLUNTEER_COORDINATOR, Role.CASEWORKER), PEOPLE_REVEAL))
                .isTrue();
        assertThat(PermissionMatrix.allows(List.of(), PEOPLE_READ)).isFalse();
    }

    @Test
    void check_acceptsSeveralRolesWithoutTheAuditor() {
        assertThat(PermissionMatrix.check(List.of(Role.FRONT_DESK, Role.CASEWORKER, Role.VOLUNTEER_COORDINATOR)))
                .isEmpty();
        assertThat(PermissionMatrix.check(List.of(Role.AUDITOR))).isEmpty();
        assertThat(PermissionMatrix.check(List.of(Role.DIRECTOR, Role.COUNSELLOR))).isEmpty();
    }

    @Test
    void check_refusesTheAuditorWithAnyOtherRole_inAClearSentence() {
        for (Role other : EnumSet.complementOf(EnumSet.of(Role.AUDITOR))) {
            List<Problem> problems = PermissionMatrix.check(List.of(Role.AUDITOR, other));
            assertThat(problems).as("auditor with " + other).singleElement()
                    .satisfies(p -> assertThat(p.key()).isEqualTo("problem.roles.auditorAlone"))
                    .satisfies(p -> assertThat(p.field()).isEqualTo(PermissionMatrix.ROLES_FIELD));
        }
        I18n.setLocale(I18n.CHINESE);
        assertThat(PermissionMatrix.check(List.of(Role.AUDITOR, Role.DIRECTOR)).get(0).localized())
                .contains("审计员").doesNotContain("!");
    }

    @Test
    void check_refusesNoRoleAtAll() {
        assertThat(PermissionMatrix.check(List.of())).extracting(Problem::key)
                .containsExactly("problem.roles.required");
    }
}
