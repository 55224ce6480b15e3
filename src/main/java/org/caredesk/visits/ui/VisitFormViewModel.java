package org.caredesk.visits.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;
import org.caredesk.common.Text;
import org.caredesk.common.ValidationException;
import org.caredesk.people.Enums.PersonStatus;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.PersonRow;
import org.caredesk.people.service.PersonService;
import org.caredesk.ui.DateInput;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.PersonSearch;
import org.caredesk.ui.TaskRunner;
import org.caredesk.ui.TimeText;
import org.caredesk.visits.Need;
import org.caredesk.visits.Visit;
import org.caredesk.visits.VisitDraft;
import org.caredesk.visits.VisitPerson;
import org.caredesk.visits.VisitService;
import org.caredesk.visits.VisitSubject;
import org.caredesk.visits.VisitType;
import org.caredesk.visits.service.VisitChecks;

/**
 * The visit form (走访记录): the shared parts, the people visited (picked with the registry's search) and each
 * person's own part. The rules are checked as the caseworker types, one sentence per problem naming the field (and
 * the person); the service checks them again when saving. The next visit is the rules' proposal until typed over.
 */
public final class VisitFormViewModel {
    private static final Set<String> FORM_FIELDS = Set.of("date", "time", "visitedAt", "type", "staff", "people");
    /** People shown under the search field. */
    public static final int PICKER_SIZE = 8;

    private final VisitService visits;
    private final TaskRunner tasks;
    private final Clock clock;

    private final DateInput date = new DateInput();
    private final StringProperty time = new SimpleStringProperty("");
    private final ObjectProperty<VisitType> type = new SimpleObjectProperty<>(VisitType.HOME);
    private final StringProperty staff = new SimpleStringProperty("");
    private final StringProperty volunteers = new SimpleStringProperty("");
    private final Map<Need, BooleanProperty> needs = new EnumMap<>(Need.class);
    private final StringProperty findings = new SimpleStringProperty("");
    private final StringProperty helpGiven = new SimpleStringProperty("");
    private final StringProperty followUpPlan = new SimpleStringProperty("");
    private final ObservableList<VisitPartModel> parts = FXCollections.observableArrayList();

    private final PersonSearch picker;

    private final ReadOnlyObjectWrapper<List<String>> problems = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Map<String, String>> fieldProblems = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper();
    private final StringProperty error = new SimpleStringProperty("");

    public VisitFormViewModel(VisitService visits, PersonService people, TaskRunner tasks, Clock clock) {
        this.visits = visits;
        this.tasks = tasks;
        this.clock = clock;
        this.picker = new PersonSearch(tasks, text -> people.search(new PersonQuery(text, null, null,
                PersonStatus.ACTIVE, null, PersonQuery.Sort.NAME, true, 0, PICKER_SIZE)), page -> "")
                .onError(e -> error.set(ErrorMessages.of(e)));
        for (Need n : Need.values()) {
            BooleanProperty p = new SimpleBooleanProperty();
            watch(p);
            needs.put(n, p);
        }
        for (ObservableValue<?> o : List.of(date.textProperty(), time, type, staff, volunteers, findings, helpGiven,
                followUpPlan)) {
            watch(o);
        }
        date.valueProperty().addListener((obs, old, now) -> proposeAll());
        parts.addListener((ListChangeListener<VisitPartModel>) c -> validate());
        validate();
    }

    /** Checks again whenever the value changes (a change listener: an invalidation one fires only once). */
    private void watch(ObservableValue<?> value) {
        value.addListener((obs, old, now) -> validate());
    }

    /** Fills the form for these people: now, a home visit, the logged-in user as staff, the rules' next visits. */
    public void start(List<UUID> personIds) {
        tasks.run(p -> {
            VisitDraft draft = visits.newDraft(personIds);
            List<VisitSubject> subjects = new ArrayList<>();
            for (UUID id : personIds) {
                subjects.add(visits.subject(id));
            }
            return new Start(draft, subjects);
        }, s -> {
            LocalDateTime at = s.draft().visitedAt();
            date.set(at.toLocalDate());
            time.set(TimeText.FORMAT.format(at));
            type.set(s.draft().type());
            staff.set(s.draft().staff() == null ? "" : s.draft().staff());
            // Each person's next visit comes from the rules' proposal (the same date the draft carries).
            for (VisitSubject subject : s.subjects()) {
                VisitPartModel part = newPart(subject);
                parts.add(part);
                propose(part);
            }
            ready.set(true);
        }, e -> error.set(ErrorMessages.of(e)));
    }

