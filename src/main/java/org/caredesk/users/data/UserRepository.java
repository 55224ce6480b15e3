package org.caredesk.users.data;

import static org.caredesk.db.generated.Tables.APP_USER;
import static org.caredesk.db.generated.Tables.APP_USER_ROLE;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.caredesk.db.TextOrder;
import org.caredesk.db.generated.tables.records.AppUserRecord;
import org.caredesk.security.PasswordHasher;
import org.caredesk.security.Role;
import org.caredesk.users.User;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * SQL for staff accounts and their roles. Every method takes the {@link DSLContext} of the caller's transaction.
 * Salt and hash are stored as Base64 text, which every database holds in the same column type.
 */
public final class UserRepository {
    /** An account with its stored password hash, for the login check. */
    public record WithHash(User user, PasswordHasher.Hash hash) {}

    public int count(DSLContext dsl) {
        return dsl.fetchCount(APP_USER);
    }

    public void insert(DSLContext dsl, User u, PasswordHasher.Hash hash) {
        AppUserRecord r = dsl.newRecord(APP_USER);
        r.setId(u.id());
        r.setUserName(u.userName());
        r.setDisplayName(u.displayName());
        setHash(r, hash);
        r.setFailedLogins(u.failedLogins());
        r.setLockedUntil(u.lockedUntil());
        r.setActive(u.active());
        r.setCreatedAt(u.createdAt());
        r.setUpdatedAt(u.updatedAt());
        r.setMustChangePassword(u.mustChangePassword());
        r.insert();
        insertRoles(dsl, u.id(), u.roles());
    }

    public Optional<User> find(DSLContext dsl, UUID id) {
        return one(dsl, APP_USER.ID.eq(id), false).map(WithHash::user);
    }

    public Optional<User> findByName(DSLContext dsl, String userName) {
        return one(dsl, APP_USER.USER_NAME.eq(userName), false).map(WithHash::user);
    }

    /**
     * The account and its hash, its row locked until the transaction ends, so that two logins at once cannot both
     * count from the same number of failures.
     */
    public Optional<WithHash> findForLogin(DSLContext dsl, String userName) {
        return one(dsl, APP_USER.USER_NAME.eq(userName), true);
    }

    /** The account and its hash by id, its row locked until the transaction ends. */
    public Optional<WithHash> findForUpdate(DSLContext dsl, UUID id) {
        return one(dsl, APP_USER.ID.eq(id), true);
    }

    private static Optional<WithHash> one(DSLContext dsl, Condition where, boolean lock) {
        var select = dsl.selectFrom(APP_USER).where(where);
        Optional<AppUserRecord> row = lock ? select.forUpdate().fetchOptional() : select.fetchOptional();
        return row.map(r -> new WithHash(user(r, roles(dsl, List.of(r.getId())).getOrDefault(r.getId(), Set.of())),
                hash(r)));
    }

    /** Every account, active ones first, then by user name. */
    public List<User> list(DSLContext dsl) {
        List<AppUserRecord> rows = dsl.selectFrom(APP_USER)
                .orderBy(APP_USER.ACTIVE.desc(), TextOrder.binary(APP_USER.USER_NAME)).fetch();
        Map<UUID, Set<Role>> roles = roles(dsl, rows.stream().map(AppUserRecord::getId).toList());
        List<User> users = new ArrayList<>(rows.size());
        for (AppUserRecord r : rows) {
            users.add(user(r, roles.getOrDefault(r.getId(), Set.of())));
        }
        return users;
    }

    /** Active accounts that hold at least one of the roles. */
    public int countActiveWithAnyRole(DSLContext dsl, Collection<Role> roles) {
        return dsl.fetchCount(dsl.selectDistinct(APP_USER.ID).from(APP_USER).join(APP_USER_ROLE)
                .on(APP_USER_ROLE.USER_ID.eq(APP_USER.ID))
                .where(APP_USER.ACTIVE.isTrue())
                .and(APP_USER_ROLE.ROLE.in(roles.stream().map(Role::name).toList())));
    }

