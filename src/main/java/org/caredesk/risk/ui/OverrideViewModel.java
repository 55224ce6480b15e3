package org.caredesk.risk.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;
import org.caredesk.common.RiskColour;
import org.caredesk.common.Text;
import org.caredesk.ui.DateInput;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.TaskRunner;
import org.caredesk.risk.ColourOverride;
import org.caredesk.risk.ColourService;
import org.caredesk.risk.service.DbColourService;

/**
 * 调整颜色: set a caseworker's colour with a reason (required) until a last day (the settings' default unless
 * changed), or, while one applies, extend it (延期) or end it (撤销).
 */
public final class OverrideViewModel {
    private final ColourService colours;
    private final TaskRunner tasks;
    private final Clock clock;
    private UUID personId;

    private final ObjectProperty<RiskColour> colour = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final DateInput expiresOn = new DateInput();
    private final ReadOnlyObjectWrapper<ColourOverride> active = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<String>> problems = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper expiryValid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper();
    private final StringProperty error = new SimpleStringProperty("");

    public OverrideViewModel(ColourService colours, TaskRunner tasks, Clock clock) {
        this.colours = colours;
        this.tasks = tasks;
        this.clock = clock;
        colour.addListener((obs, old, now) -> validate());
        reason.addListener((obs, old, now) -> validate());
        expiresOn.textProperty().addListener((obs, old, now) -> validate());
        validate();
    }

    /** For a person, with the override that applies now (null: none); the last day proposed is the default. */
    public void start(UUID person, ColourOverride current) {
        this.personId = person;
        active.set(current);
        if (current != null) {
            colour.set(current.colour());
            reason.set(current.reason());
        }
        tasks.run(p -> colours.defaultOverrideExpiry(), expiresOn::set, e -> error.set(ErrorMessages.of(e)));
    }

    private void validate() {
        List<Problem> expiry = new ArrayList<>();
        if (expiresOn.isUnparseable()) {
            expiry.add(Problem.error("expiresOn", "override.problem.date"));
        } else if (expiresOn.value() == null) {
            expiry.add(Problem.error("expiresOn", "problem.required", new I18n.Key("override.expiresOn")));
        } else if (expiresOn.value().isBefore(LocalDate.now(clock))) {
            expiry.add(Problem.error("expiresOn", "problem.override.expiresPast"));
        }
        List<Problem> all = new ArrayList<>();
        if (colour.get() == null) {
            all.add(Problem.error("colour", "problem.required", new I18n.Key("field.override.colour")));
        }
        String r = Text.clean(reason.get());
        if (r == null) {
            all.add(Problem.error("reason", "problem.required", new I18n.Key("field.override.reason")));
        } else if (r.length() > DbColourService.REASON_LENGTH) {
            all.add(Problem.error("reason", "problem.tooLong", new I18n.Key("field.override.reason"),
                    String.valueOf(DbColourService.REASON_LENGTH)));
        }
        all.addAll(expiry);
        problems.set(all.stream().map(Problem::localized).toList());
        valid.set(all.isEmpty());
        expiryValid.set(expiry.isEmpty());
    }

    /** Sets (or replaces) the override. */
    public void set(Consumer<String> onDone) {
        if (!valid.get()) {
            return;
        }
        RiskColour c = colour.get();
        String r = reason.get();
        LocalDate until = expiresOn.value();
        run(() -> colours.setOverride(personId, c, r, until),
                o -> onDone.accept(I18n.get("override.done.set", I18n.label(o.colour()),
                        org.caredesk.ui.DateText.format(o.expiresOn()))));
    }

    /** Extends the override that applies to the last day given. */
    public void renew(Consumer<String> onDone) {
        if (!expiryValid.get() || active.get() == null) {
            return;
        }
        LocalDate until = expiresOn.value();
        run(() -> colours.renewOverride(personId, until), o -> onDone.accept(I18n.get("override.done.renewed",
                org.caredesk.ui.DateText.format(o.expiresOn()))));
    }

    /** Ends the override; the rules decide the colour again. */
    public void clear(Consumer<String> onDone) {
        if (active.get() == null) {
            return;
        }
        run(() -> {
            colours.clearOverride(personId);
            return Boolean.TRUE;
        }, done -> onDone.accept(I18n.get("override.done.cleared")));
    }

    private interface Call<T> {
        T call();
    }

    private <T> void run(Call<T> call, Consumer<T> onSuccess) {
        if (working.get()) {
            return;
        }
        working.set(true);
        error.set("");
        tasks.run(p -> call.call(), result -> {
            working.set(false);
            onSuccess.accept(result);
        }, e -> {
            working.set(false);
            error.set(ErrorMessages.of(e));
        });
    }

    public ObjectProperty<RiskColour> colourProperty() {
        return colour;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public DateInput expiresOn() {
        return expiresOn;
    }

    /** The override that applies now; null when none. */
    public ReadOnlyObjectProperty<ColourOverride> activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<String>> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** Colour, reason and last day are all right: 保存 may run. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The last day is right: 延期 may run. */
    public ReadOnlyBooleanProperty expiryValidProperty() {
        return expiryValid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public StringProperty errorProperty() {
        return error;
    }
}
