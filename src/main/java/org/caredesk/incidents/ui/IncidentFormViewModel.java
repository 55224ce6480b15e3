package org.caredesk.incidents.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;
import org.caredesk.common.Text;
import org.caredesk.common.ValidationException;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.PersonRow;
import org.caredesk.people.service.PersonService;
import org.caredesk.ui.DateInput;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.PersonSearch;
import org.caredesk.ui.TaskRunner;
import org.caredesk.ui.TimeText;
import org.caredesk.incidents.Incident;
import org.caredesk.incidents.IncidentDraft;
import org.caredesk.incidents.IncidentService;
import org.caredesk.common.IncidentType;
import org.caredesk.incidents.NotifiedParty;

/**
 * Recording an emergency (应急处置), or completing and closing an open one: who (found through the people search),
 * when, what kind, what happened, what was done, who was notified, the outcome. The fields are checked as they are
 * typed; the service checks them again. 保存并办结 records (or updates) and closes in one go.
 */
public final class IncidentFormViewModel {
    public static final String PERSON = "person";
    public static final String OCCURRED_AT = "occurredAt";
    public static final String TYPE = "type";
    public static final String DESCRIPTION = "description";
    public static final String ACTIONS = "actionsTaken";
    public static final String OUTCOME = "outcome";
    /** As the service allows ({@code DbIncidentService.TEXT_LENGTH}). */
    public static final int TEXT_LENGTH = 2000;
    public static final int SEARCH_LIMIT = 8;
    private static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The person an incident is about, as the search found them. */
    public record Subject(UUID id, String name) {}

    private final IncidentService incidents;
    private final TaskRunner tasks;
    private final Clock clock;

    private final PersonSearch picker;
    private final ObjectProperty<Subject> subject = new SimpleObjectProperty<>();
    private final DateInput date = new DateInput();
    private final StringProperty time = new SimpleStringProperty("");
    private final ObjectProperty<IncidentType> type = new SimpleObjectProperty<>();
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty actionsTaken = new SimpleStringProperty("");
    private final StringProperty outcome = new SimpleStringProperty("");
    private final Map<NotifiedParty, BooleanProperty> notified = new EnumMap<>(NotifiedParty.class);

    private final ReadOnlyObjectWrapper<Map<String, String>> messages = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyStringWrapper todo = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canClose = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(I18n.get("incident.form.newTitle"));
    private final ReadOnlyStringWrapper explain = new ReadOnlyStringWrapper(I18n.get("incident.form.explain"));
    private final StringProperty error = new SimpleStringProperty("");

    private Incident editing;

    public IncidentFormViewModel(IncidentService incidents, PersonService people, TaskRunner tasks, Clock clock) {
        this.incidents = incidents;
        this.tasks = tasks;
        this.clock = clock;
        this.picker = new PersonSearch(tasks, text -> people.search(PersonQuery.text(text).withPage(0, SEARCH_LIMIT)),
                page -> page.total() == 0 ? I18n.get("incident.form.noMatch")
                        : page.total() > page.items().size()
                                ? I18n.get("incident.form.moreMatches", String.valueOf(page.total())) : "");
        for (NotifiedParty p : NotifiedParty.values()) {
            notified.put(p, new SimpleBooleanProperty());
        }
        LocalDateTime now = LocalDateTime.now(clock);
        date.set(now.toLocalDate());
        time.set(TimeText.FORMAT.format(now));
        subject.addListener((obs, old, now2) -> validate());
        date.textProperty().addListener((obs, old, now2) -> validate());
        time.addListener((obs, old, now2) -> validate());
        type.addListener((obs, old, now2) -> validate());
        description.addListener((obs, old, now2) -> validate());
        actionsTaken.addListener((obs, old, now2) -> validate());
        outcome.addListener((obs, old, now2) -> validate());
        validate();
    }

    /** A new incident for a person already chosen (from their file). */
    public void forPerson(UUID personId, String name) {
        subject.set(new Subject(personId, name));
    }

