package org.caredesk.settings.service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.caredesk.common.I18n;
import org.caredesk.common.Ids;
import org.caredesk.common.Problem;
import org.caredesk.common.Text;
import org.caredesk.common.UserException;
import org.caredesk.common.ValidationException;
import org.caredesk.settings.AppSettings;
import org.caredesk.settings.Community;
import org.caredesk.settings.data.CommunityRepository;
import org.caredesk.settings.data.SettingsRepository;
import org.jooq.DSLContext;

/** The community's identity and the user-facing settings, both stored in the database. */
public final class SettingsService {
    static final String LANGUAGE = "ui.language";
    static final String FONT_SIZE = "ui.fontSize";
    public static final int MAX_COMMUNITY_NAME = 50;

    private final DSLContext dsl;
    private final SettingsRepository settings;
    private final CommunityRepository communities;
    private final Clock clock;

    public SettingsService(DSLContext dsl, SettingsRepository settings, CommunityRepository communities, Clock clock) {
        this.dsl = dsl;
        this.settings = settings;
        this.communities = communities;
        this.clock = clock;
    }

    public Optional<Community> community() {
        return communities.find(dsl);
    }

    /** Creates the community of a new data folder; refuses a second one. */
    public Community createCommunity(String name, boolean demo) {
        String clean = Text.clean(name);
        if (clean == null) {
            throw new ValidationException(java.util.List.of(
                    Problem.error("communityName", "problem.required", new I18n.Key("field.communityName"))));
        }
        if (clean.length() > MAX_COMMUNITY_NAME) {
            throw new ValidationException(java.util.List.of(Problem.error("communityName", "problem.tooLong",
                    new I18n.Key("field.communityName"), String.valueOf(MAX_COMMUNITY_NAME))));
        }
        return dsl.transactionResult(cfg -> {
            if (communities.find(cfg.dsl()).isPresent()) {
                throw new UserException("error.communityExists");
            }
            Community c = new Community(Ids.newId(), clean, demo, LocalDateTime.now(clock));
            communities.insert(cfg.dsl(), c);
            return c;
        });
    }

    public AppSettings load() {
        AppSettings.Language language = settings.get(LANGUAGE).map(s -> parse(AppSettings.Language.class, s))
                .orElse(AppSettings.DEFAULTS.language());
        AppSettings.FontSize font = settings.get(FONT_SIZE).map(s -> parse(AppSettings.FontSize.class, s))
                .orElse(AppSettings.DEFAULTS.fontSize());
        return new AppSettings(language == null ? AppSettings.DEFAULTS.language() : language,
                font == null ? AppSettings.DEFAULTS.fontSize() : font);
    }

    public void save(AppSettings s) {
        settings.put(LANGUAGE, s.language().name());
        settings.put(FONT_SIZE, s.fontSize().name());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String s) {
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            return null; // an unknown stored value falls back to the default rather than blocking the start
        }
    }
}
