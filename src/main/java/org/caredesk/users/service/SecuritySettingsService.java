package org.caredesk.users.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caredesk.audit.Actor;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;
import org.caredesk.common.ValidationException;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.caredesk.settings.data.SettingsRepository;
import org.caredesk.settings.service.SettingChanges;
import org.caredesk.settings.service.SettingsService;
import org.caredesk.users.SecuritySettings;
import org.jooq.DSLContext;

/** The numbers of the login rules, kept with the other settings of the data folder. */
public final class SecuritySettingsService {
    static final String MAX_FAILED_LOGINS = "auth.maxFailedLogins";
    static final String LOCK_MINUTES = "auth.lockMinutes";
    static final String IDLE_MINUTES = "auth.idleMinutes";

    public static final String MAX_FAILED_FIELD = "maxFailedLogins";
    public static final String LOCK_FIELD = "lockMinutes";
    public static final String IDLE_FIELD = "idleMinutes";

    /** Fewer than 3 tries locks out people who mistype; more than 20 lets a guesser try too long. */
    static final int MIN_FAILED = 3;
    static final int MAX_FAILED = 20;
    public static final int MIN_MINUTES = 1;
    /** A day at most: a longer lock would stop work, a longer idle time would leave a desk open overnight. */
    static final int MAX_LOCK_MINUTES = 1440;
    public static final int MAX_IDLE_MINUTES = 240;

    private final DSLContext dsl;
    private final SettingsRepository settings;
    private final SettingChanges changes;

    /**
     * @param audit where each change is recorded (SETTING_CHANGED, old → new), in the transaction that makes it
     * @param actor who is acting, asked at each save
     */
    public SecuritySettingsService(DSLContext dsl, SettingsRepository settings, AuditLog audit, Actor actor) {
        this.dsl = dsl;
        this.settings = settings;
        this.changes = new SettingChanges(settings, audit, actor);
    }

    /** The stored numbers; a missing or unreadable one is its default, so a damaged value cannot lock anyone out. */
    public SecuritySettings load() {
        return load(dsl);
    }

    private SecuritySettings load(DSLContext tx) {
        SecuritySettings d = SecuritySettings.DEFAULTS;
        int maxFailed = number(tx, MAX_FAILED_LOGINS, MIN_FAILED, MAX_FAILED).orElse(d.maxFailedLogins());
        long lock = number(tx, LOCK_MINUTES, MIN_MINUTES, MAX_LOCK_MINUTES).map(Integer::longValue)
                .orElse(d.lockDuration().toMinutes());
        long idle = number(tx, IDLE_MINUTES, MIN_MINUTES, MAX_IDLE_MINUTES).map(Integer::longValue)
                .orElse(d.idleTimeout().toMinutes());
        return new SecuritySettings(maxFailed, Duration.ofMinutes(lock), Duration.ofMinutes(idle));
    }

    /**
     * Saves the numbers for the whole community; needs {@link Permission#SETTINGS_MANAGE}. The changed ones are
     * recorded in the same transaction, and the idle timeout applies to the saving user's session at once.
     */
    public void save(Session by, SecuritySettings s) {
        by.require(Permission.SETTINGS_MANAGE);
        List<Problem> problems = new ArrayList<>();
        range(problems, MAX_FAILED_FIELD, "field.maxFailedLogins", s.maxFailedLogins(), MIN_FAILED, MAX_FAILED);
        range(problems, LOCK_FIELD, "field.lockMinutes", s.lockDuration().toMinutes(), MIN_MINUTES,
                MAX_LOCK_MINUTES);
        range(problems, IDLE_FIELD, "field.idleMinutes", s.idleTimeout().toMinutes(), MIN_MINUTES,
                MAX_IDLE_MINUTES);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            SecuritySettings before = load(tx);
            changes.write(tx, SettingsService.COMMUNITY_OBJECT, I18n.get("settings.audit.community"), List.of(
                    change(MAX_FAILED_LOGINS, "field.maxFailedLogins", before.maxFailedLogins(),
                            s.maxFailedLogins()),
                    change(LOCK_MINUTES, "field.lockMinutes", before.lockDuration().toMinutes(),
                            s.lockDuration().toMinutes()),
                    change(IDLE_MINUTES, "field.idleMinutes", before.idleTimeout().toMinutes(),
                            s.idleTimeout().toMinutes())));
        });
        by.setIdleTimeout(s.idleTimeout());
    }

    private static SettingChanges.Change change(String key, String labelKey, long before, long now) {
        return new SettingChanges.Change(key, labelKey, String.valueOf(before), String.valueOf(now), null);
    }

    private static void range(List<Problem> problems, String field, String labelKey, long value, int min, int max) {
        if (value < min || value > max) {
            problems.add(Problem.error(field, "problem.loginSetting.range", new I18n.Key(labelKey), String.valueOf(min),
                    String.valueOf(max), String.valueOf(value)));
        }
    }

    private Optional<Integer> number(DSLContext tx, String key, int min, int max) {
        return settings.get(tx, key).flatMap(v -> {
            try {
                int n = Integer.parseInt(v.strip());
                return n >= min && n <= max ? Optional.of(n) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