    private record Start(VisitDraft draft, List<VisitSubject> subjects) {}

    private VisitPartModel newPart(VisitSubject subject) {
        VisitPartModel part = new VisitPartModel(subject);
        watch(part.nextVisit().textProperty());
        watch(part.urineDate().textProperty());
        watch(part.symptomsProperty());
        part.urineResultProperty().addListener((obs, old, now) -> {
            validate();
            propose(part);
        });
        part.riskLevelProperty().addListener((obs, old, now) -> {
            validate();
            propose(part);
        });
        return part;
    }

    /** Searches the registry's active files for the picker; the newest search wins. */
    public void searchPeople() {
        picker.search();
    }

    /** Adds a person found by the picker (a second click on the same person does nothing). */
    public void addPerson(UUID personId) {
        if (parts.stream().anyMatch(p -> p.personId().equals(personId))) {
            return;
        }
        tasks.run(p -> visits.subject(personId), subject -> {
            if (parts.stream().noneMatch(p -> p.personId().equals(personId))) {
                VisitPartModel part = newPart(subject);
                parts.add(part);
                propose(part);
            }
            picker.clear();
        }, e -> error.set(ErrorMessages.of(e)));
    }

    public void removePerson(VisitPartModel part) {
        parts.remove(part);
    }

    private void proposeAll() {
        for (VisitPartModel p : parts) {
            propose(p);
        }
    }

    private void propose(VisitPartModel part) {
        LocalDate day = date.value();
        if (day == null) {
            return;
        }
        VisitPerson given = part.part();
        tasks.run(p -> visits.propose(part.personId(), day, given), proposal -> {
            if (parts.contains(part) && day.equals(date.value())) {
                part.apply(proposal, day);
            }
        }, e -> error.set(ErrorMessages.of(e)));
    }

    /** The visit's date and time; null when either cannot be read. */
    public LocalDateTime visitedAt() {
        LocalDate d = date.value();
        LocalTime t = TimeText.parse(time.get()).orElse(null);
        return d == null || t == null ? null : LocalDateTime.of(d, t);
    }

    public VisitDraft draft() {
        Set<Need> chosen = EnumSet.noneOf(Need.class);
        needs.forEach((n, p) -> {
            if (p.get()) {
                chosen.add(n);
            }
        });
        List<VisitPerson> list = parts.stream().map(VisitPartModel::part).toList();
        return new VisitDraft(visitedAt(), type.get(), staff.get(), volunteers.get(), list, chosen, findings.get(),
                helpGiven.get(), followUpPlan.get());
    }

