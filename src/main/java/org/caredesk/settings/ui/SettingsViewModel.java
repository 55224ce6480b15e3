package org.caredesk.settings.ui;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;
import org.caredesk.common.ValidationException;
import org.caredesk.security.Session;
import org.caredesk.settings.AppSettings;
import org.caredesk.settings.service.SettingsService;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.TaskRunner;
import org.caredesk.users.SecuritySettings;
import org.caredesk.users.service.SecuritySettingsService;

/**
 * State of the settings page: the user's own language and font size, which anyone may change, and the community's
 * idle lock, which only a user with the right may change (the field is disabled for the others, and the service
 * refuses them anyway). Saved through the services off the FX thread.
 */
public final class SettingsViewModel {
    /** What a save did: the user's own settings, and whether they changed (the screens are then rebuilt). */
    public record Saved(AppSettings personal, boolean personalChanged) {}

    private final SettingsService service;
    private final SecuritySettingsService security;
    private final Session session;
    private final TaskRunner tasks;
    private final ObjectProperty<AppSettings.Language> language = new SimpleObjectProperty<>();
    private final ObjectProperty<AppSettings.FontSize> fontSize = new SimpleObjectProperty<>();
    private final StringProperty idleMinutes = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper mayManage = new ReadOnlyBooleanWrapper();
    private final StringProperty error = new SimpleStringProperty("");
    private AppSettings loaded = AppSettings.DEFAULTS;
    private SecuritySettings loadedRules = SecuritySettings.DEFAULTS;

    /** What {@link #load} reads off the FX thread. */
    private record Loaded(AppSettings personal, SecuritySettings rules, boolean mayManage) {}

    /**
     * @param security the community's login rules, of which the page offers the idle lock
     * @param session  whose right to change community settings the service checks
     */
    public SettingsViewModel(SettingsService service, SecuritySettingsService security, Session session,
            TaskRunner tasks) {
        this.service = service;
        this.security = security;
        this.session = session;
        this.tasks = tasks;
    }

    public void load() {
        tasks.run(p -> new Loaded(service.load(), security.load(), service.mayManage()), l -> {
            loaded = l.personal();
            loadedRules = l.rules();
            language.set(l.personal().language());
            fontSize.set(l.personal().fontSize());
            idleMinutes.set(String.valueOf(l.rules().idleTimeout().toMinutes()));
            mayManage.set(l.mayManage());
        }, e -> error.set(ErrorMessages.of(e)));
    }

    /**
     * Saves what changed; {@code onSaved} runs (on the FX thread) only when something changed and the save
     * succeeded. A number that is not one is refused here with the service's sentence, before anything is saved.
     */
    public void save(Consumer<Saved> onSaved) {
        AppSettings chosen = new AppSettings(language.get(), fontSize.get());
        boolean personalChanged = !chosen.equals(loaded);
        SecuritySettings rules;
        try {
            rules = mayManage.get() ? withIdle(loadedRules, idleMinutes.get()) : loadedRules;
        } catch (ValidationException e) {
            error.set(e.localized());
            return;
        }
        boolean rulesChanged = !rules.equals(loadedRules);
        if (!personalChanged && !rulesChanged) {
            error.set("");
            return;
        }
        tasks.run(p -> {
            if (rulesChanged) {
                security.save(session, rules);
            }
            if (personalChanged) {
                service.save(chosen);
            }
            return new Saved(chosen, personalChanged);
        }, s -> {
            loaded = chosen;
            loadedRules = rules;
            error.set("");
            onSaved.accept(s);
        }, e -> error.set(ErrorMessages.of(e)));
    }

    private static SecuritySettings withIdle(SecuritySettings rules, String typed) {
        String text = typed == null ? "" : typed.strip();
        try {
            return new SecuritySettings(rules.maxFailedLogins(), rules.lockDuration(),
                    Duration.ofMinutes(Long.parseLong(text)));
        } catch (NumberFormatException e) {
            throw new ValidationException(List.of(Problem.error(SecuritySettingsService.IDLE_FIELD,
                    "problem.loginSetting.range", new I18n.Key("field.idleMinutes"),
                    String.valueOf(SecuritySettingsService.MIN_MINUTES),
                    String.valueOf(SecuritySettingsService.MAX_IDLE_MINUTES), text)));
        }
    }

    public boolean isChanged() {
        return !new AppSettings(language.get(), fontSize.get()).equals(loaded)
                || !String.valueOf(loadedRules.idleTimeout().toMinutes()).equals(idleMinutes.get().strip());
    }

    public ObjectProperty<AppSettings.Language> languageProperty() {
        return language;
    }

    public ObjectProperty<AppSettings.FontSize> fontSizeProperty() {
        return fontSize;
    }

    /** The idle lock of the whole community, in minutes, as typed. */
    public StringProperty idleMinutesProperty() {
        return idleMinutes;
    }

    /** Whether the user may change the community's settings; the page disables them otherwise. */
    public ReadOnlyBooleanProperty mayManageProperty() {
        return mayManage.getReadOnlyProperty();
    }

    public StringProperty errorProperty() {
        return error;
    }
}
