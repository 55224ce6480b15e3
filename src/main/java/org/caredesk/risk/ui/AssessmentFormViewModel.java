package org.caredesk.risk.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
import org.caredesk.risk.Assessment;
import org.caredesk.risk.AssessmentDraft;
import org.caredesk.risk.AssessmentItem;
import org.caredesk.risk.AssessmentService;

/**
 * The structured risk assessment (风险评估) of one person: a score for each question, the live total and the colour
 * it gives under the settings, a date (today unless changed) and a note.
 */
public final class AssessmentFormViewModel {
    /** As the service allows. */
    public static final int NOTE_LENGTH = 500;

    private final AssessmentService service;
    private final TaskRunner tasks;
    private final Clock clock;
    private UUID personId;

    private final Map<AssessmentItem, ObjectProperty<Integer>> scores = new EnumMap<>(AssessmentItem.class);
    private final DateInput assessedOn = new DateInput();
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper totalText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RiskColour> colour = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<String>> problems = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final StringProperty error = new SimpleStringProperty("");
    private long latestScore;

    public AssessmentFormViewModel(AssessmentService service, TaskRunner tasks, Clock clock) {
        this.service = service;
        this.tasks = tasks;
        this.clock = clock;
        for (AssessmentItem item : AssessmentItem.values()) {
            ObjectProperty<Integer> p = new SimpleObjectProperty<>();
            p.addListener((obs, old, now) -> {
                validate();
                rescore();
            });
            scores.put(item, p);
        }
        assessedOn.textProperty().addListener((obs, old, now) -> validate());
        note.addListener((obs, old, now) -> validate());
        assessedOn.set(LocalDate.now(clock));
        rescore();
        validate();
    }

    public void start(UUID person) {
        this.personId = person;
    }

    private Map<AssessmentItem, Integer> answers() {
        Map<AssessmentItem, Integer> m = new EnumMap<>(AssessmentItem.class);
        scores.forEach((item, p) -> {
            if (p.get() != null) {
                m.put(item, p.get());
            }
        });
        return m;
    }

    /** The total and colour so far, from the service's rule and settings (unanswered questions count 0). */
    private void rescore() {
        long request = ++latestScore;
        Map<AssessmentItem, Integer> given = answers();
        tasks.run(p -> service.score(given), s -> {
            if (request == latestScore) {
                totalText.set(I18n.get("assessment.total", s.total(), s.maxTotal(), I18n.label(s.colour())));
                colour.set(s.colour());
            }
        }, e -> error.set(ErrorMessages.of(e)));
    }

    private void validate() {
        List<Problem> found = new ArrayList<>();
        for (AssessmentItem item : AssessmentItem.values()) {
            if (scores.get(item).get() == null) {
                found.add(Problem.error(item.name(), "problem.assessment.unanswered",
                        new I18n.Key(I18n.enumKey(item))));
            }
        }
        if (assessedOn.isUnparseable()) {
            found.add(Problem.error("assessedOn", "assessment.problem.date"));
        } else if (assessedOn.value() == null) {
            found.add(Problem.error("assessedOn", "problem.required", new I18n.Key("field.assessment.assessedOn")));
        } else if (assessedOn.value().isAfter(LocalDate.now(clock))) {
            found.add(Problem.error("assessedOn", "assessment.problem.future"));
        }
        String n = Text.clean(note.get());
        if (n != null && n.length() > NOTE_LENGTH) {
            found.add(Problem.error("note", "problem.tooLong", new I18n.Key("field.assessment.note"),
                    String.valueOf(NOTE_LENGTH)));
        }
        problems.set(found.stream().map(Problem::localized).toList());
        valid.set(found.isEmpty());
    }

    public AssessmentDraft draft() {
        return new AssessmentDraft(personId, assessedOn.value(), answers(), Text.clean(note.get()));
    }

    public void save(Consumer<Assessment> onSaved) {
        if (!valid.get() || saving.get()) {
            return;
        }
        AssessmentDraft d = draft();
        saving.set(true);
        error.set("");
        tasks.run(p -> service.save(d), saved -> {
            saving.set(false);
            onSaved.accept(saved);
        }, e -> {
            saving.set(false);
            error.set(ErrorMessages.of(e));
        });
    }

    public boolean isDirty() {
        return !answers().isEmpty() || !Text.isBlank(note.get());
    }

    public ObjectProperty<Integer> scoreProperty(AssessmentItem item) {
        return scores.get(item);
    }

    public DateInput assessedOn() {
        return assessedOn;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** "总分 5 / 10，黄". */
    public ReadOnlyStringProperty totalTextProperty() {
        return totalText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RiskColour> colourProperty() {
        return colour.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<String>> problemsProperty() {
        return problems.getReadOnlyProperty();
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
