package org.caredesk.settings.ui;

import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.caredesk.settings.AppSettings;
import org.caredesk.settings.service.SettingsService;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.TaskRunner;

/** State of the settings page: the chosen language and font size, saved through the service off the FX thread. */
public final class SettingsViewModel {
    private final SettingsService service;
    private final TaskRunner tasks;
    private final ObjectProperty<AppSettings.Language> language = new SimpleObjectProperty<>();
    private final ObjectProperty<AppSettings.FontSize> fontSize = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private AppSettings loaded = AppSettings.DEFAULTS;

    public SettingsViewModel(SettingsService service, TaskRunner tasks) {
        this.service = service;
        this.tasks = tasks;
    }

    public void load() {
        tasks.run(p -> service.load(), s -> {
            loaded = s;
            language.set(s.language());
            fontSize.set(s.fontSize());
        }, e -> error.set(ErrorMessages.of(e)));
    }

    /** Saves; {@code onSaved} runs (on the FX thread) only when something changed and the save succeeded. */
    public void save(Consumer<AppSettings> onSaved) {
        AppSettings chosen = new AppSettings(language.get(), fontSize.get());
        if (chosen.equals(loaded)) {
            return;
        }
        tasks.run(p -> {
            service.save(chosen);
            return chosen;
        }, s -> {
            loaded = s;
            error.set("");
            onSaved.accept(s);
        }, e -> error.set(ErrorMessages.of(e)));
    }

    public boolean isChanged() {
        return !new AppSettings(language.get(), fontSize.get()).equals(loaded);
    }

    public ObjectProperty<AppSettings.Language> languageProperty() {
        return language;
    }

    public ObjectProperty<AppSettings.FontSize> fontSizeProperty() {
        return fontSize;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