    /** Fills the form from an open incident, to complete or close it; the person stays. */
    public void load(Incident incident) {
        editing = incident;
        IncidentDraft d = incident.data();
        subject.set(new Subject(d.personId(), incident.personName()));
        date.set(d.occurredAt().toLocalDate());
        time.set(TimeText.FORMAT.format(d.occurredAt()));
        type.set(d.type());
        description.set(d.description() == null ? "" : d.description());
        actionsTaken.set(d.actionsTaken() == null ? "" : d.actionsTaken());
        outcome.set(d.outcome() == null ? "" : d.outcome());
        notified.forEach((party, ticked) -> ticked.set(d.notified().contains(party)));
        title.set(I18n.get("incident.form.editTitle", incident.personName()));
        explain.set(I18n.get("incident.form.recorded", RECORDED.format(incident.recordedAt()),
                incident.recordedBy()));
        validate();
    }

    public boolean isEditing() {
        return editing != null;
    }

    /** Looks people up by name, pinyin initials or part of the ID number, as the people list does. */
    public void searchPeople() {
        picker.search();
    }

    /** Takes a line of the search as the incident's person. */
    public void choose(PersonRow row) {
        if (row != null && !isEditing()) {
            subject.set(new Subject(row.id(), row.name()));
            picker.clear();
        }
    }

    /** The time the incident happened, or empty while the date or time cannot be read. */
    public Optional<LocalDateTime> occurredAt() {
        LocalDate d = date.value();
        Optional<LocalTime> t = TimeText.parse(time.get());
        return d == null || t.isEmpty() ? Optional.empty() : Optional.of(d.atTime(t.get()));
    }

    private void validate() {
        Map<String, String> shown = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        boolean errors = false;
        if (subject.get() == null) {
            errors = true;
            missing.add(I18n.get("field.incident.person"));
        }
        boolean timeBlank = Text.isBlank(time.get());
        if (date.isUnparseable()) {
            errors = true;
            shown.put(OCCURRED_AT, I18n.get("incident.form.dateInvalid", date.textProperty().get().strip()));
        } else if (!timeBlank && TimeText.parse(time.get()).isEmpty()) {
            errors = true;
            shown.put(OCCURRED_AT, I18n.get("incident.form.timeInvalid", time.get().strip()));
        } else if (date.value() == null || timeBlank) {
            errors = true;
            missing.add(I18n.get("field.incident.occurredAt"));
        } else if (occurredAt().orElseThrow().isAfter(LocalDateTime.now(clock))) {
            errors = true;
            shown.put(OCCURRED_AT, I18n.get("problem.notAfterNow", I18n.get("field.incident.occurredAt")));
        }
        if (type.get() == null) {
            errors = true;
            missing.add(I18n.get("field.incident.type"));
        }
        if (Text.clean(actionsTaken.get()) == null) {
            errors = true;
            missing.add(I18n.get("field.incident.actionsTaken"));
        }
        errors |= tooLong(shown, DESCRIPTION, "field.incident.description", description.get());
        errors |= tooLong(shown, ACTIONS, "field.incident.actionsTaken", actionsTaken.get());
        errors |= tooLong(shown, OUTCOME, "field.incident.outcome", outcome.get());
        messages.set(Map.copyOf(shown));
        todo.set(missing.isEmpty() ? "" : I18n.get("incident.form.todo",
                String.join(I18n.get("people.listSeparator"), missing)));
        valid.set(!errors && !saving.get());
        canClose.set(valid.get() && Text.clean(outcome.get()) != null);
    }

    private static boolean tooLong(Map<String, String> shown, String field, String label, String value) {
        String clean = Text.clean(value);
        if (clean != null && clean.length() > TEXT_LENGTH) {
            shown.put(field, I18n.get("problem.tooLong", I18n.get(label), String.valueOf(TEXT_LENGTH)));
            return true;
        }
        return false;
    }

