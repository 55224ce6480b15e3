package org.caredesk.people.ui;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.caredesk.common.Text;
import org.caredesk.common.ValidationException;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Person;
import org.caredesk.people.service.PersonService;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.TaskRunner;
import org.caredesk.ui.DateInput;

/**
 * Closing a person's file (销册): reason, date (today unless changed) and a note, required for 其他. The record stays
 * and is found again with the 已销册 filter. The service checks the same rules before it writes.
 */
public final class CloseFileViewModel {
    public static final String REASON = "closeReason";
    public static final String DATE = "closeDate";
    public static final String NOTE = "closeNote";
    private static final int MAX_NOTE = 500;

    private final PersonService service;
    private final TaskRunner tasks;
    private final Person person;
    private final ObjectProperty<CloseReason> reason = new SimpleObjectProperty<>();
    private final DateInput date = new DateInput();
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Map<String, String>> messages = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final StringProperty error = new SimpleStringProperty("");

    public CloseFileViewModel(PersonService service, TaskRunner tasks, Person person) {
        this.service = service;
        this.tasks = tasks;
        this.person = person;
        date.set(service.today());
        reason.addListener((obs, old, now) -> validate());
        date.textProperty().addListener((obs, old, now) -> validate());
        note.addListener((obs, old, now) -> validate());
        validate();
    }

    /** The confirmation sentence, naming the person whose file is closed. */
    public String question() {
        return I18n.get("people.close.question", person.name());
    }

    public Person person() {
        return person;
    }

    private void validate() {
        Map<String, String> shown = new LinkedHashMap<>();
        boolean errors = false;
        if (reason.get() == null) {
            errors = true;
        }
        LocalDate d = date.value();
        if (date.isUnparseable()) {
            errors = true;
            shown.put(DATE, I18n.get("people.form.dateInvalid", I18n.get("field.closeDate"),
                    date.textProperty().get().strip()));
        } else if (d == null) {
            errors = true;
            shown.put(DATE, I18n.get("problem.required", I18n.get("field.closeDate")));
        } else if (d.isAfter(service.today())) {
            errors = true;
            shown.put(DATE, I18n.get("problem.future", I18n.get("field.closeDate")));
        }
        String cleanNote = Text.clean(note.get());
        if (reason.get() == CloseReason.OTHER && cleanNote == null) {
            errors = true;
            shown.put(NOTE, I18n.get("problem.closeNote.requiredForOther"));
        } else if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            errors = true;
            shown.put(NOTE, I18n.get("problem.tooLong", I18n.get("field.closeNote"), String.valueOf(MAX_NOTE)));
        }
        messages.set(Map.copyOf(shown));
        valid.set(!errors && !saving.get());
    }

    /** Closes the file off the FX thread with the version the person was read at. */
    public void close(Consumer<Person> onClosed) {
        if (!valid.get()) {
            return;
        }
        saving.set(true);
        valid.set(false);
        error.set("");
        CloseReason r = reason.get();
        LocalDate d = date.value();
        String n = note.get();
        tasks.run(p -> service.close(person.id(), r, d, n, person.version()), closed -> {
            saving.set(false);
            validate();
            onClosed.accept(closed);
        }, e -> {
            saving.set(false);
            validate();
            if (e instanceof ValidationException v) {
                Map<String, String> shown = new LinkedHashMap<>(messages.get());
                List<Problem> problems = v.problems();
                problems.forEach(p -> shown.put(p.field(), p.localized()));
                messages.set(Map.copyOf(shown));
            }
            error.set(ErrorMessages.of(e));
        });
    }

    public ObjectProperty<CloseReason> reasonProperty() {
        return reason;
    }

    public DateInput date() {
        return date;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyObjectProperty<Map<String, String>> messagesProperty() {
        return messages.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public StringProperty errorProperty() {
        return error;
    }
}
