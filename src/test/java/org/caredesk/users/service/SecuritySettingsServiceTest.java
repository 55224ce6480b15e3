package org.caredesk.users.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditQuery;
import org.caredesk.audit.FieldChange;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;
import org.caredesk.common.ValidationException;
import org.caredesk.db.Database;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.security.AccessDeniedException;
import org.caredesk.security.Role;
import org.caredesk.security.Session;
import org.caredesk.security.UserIdentity;
import org.caredesk.settings.data.SettingsRepository;
import org.caredesk.users.SecuritySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

@OnBothDatabases
class SecuritySettingsServiceTest {
    @Parameter
    TestDatabase database;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private Database db;
    private SettingsRepository store;
    private SecuritySettingsService service;

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        db = database.open();
        store = new SettingsRepository(db.dsl());
        service = new SecuritySettingsService(db.dsl(), store,
                new AuditLog(db.dsl(), new AuditRepository(), CLOCK, new Session()), () -> "boss");
    }

    private List<AuditEntry> entries() {
        Session reader = as(Role.AUDITOR);
        List<AuditEntry> all = new ArrayList<>();
        new AuditLog(db.dsl(), new AuditRepository(), CLOCK, reader).forEachMatching(AuditQuery.all(), all::add);
        return all;
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Session as(Role role) {
        Session s = new Session();
        s.login(new UserIdentity(UUID.randomUUID(), "u", "U", Set.of(role)), Instant.EPOCH);
        return s;
    }

    @Test
    void nothingStored_givesTheDefaults_fiveTriesTenMinutesTenMinutes() {
        assertThat(service.load()).isEqualTo(new SecuritySettings(5, Duration.ofMinutes(10), Duration.ofMinutes(10)))
                .isEqualTo(SecuritySettings.DEFAULTS);
    }

    @Test
    void saved_isLoadedBack() {
        SecuritySettings s = new SecuritySettings(3, Duration.ofMinutes(30), Duration.ofMinutes(5));

        service.save(as(Role.DIRECTOR), s);

        assertThat(service.load()).isEqualTo(s);
    }

    @Test
    void save_recordsWhichNumbersChanged_oldToNew_andAppliesTheIdleTimeToTheSession() {
        Session director = as(Role.DIRECTOR);

        service.save(director, new SecuritySettings(5, Duration.ofMinutes(10), Duration.ofMinutes(20)));
        service.save(director, new SecuritySettings(5, Duration.ofMinutes(10), Duration.ofMinutes(20)));

        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.knownAction()).contains(AuditAction.SETTING_CHANGED);
            assertThat(e.userName()).isEqualTo("boss");
            assertThat(e.objectType()).isEqualTo("SETTING");
            assertThat(e.objectLabel()).isEqualTo("社区设置");
            assertThat(e.changes()).containsExactly(new FieldChange("field.idleMinutes", "10", "20"));
            assertThat(e.detailText()).isEqualTo("无操作自动锁屏（分钟）：10 → 20");
        });
        assertThat(director.idleTimeout()).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void aRefusedSave_recordsNothing() {
        assertThatThrownBy(() -> service.save(as(Role.FRONT_DESK),
                new SecuritySettings(5, Duration.ofMinutes(10), Duration.ofMinutes(20))))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(entries()).isEmpty();
        assertThat(service.load()).isEqualTo(SecuritySettings.DEFAULTS);
    }

    @Test
    void save_needsTheSettingsRight() {
        assertThatThrownBy(() -> service.save(as(Role.CASEWORKER), SecuritySettings.DEFAULTS))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.save(new Session(), SecuritySettings.DEFAULTS))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void save_refusesNumbersOutOfRange_namingEachField() {
        SecuritySettings bad = new SecuritySettings(1, Duration.ofMinutes(0), Duration.ofMinutes(600));

        assertThatThrownBy(() -> service.save(as(Role.DIRECTOR), bad))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).extracting(Problem::field)
                        .containsExactly(SecuritySettingsService.MAX_FAILED_FIELD, SecuritySettingsService.LOCK_FIELD,
                                SecuritySettingsService.IDLE_FIELD));
        assertThat(service.load()).isEqualTo(SecuritySettings.DEFAULTS);
    }

    @Test
    void aDamagedStoredValue_fallsBackToItsDefault_notToALockout() {
        store.put(SecuritySettingsService.MAX_FAILED_LOGINS, "many");
        store.put(SecuritySettingsService.LOCK_MINUTES, "99999");
        store.put(SecuritySettingsService.IDLE_MINUTES, " 15 ");

        assertThat(service.load()).isEqualTo(new SecuritySettings(5, Duration.ofMinutes(10), Duration.ofMinutes(15)));
    }
}