    /** The form as the service takes it. */
    public IncidentDraft draft() {
        Set<NotifiedParty> who = EnumSet.noneOf(NotifiedParty.class);
        notified.forEach((party, ticked) -> {
            if (ticked.get()) {
                who.add(party);
            }
        });
        Subject s = subject.get();
        return new IncidentDraft(s == null ? null : s.id(), occurredAt().orElse(null), type.get(),
                description.get(), actionsTaken.get(), who, outcome.get());
    }

    /** Records the incident (or saves the changes to an open one); it stays open. */
    public void save(Consumer<Incident> onSaved) {
        run(false, onSaved);
    }

    /** Records or saves the incident and closes it with the outcome. */
    public void saveAndClose(Consumer<Incident> onClosed) {
        if (!canClose.get()) {
            if (valid.get()) {
                Map<String, String> shown = new LinkedHashMap<>(messages.get());
                shown.put(OUTCOME, I18n.get("problem.incident.outcomeToClose"));
                messages.set(Map.copyOf(shown));
            }
            return;
        }
        run(true, onClosed);
    }

    /** What one save did: the incident as stored, and the failure of the closing when only the save went through. */
    private record Outcome(Incident incident, RuntimeException closeFailure) {}

    private void run(boolean close, Consumer<Incident> onDone) {
        if (!valid.get()) {
            return;
        }
        saving.set(true);
        valid.set(false);
        canClose.set(false);
        error.set("");
        IncidentDraft d = draft();
        Incident before = editing;
        tasks.run(p -> {
            Incident saved = before == null ? incidents.record(d) : incidents.update(before.id(), d, before.version());
            if (!close) {
                return new Outcome(saved, null);
            }
            try {
                return new Outcome(incidents.close(saved.id(), d.outcome(), saved.version()), null);
            } catch (RuntimeException e) {
                return new Outcome(saved, e);
            }
        }, result -> {
            saving.set(false);
            if (result.closeFailure() != null) {
                // Saved but not closed: the form now edits the saved incident, and says why it is still open.
                load(result.incident());
                failed(result.closeFailure());
                return;
            }
            validate();
            onDone.accept(result.incident());
        }, e -> {
            saving.set(false);
            validate();
            failed(e);
        });
    }

    private void failed(Throwable e) {
        if (e instanceof ValidationException v) {
            Map<String, String> shown = new LinkedHashMap<>(messages.get());
            for (Problem p : v.problems()) {
                shown.put(p.field(), p.localized());
            }
            messages.set(Map.copyOf(shown));
        }
        error.set(ErrorMessages.of(e));
    }

    public StringProperty personSearchProperty() {
        return picker.textProperty();
    }

    public ObservableList<PersonRow> personResults() {
        return picker.results();
    }

    /** "没有找到", or how many more people match than are listed. */
    public ReadOnlyStringProperty searchNoteProperty() {
        return picker.noteProperty();
    }

    public ObjectProperty<Subject> subjectProperty() {
        return subject;
    }

    public DateInput date() {
        return date;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public ObjectProperty<IncidentType> typeProperty() {
        return type;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty actionsTakenProperty() {
        return actionsTaken;
    }

    public StringProperty outcomeProperty() {
        return outcome;
    }

    public BooleanProperty notifiedProperty(NotifiedParty party) {
        return notified.get(party);
    }

    /** Problems to show under the fields, by field name. */
    public ReadOnlyObjectProperty<Map<String, String>> messagesProperty() {
        return messages.getReadOnlyProperty();
    }

    /** What is still missing before the incident can be saved ("还需填写：……"), or empty. */
    public ReadOnlyStringProperty todoProperty() {
        return todo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Valid and with an outcome: 保存并办结 may run. */
    public ReadOnlyBooleanProperty canCloseProperty() {
        return canClose.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What saving does (a new incident), or who recorded this one and when (an open one). */
    public ReadOnlyStringProperty explainProperty() {
        return explain.getReadOnlyProperty();
    }

    public StringProperty errorProperty() {
        return error;
    }
}
