package org.caredesk.users.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;
import org.caredesk.common.ValidationException;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.caredesk.settings.data.SettingsRepository;
import org.caredesk.users.SecuritySettings;

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
    static final int MIN_MINUTES = 1;
    /** A day at most: a longer lock would stop work, a longer idle time would leave a desk open overnight. */
    static final int MAX_LOCK_MINUTES = 1440;
    static final int MAX_IDLE_MINUTES = 240;

    private final SettingsRepository settings;

    public SecuritySettingsService(SettingsRepository settings) {
        this.settings = settings;
    }

    /** The stored numbers; a missing or unreadable one is its default, so a damaged value cannot lock anyone out. */
    public SecuritySettings load() {
        SecuritySettings d = SecuritySettings.DEFAULTS;
        int maxFailed = number(MAX_FAILED_LOGINS, MIN_FAILED, MAX_FAILED).orElse(d.maxFailedLogins());
        long lock = number(LOCK_MINUTES, MIN_MINUTES, MAX_LOCK_MINUTES).map(Integer::longValue)
                .orElse(d.lockDuration().toMinutes());
        long idle = number(IDLE_MINUTES, MIN_MINUTES, MAX_IDLE_MINUTES).map(Integer::longValue)
                .orElse(d.idleTimeout().toMinutes());
        return new SecuritySettings(maxFailed, Duration.ofMinutes(lock), Duration.ofMinutes(idle));
    }

    /** Saves the numbers; needs {@link Permission#SETTINGS_MANAGE}. */
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
        settings.put(MAX_FAILED_LOGINS, String.valueOf(s.maxFailedLogins()));
        settings.put(LOCK_MINUTES, String.valueOf(s.lockDuration().toMinutes()));
        settings.put(IDLE_MINUTES, String.valueOf(s.idleTimeout().toMinutes()));
    }

    private static void range(List<Problem> problems, String field, String labelKey, long value, int min, int max) {
        if (value < min || value > max) {
            problems.add(Problem.error(field, "problem.loginSetting.range", new I18n.Key(labelKey), String.valueOf(min),
                    String.valueOf(max), String.valueOf(value)));
        }
    }

    private Optional<Integer> number(String key, int min, int max) {
        return settings.get(key).flatMap(v -> {
            try {
                int n = Integer.parseInt(v.strip());
                return n >= min && n <= max ? Optional.of(n) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
