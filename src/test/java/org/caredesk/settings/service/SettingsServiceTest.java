package org.caredesk.settings.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditQuery;
import org.caredesk.audit.FieldChange;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.I18n;
import org.caredesk.db.Database;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.security.AccessDeniedException;
import org.caredesk.security.PermissionMatrix;
import org.caredesk.security.Permission;
import org.caredesk.security.Role;
import org.caredesk.security.Session;
import org.caredesk.security.UserIdentity;
import org.caredesk.settings.AppSettings;
import org.caredesk.settings.AppSettings.FontSize;
import org.caredesk.settings.AppSettings.Language;
import org.caredesk.settings.data.CommunityRepository;
import org.caredesk.settings.data.SettingsRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Language and font size are each user's own; the community belongs to the managers; every change is logged. */
@OnBothDatabases
class SettingsServiceTest {
    @Parameter
    TestDatabase database;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final UserIdentity LIXIA = new UserIdentity(UUID.randomUUID(), "lixia", "李霞",
            EnumSet.of(Role.FRONT_DESK));
    private static final UserIdentity WANG = new UserIdentity(UUID.randomUUID(), "wang", "王主任",
            EnumSet.of(Role.DIRECTOR));

    private Database db;
    private SettingsRepository store;
    private final Session session = new Session();
    private SettingsService service;

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        db = database.open();
        store = new SettingsRepository(db.dsl());
        service = new SettingsService(db.dsl(), store, new CommunityRepository(), CLOCK,
                new AuditLog(db.dsl(), new AuditRepository(), CLOCK, session),
                () -> session.current().map(UserIdentity::userName).orElse("system"), session);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void as(UserIdentity who) {
        session.login(who, CLOCK.instant());
    }

    private List<AuditEntry> entries() {
        Session reader = new Session();
        reader.login(new UserIdentity(UUID.randomUUID(), "a", "a", EnumSet.of(Role.AUDITOR)), CLOCK.instant());
        List<AuditEntry> all = new ArrayList<>();
        new AuditLog(db.dsl(), new AuditRepository(), CLOCK, reader).forEachMatching(AuditQuery.all(), all::add);
        return all;
    }

    @Test
    void eachUser_hasTheirOwnLanguageAndFont() {
        as(LIXIA);
        service.save(new AppSettings(Language.ENGLISH, FontSize.LARGE));

        assertThat(service.load()).isEqualTo(new AppSettings(Language.ENGLISH, FontSize.LARGE));
        as(WANG);
        assertThat(service.load()).as("another user still has the defaults").isEqualTo(AppSettings.DEFAULTS);
        as(LIXIA);
        assertThat(service.load()).isEqualTo(new AppSettings(Language.ENGLISH, FontSize.LARGE));
    }

    @Test
    void aUserWhoNeverChose_getsTheCommunityWideValuesOfBefore() {
        store.put(SettingsService.LANGUAGE, "ENGLISH");
        store.put(SettingsService.FONT_SIZE, "not-a-size");

        assertThat(service.load()).as("nobody logged in").isEqualTo(new AppSettings(Language.ENGLISH,
                FontSize.NORMAL));
        as(LIXIA);
        assertThat(service.load()).isEqualTo(new AppSettings(Language.ENGLISH, FontSize.NORMAL));
        service.save(new AppSettings(Language.CHINESE, FontSize.NORMAL));
        assertThat(service.load().language()).isEqualTo(Language.CHINESE);
        assertThat(store.get(SettingsService.LANGUAGE)).as("the community-wide value is untouched")
                .contains("ENGLISH");
    }

    @Test
    void save_recordsWhichSettingChanged_fromWhatItWas() {
        as(LIXIA);

        service.save(new AppSettings(Language.CHINESE, FontSize.LARGE));
        service.save(new AppSettings(Language.CHINESE, FontSize.LARGE));

        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.knownAction()).contains(AuditAction.SETTING_CHANGED);
            assertThat(e.userName()).isEqualTo("lixia");
            assertThat(e.objectType()).isEqualTo("SETTING");
            assertThat(e.objectId()).isEqualTo(LIXIA.id().toString());
            assertThat(e.objectLabel()).isEqualTo("lixia 的个人设置");
            assertThat(e.changes()).containsExactly(
                    new FieldChange("settings.fontSize", "enum.FontSize.NORMAL", "enum.FontSize.LARGE", true));
            assertThat(e.detailText()).isEqualTo("字体大小：标准 → 大字");
        });
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRole_mayChangeItsOwnLanguageAndFont(Role role) {
        as(new UserIdentity(UUID.randomUUID(), "u", "u", EnumSet.of(role)));

        service.save(new AppSettings(Language.ENGLISH, FontSize.LARGE));

        assertThat(service.load()).isEqualTo(new AppSettings(Language.ENGLISH, FontSize.LARGE));
    }

    @Test
    void withNobodyLoggedIn_nothingIsSaved() {
        assertThatThrownBy(() -> service.save(new AppSettings(Language.ENGLISH, FontSize.LARGE)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(entries()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void createCommunity_needsTheSettingsRight(Role role) {
        as(new UserIdentity(UUID.randomUUID(), "u", "u", EnumSet.of(role)));

        if (PermissionMatrix.allows(role, Permission.SETTINGS_MANAGE)) {
            assertThat(service.createCommunity("锦绣社区", false).name()).isEqualTo("锦绣社区");
            assertThat(service.mayManage()).isTrue();
        } else {
            assertThatThrownBy(() -> service.createCommunity("锦绣社区", false))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(service.community()).isEmpty();
            assertThat(service.mayManage()).isFalse();
        }
    }

    @Test
    void createCommunity_isRecordedAsTheCommunitysName() {
        as(WANG);

        service.createCommunity(" 锦绣社区 ", false);

        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.knownAction()).contains(AuditAction.SETTING_CHANGED);
            assertThat(e.userName()).isEqualTo("wang");
            assertThat(e.objectId()).isEqualTo(SettingsService.COMMUNITY_OBJECT);
            assertThat(e.changes()).containsExactly(new FieldChange("field.communityName", null, "锦绣社区"));
        });
    }
}