    public void setRoles(DSLContext dsl, UUID id, Set<Role> roles, LocalDateTime now) {
        dsl.deleteFrom(APP_USER_ROLE).where(APP_USER_ROLE.USER_ID.eq(id)).execute();
        insertRoles(dsl, id, roles);
        dsl.update(APP_USER).set(APP_USER.UPDATED_AT, now).where(APP_USER.ID.eq(id)).execute();
    }

    /** A new password; a reset or a new password also ends any lock and clears the count of failures. */
    public void setPassword(DSLContext dsl, UUID id, PasswordHasher.Hash hash, boolean mustChange,
            LocalDateTime now) {
        dsl.update(APP_USER)
                .set(APP_USER.PASSWORD_SALT, encode(hash.salt()))
                .set(APP_USER.PASSWORD_HASH, encode(hash.hash()))
                .set(APP_USER.PASSWORD_ITERATIONS, hash.iterations())
                .set(APP_USER.MUST_CHANGE_PASSWORD, mustChange)
                .set(APP_USER.FAILED_LOGINS, 0)
                .setNull(APP_USER.LOCKED_UNTIL)
                .set(APP_USER.UPDATED_AT, now)
                .where(APP_USER.ID.eq(id)).execute();
    }

    /** Re-hashes with a higher work factor after a successful login; the password itself is unchanged. */
    public void replaceHash(DSLContext dsl, UUID id, PasswordHasher.Hash hash) {
        dsl.update(APP_USER)
                .set(APP_USER.PASSWORD_SALT, encode(hash.salt()))
                .set(APP_USER.PASSWORD_HASH, encode(hash.hash()))
                .set(APP_USER.PASSWORD_ITERATIONS, hash.iterations())
                .where(APP_USER.ID.eq(id)).execute();
    }

    /** The count of wrong passwords in a row, and the lock they caused (null: not locked). */
    public void setFailures(DSLContext dsl, UUID id, int failedLogins, LocalDateTime lockedUntil) {
        dsl.update(APP_USER)
                .set(APP_USER.FAILED_LOGINS, failedLogins)
                .set(APP_USER.LOCKED_UNTIL, lockedUntil)
                .where(APP_USER.ID.eq(id)).execute();
    }

    public void setActive(DSLContext dsl, UUID id, boolean active, LocalDateTime now) {
        dsl.update(APP_USER).set(APP_USER.ACTIVE, active).set(APP_USER.UPDATED_AT, now)
                .where(APP_USER.ID.eq(id)).execute();
    }

    private void insertRoles(DSLContext dsl, UUID id, Set<Role> roles) {
        var insert = dsl.insertInto(APP_USER_ROLE, APP_USER_ROLE.USER_ID, APP_USER_ROLE.ROLE);
        for (Role role : roles) {
            insert = insert.values(id, role.name());
        }
        if (!roles.isEmpty()) {
            insert.execute();
        }
    }

    private static Map<UUID, Set<Role>> roles(DSLContext dsl, List<UUID> ids) {
        Map<UUID, Set<Role>> roles = new HashMap<>();
        if (ids.isEmpty()) {
            return roles;
        }
        dsl.select(APP_USER_ROLE.USER_ID, APP_USER_ROLE.ROLE).from(APP_USER_ROLE)
                .where(APP_USER_ROLE.USER_ID.in(ids))
                .forEach(r -> roles.computeIfAbsent(r.value1(), k -> EnumSet.noneOf(Role.class))
                        .add(Role.valueOf(r.value2())));
        return roles;
    }

    private static User user(AppUserRecord r, Set<Role> roles) {
        return new User(r.getId(), r.getUserName(), r.getDisplayName(), roles, r.getActive(),
                r.getMustChangePassword(), r.getFailedLogins(), r.getLockedUntil(), r.getCreatedAt(),
                r.getUpdatedAt());
    }

    private static void setHash(AppUserRecord r, PasswordHasher.Hash hash) {
        r.setPasswordSalt(encode(hash.salt()));
        r.setPasswordHash(encode(hash.hash()));
        r.setPasswordIterations(hash.iterations());
    }

    private static PasswordHasher.Hash hash(AppUserRecord r) {
        Base64.Decoder d = Base64.getDecoder();
        return new PasswordHasher.Hash(d.decode(r.getPasswordSalt()), d.decode(r.getPasswordHash()),
                r.getPasswordIterations());
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