    private void validate() {
        List<Problem> found = new ArrayList<>();
        boolean dateUnreadable = date.isUnparseable();
        boolean timeUnreadable = !Text.isBlank(time.get()) && TimeText.parse(time.get()).isEmpty();
        if (dateUnreadable) {
            found.add(Problem.error("date", "visitForm.problem.date"));
        }
        if (timeUnreadable) {
            found.add(Problem.error("time", "visitForm.problem.time"));
        }
        VisitDraft d = draft();
        for (Problem p : VisitChecks.fields(d, LocalDateTime.now(clock)).problems()) {
            if (!(p.field().equals("visitedAt") && (dateUnreadable || timeUnreadable))) {
                found.add(p);
            }
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate visitDay = date.value();
        for (VisitPartModel part : parts) {
            String name = part.name();
            if (part.urineDate().isUnparseable()) {
                found.add(Problem.error("urineDate", "visitForm.problem.urineDate", name));
            } else if (part.urineDate().value() != null && part.urineDate().value().isAfter(today)) {
                found.add(Problem.error("urineDate", "problem.visit.urineDateFuture", name));
            } else if (part.urineDate().value() != null && part.urineResultProperty().get() == null) {
                found.add(Problem.error("urineResult", "problem.visit.urineDateWithoutResult", name));
            }
            if (part.subject().mentalDisorder() && part.riskLevelProperty().get() == null) {
                found.add(Problem.error("mentalRiskLevel", "visitForm.problem.riskLevel", name));
            }
            String symptoms = part.symptomsProperty().get();
            if (symptoms != null && symptoms.strip().length() > VisitChecks.SYMPTOMS_LENGTH) {
                found.add(Problem.error("symptoms", "problem.visit.symptomsTooLong", name,
                        String.valueOf(VisitChecks.SYMPTOMS_LENGTH)));
            }
            if (part.nextVisit().isUnparseable()) {
                found.add(Problem.error("nextVisitDate", "visitForm.problem.nextVisit", name));
            } else if (part.nextVisit().value() != null && visitDay != null
                    && !part.nextVisit().value().isAfter(visitDay)) {
                found.add(Problem.error("nextVisitDate", "problem.visit.nextVisitNotAfter", name));
            }
        }
        problems.set(found.stream().map(Problem::localized).distinct().toList());
        fieldProblems.set(found.stream().filter(p -> FORM_FIELDS.contains(p.field())).collect(Collectors.toMap(
                Problem::field, Problem::localized, (a, b) -> a.equals(b) ? a : a + " " + b)));
        valid.set(found.isEmpty());
    }

    /** Something was entered that closing the form would lose. */
    public boolean isDirty() {
        return !Text.isBlank(findings.get()) || !Text.isBlank(helpGiven.get()) || !Text.isBlank(followUpPlan.get())
                || !Text.isBlank(volunteers.get()) || needs.values().stream().anyMatch(BooleanProperty::get)
                || parts.stream().anyMatch(VisitPartModel::hasInput);
    }

    /** Saves off the FX thread; a refusal shows the service's sentences and keeps everything typed. */
    public void save(Consumer<Visit> onSaved) {
        if (!valid.get() || saving.get()) {
            return;
        }
        VisitDraft d = draft();
        saving.set(true);
        error.set("");
        tasks.run(p -> visits.save(d), saved -> {
            saving.set(false);
            onSaved.accept(saved);
        }, e -> {
            saving.set(false);
            if (e instanceof ValidationException v && v.problems().size() > 1) {
                error.set(v.problems().stream().map(Problem::localized).collect(Collectors.joining("\n")));
            } else {
                error.set(ErrorMessages.of(e));
            }
        });
    }

    /** The people of a saved visit, "张三、李四". */
    public static String names(Visit visit) {
        return visit.data().people().stream().map(VisitPerson::personName)
                .collect(Collectors.joining(I18n.get("people.listSeparator")));
    }

    public DateInput date() {
        return date;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public ObjectProperty<VisitType> typeProperty() {
        return type;
    }

    public StringProperty staffProperty() {
        return staff;
    }

    public StringProperty volunteersProperty() {
        return volunteers;
    }

    public BooleanProperty needProperty(Need need) {
        return needs.get(need);
    }

    public StringProperty findingsProperty() {
        return findings;
    }

    public StringProperty helpGivenProperty() {
        return helpGiven;
    }

    public StringProperty followUpPlanProperty() {
        return followUpPlan;
    }

    public ObservableList<VisitPartModel> parts() {
        return parts;
    }

    public StringProperty personSearchProperty() {
        return picker.textProperty();
    }

    public ObservableList<PersonRow> searchResults() {
        return picker.results();
    }

    /** What is wrong now, one sentence each; empty when the visit can be saved. */
    public ReadOnlyObjectProperty<List<String>> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** The same problems by the form's own fields (date, time, visitedAt, type, staff, people), for marking them. */
    public ReadOnlyObjectProperty<Map<String, String>> fieldProblemsProperty() {
        return fieldProblems.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** The form has its defaults from the service. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public StringProperty errorProperty() {
        return error;
    }
}
