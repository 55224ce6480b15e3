package org.caredesk.security;

import static org.caredesk.security.Permission.AUDIT_EXPORT;
import static org.caredesk.security.Permission.AUDIT_READ;
import static org.caredesk.security.Permission.BACKUP;
import static org.caredesk.security.Permission.REPORT_SEND;
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

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;

/**
 * Which role may do what: the one table of docs/decisions/0008-roles-and-permissions.md. A user with several roles
 * may do what any of them allows. Services ask {@link Session#require(Permission)}, which asks this table.
 */
public final class PermissionMatrix {
    private static final boolean YES = true;
    private static final boolean NO = false;

    /** Field name of role problems, for the form that shows them. */
    public static final String ROLES_FIELD = "roles";

    // One row per permission; the columns follow Role's order. The counsellor alone reads counselling notes, the
    // director (who manages users) does not read the audit log, and the auditor does nothing but read it. Visits are
    // logged by caseworkers (and the director); a counsellor records incidents (crises) but not visits.
    //                                   FRONT   CASE-   COUN-   VOLUNT. DIREC-  AUDI-
    //                                   DESK    WORKER  SELLOR  COORD.  TOR     TOR
    private static final Map<Permission, Set<Role>> TABLE = table(
            row(PEOPLE_READ,             YES,    YES,    YES,    YES,    YES,    NO),
            row(PEOPLE_WRITE,            YES,    YES,    NO,     NO,     YES,    NO),
            row(PEOPLE_CLOSE,            NO,     YES,    NO,     NO,     YES,    NO),
            row(PEOPLE_REVEAL,           NO,     YES,    NO,     NO,     YES,    NO),
            row(PEOPLE_IMPORT,           YES,    NO,     NO,     NO,     YES,    NO),
            row(PEOPLE_EXPORT,           YES,    NO,     NO,     NO,     YES,    NO),
            row(PEOPLE_EXPORT_FULL,      NO,     NO,     NO,     NO,     YES,    NO),
            row(COUNSELLING_NOTES_READ,  NO,     NO,     YES,    NO,     NO,     NO),
            row(VISITS_READ,             YES,    YES,    YES,    YES,    YES,    NO),
            row(VISITS_WRITE,            NO,     YES,    NO,     NO,     YES,    NO),
            row(COLOUR_OVERRIDE,         NO,     YES,    NO,     NO,     YES,    NO),
            row(INCIDENTS_WRITE,         NO,     YES,    YES,    NO,     YES,    NO),
            row(USERS_MANAGE,            NO,     NO,     NO,     NO,     YES,    NO),
            row(SETTINGS_MANAGE,         NO,     NO,     NO,     NO,     YES,    NO),
            row(BACKUP,                  NO,     NO,     NO,     NO,     YES,    NO),
            row(RESTORE,                 NO,     NO,     NO,     NO,     YES,    NO),
            row(AUDIT_READ,              NO,     NO,     NO,     NO,     NO,     YES),
            row(AUDIT_EXPORT,            NO,     NO,     NO,     NO,     NO,     YES),
            // The director sends the report upward; caseworkers check their own people's figures and the lists
            // behind them (the same masked people they already see): decision 0028.
            row(REPORT_READ,             NO,     YES,    NO,     NO,     YES,    NO),
            row(REPORT_SEND,             NO,     NO,     NO,     NO,     YES,    NO));

    private PermissionMatrix() {}

    private record Row(Permission permission, boolean[] allowed) {}

    private static Row row(Permission p, boolean... allowed) {
        return new Row(p, allowed);
    }

    private static Map<Permission, Set<Role>> table(Row... rows) {
        Map<Permission, Set<Role>> t = new EnumMap<>(Permission.class);
        Role[] roles = Role.values();
        for (Row r : rows) {
            if (r.allowed().length != roles.length) {
                throw new IllegalStateException(r.permission() + " has " + r.allowed().length + " columns, not "
                        + roles.length);
            }
            Set<Role> allowed = EnumSet.noneOf(Role.class);
            for (int i = 0; i < roles.length; i++) {
                if (r.allowed()[i]) {
                    allowed.add(roles[i]);
                }
            }
            if (t.put(r.permission(), Collections.unmodifiableSet(allowed)) != null) {
                throw new IllegalStateException(r.permission() + " appears twice in the permission table");
            }
        }
        // A permission added to the enum without a row would silently be denied to everyone.
        for (Permission p : Permission.values()) {
            if (!t.containsKey(p)) {
                throw new IllegalStateException(p + " has no row in the permission table");
            }
        }
        return Collections.unmodifiableMap(t);
    }

    /** Whether a role grants a permission. */
    public static boolean allows(Role role, Permission permission) {
        return TABLE.get(permission).contains(role);
    }

    /** Whether any of the roles grants a permission. */
    public static boolean allows(Collection<Role> roles, Permission permission) {
        for (Role r : roles) {
            if (allows(r, permission)) {
                return true;
            }
        }
        return false;
    }

    /** Everything a set of roles grants. */
    public static Set<Permission> permissions(Collection<Role> roles) {
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (allows(roles, p)) {
                granted.add(p);
            }
        }
        return granted;
    }

    /** The roles that grant a permission. */
    public static Set<Role> rolesWith(Permission permission) {
        return TABLE.get(permission);
    }

    /**
     * What is wrong with giving a user these roles: none at all, or the auditor together with another role (the
     * auditor checks what the others did, so the same account must not also do it).
     */
    public static List<Problem> check(Collection<Role> roles) {
        List<Problem> problems = new ArrayList<>();
        if (roles.isEmpty()) {
            problems.add(Problem.error(ROLES_FIELD, "problem.roles.required"));
        } else if (roles.contains(Role.AUDITOR) && EnumSet.copyOf(roles).size() > 1) {
            problems.add(Problem.error(ROLES_FIELD, "problem.roles.auditorAlone",
                    new I18n.Key(I18n.enumKey(Role.AUDITOR))));
        }
        return problems;
    }
}
