package org.caredesk.settings.service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.caredesk.audit.Actor;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditDetail;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.audit.FieldChange;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.I18n;
import org.caredesk.common.Ids;
import org.caredesk.common.Problem;
import org.caredesk.common.Text;
import org.caredesk.common.UserException;
import org.caredesk.common.ValidationException;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.caredesk.security.UserIdentity;
import org.caredesk.settings.AppSettings;
import org.caredesk.settings.Community;
import org.caredesk.settings.data.CommunityRepository;
import org.caredesk.settings.data.SettingsRepository;
import org.jooq.DSLContext;

/**
 * The community's identity and each user's own settings, both stored in the database. Language and font size are
 * personal (docs/decisions/0011): every logged-in user chooses their own, so a large font for one colleague does
 * not change the screen of the next; the community-wide values, kept from before, are what a user who never chose
 * sees. What belongs to the whole community needs {@link Permission#SETTINGS_MANAGE}. Every change is recorded
 * ({@link AuditAction#SETTING_CHANGED}, which setting, old → new) in the transaction that makes it.
 */
public final class SettingsService {
    /** The community-wide values (before settings were personal): the fallback of every user's own. */
    static final String LANGUAGE = "ui.language";
    static final String FONT_SIZE = "ui.fontSize";
    public static final int MAX_COMMUNITY_NAME = 50;
    /** The object id of community-wide entries in the audit log. */
    public static final String COMMUNITY_OBJECT = "community";

    private final DSLContext dsl;
    private final SettingsRepository settings;
    private final CommunityRepository communities;
    private final Clock clock;
    private final AuditLog audit;
    private final Actor actor;
    private final Session session;
    private final SettingChanges changes;

    /**
     * @param audit   where every change is recorded, in its transaction
     * @param actor   who is acting, asked at each write
     * @param session whose settings {@link #load} and {@link #save} read and write, and whose permissions decide
     *                what else may be changed
     */
    public SettingsService(DSLContext dsl, SettingsRepository settings, CommunityRepository communities, Clock clock,
            AuditLog audit, Actor actor, Session session) {
        this.dsl = dsl;
        this.settings = settings;
        this.communities = communities;
        this.clock = clock;
        this.audit = audit;
        this.actor = actor;
        this.session = session;
        this.changes = new SettingChanges(settings, audit, actor);
    }

    public Optional<Community> community() {
        return communities.find(dsl);
    }

    /**
     * Creates the community of a new data folder; refuses a second one. Needs {@link Permission#SETTINGS_MANAGE}
     * (the administrator who sets the folder up) and is recorded as the community name's first setting.
     */
    public Community createCommunity(String name, boolean demo) {
        session.require(Permission.SETTINGS_MANAGE);
        String clean = Text.clean(name);
        if (clean == null) {
            throw new ValidationException(List.of(
                    Problem.error("communityName", "problem.required", new I18n.Key("field.communityName"))));
        }
        if (clean.length() > MAX_COMMUNITY_NAME) {
            throw new ValidationException(List.of(Problem.error("communityName", "problem.tooLong",
                    new I18n.Key("field.communityName"), String.valueOf(MAX_COMMUNITY_NAME))));
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (communities.find(tx).isPresent()) {
                throw new UserException("error.communityExists");
            }
            Community c = new Community(Ids.newId(), clean, demo, LocalDateTime.now(clock));
            communities.insert(tx, c);
            audit.append(tx, AuditEvent.success(actor.userName(), AuditAction.SETTING_CHANGED,
                    AuditObjectType.SETTING, COMMUNITY_OBJECT, I18n.get("settings.audit.community"),
                    AuditDetail.changes(List.of(new FieldChange("field.communityName", null, clean)))));
            return c;
        });
    }

    /** Whether the logged-in user may change what belongs to the whole community. */
    public boolean mayManage() {
        return session.has(Permission.SETTINGS_MANAGE);
    }

    /**
     * The settings of the logged-in user: what they chose, else the community-wide value, else the default. Before
     * anyone logs in, the community-wide values.
     */
    public AppSettings load() {
        Optional<UserIdentity> who = session.current();
        return dsl.transactionResult(cfg -> load(cfg.dsl(), who.orElse(null)));
    }

    private AppSettings load(DSLContext tx, UserIdentity who) {
        AppSettings.Language language = value(tx, who, LANGUAGE, AppSettings.Language.class);
        AppSettings.FontSize font = value(tx, who, FONT_SIZE, AppSettings.FontSize.class);
        return new AppSettings(language == null ? AppSettings.DEFAULTS.language() : language,
                font == null ? AppSettings.DEFAULTS.fontSize() : font);
    }

    private <E extends Enum<E>> E value(DSLContext tx, UserIdentity who, String key, Class<E> type) {
        if (who != null) {
            E own = settings.get(tx, personalKey(who, key)).map(s -> parse(type, s)).orElse(null);
            if (own != null) {
                return own;
            }
        }
        return settings.get(tx, key).map(s -> parse(type, s)).orElse(null);
    }

    /**
     * Saves the logged-in user's own language and font size. Any logged-in user may: they change nothing but
     * their own screen.
     */
    public void save(AppSettings s) {
        UserIdentity who = session.identity();
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            AppSettings before = load(tx, who);
            changes.write(tx, who.id().toString(), I18n.get("settings.audit.personal", who.userName()), List.of(
                    new SettingChanges.Change(personalKey(who, LANGUAGE), "settings.language",
                            before.language().name(), s.language().name(), AppSettings.Language.class),
                    new SettingChanges.Change(personalKey(who, FONT_SIZE), "settings.fontSize",
                            before.fontSize().name(), s.fontSize().name(), AppSettings.FontSize.class)));
        });
    }

    /** A user's own value of a setting: keyed by the account's id, which never changes. */
    static String personalKey(UserIdentity who, String key) {
        return "user." + who.id() + "." + key;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String s) {
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            return null; // an unknown stored value falls back to the default rather than blocking the start
        }
    }
}
