package org.caredesk.risk.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;
import org.caredesk.common.ValidationException;
import org.caredesk.people.service.ColourRules;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.TaskRunner;
import org.caredesk.risk.RiskSettings;
import org.caredesk.risk.RiskSettingsService;

/**
 * 走访与预警规则 on the settings page: every number of {@link RiskSettings} as typed, each with its own sentence when
 * it is refused. Only a user who may manage settings may change them (the section is disabled for the others, and
 * the service refuses them anyway). The colour mapping is not offered here and is saved as it was loaded.
 */
public final class RiskRulesViewModel {

    /** One number of the rules: its field name (as the service names it in its problems) and where it comes from. */
    private record Rule(String key, ToIntFunction<RiskSettings> get) {}

    private static final List<Rule> RULES = List.of(
            new Rule("redDays", RiskSettings::redDays),
            new Rule("yellowDays", RiskSettings::yellowDays),
            new Rule("greenDays", RiskSettings::greenDays),
            new Rule("mentalMaxMonths", RiskSettings::mentalMaxMonths),
            new Rule("unstableMentalLevel", RiskSettings::unstableMentalLevel),
            new Rule("unstableMentalDays", RiskSettings::unstableMentalDays),
            new Rule("urineMonthsYear1", RiskSettings::urineMonthsYear1),
            new Rule("urineMonthsYear2", RiskSettings::urineMonthsYear2),
            new Rule("urineMonthsYear3", RiskSettings::urineMonthsYear3),
            new Rule("positiveUrineMonths", RiskSettings::positiveUrineMonths),
            new Rule("termWarnDays", RiskSettings::termWarnDays),
            new Rule("overrideDays", RiskSettings::overrideDays),
            new Rule("incidentHours", RiskSettings::incidentHours),
            new Rule("assessmentYellowFrom", RiskSettings::assessmentYellowFrom),
            new Rule("assessmentRedFrom", RiskSettings::assessmentRedFrom));

    /** One field of the section: the i18n key of its label, the number as typed and the sentence refusing it. */
    public static final class Field {
        private final String key;
        private final StringProperty text = new SimpleStringProperty("");
        private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

        private Field(String key) {
            this.key = key;
        }

        /** The field's name, as the service names it (e.g. {@code redDays}). */
        public String key() {
            return key;
        }

        public String labelKey() {
            return "field.riskRules." + key;
        }

        public StringProperty textProperty() {
            return text;
        }

        /** Why the number was refused; empty when it was not. */
        public ReadOnlyStringProperty problemProperty() {
            return problem.getReadOnlyProperty();
        }
    }

    private final RiskSettingsService service;
    private final TaskRunner tasks;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper mayManage = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private ColourRules.Mapping mapping = RiskSettings.DEFAULTS.mapping();

    /** @param mayManage whether the user holds {@code SETTINGS_MANAGE}; the service checks it again */
    public RiskRulesViewModel(RiskSettingsService service, TaskRunner tasks, boolean mayManage) {
        this.service = service;
        this.tasks = tasks;
        this.mayManage.set(mayManage);
        for (Rule r : RULES) {
            fields.put(r.key(), new Field(r.key()));
        }
    }

    public void load() {
        tasks.run(p -> service.load(), s -> {
            mapping = s.mapping();
            show(s);
            status.set("");
        }, e -> error.set(ErrorMessages.of(e)));
    }

    /** Fills in the numbers of DOMAIN.md; nothing is saved until {@link #save}. */
    public void restoreDefaults() {
        show(RiskSettings.DEFAULTS);
        status.set(I18n.get("riskRules.defaultsFilled"));
    }

    /**
     * Saves the numbers off the FX thread; {@link #statusProperty} says so when done. A text that is not a whole
     * number is refused here with a sentence naming the field; the service refuses numbers out of range.
     */
    public void save() {
        if (!mayManage.get() || working.get()) {
            return;
        }
        clearProblems();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (Field f : fields.values()) {
            String typed = f.text.get() == null ? "" : f.text.get().strip();
            try {
                numbers.put(f.key, Integer.parseInt(typed));
            } catch (NumberFormatException e) {
                problems.add(Problem.error(f.key, "problem.riskRules.notNumber", new I18n.Key(f.labelKey()), typed));
            }
        }
        if (!problems.isEmpty()) {
            refuse(new ValidationException(problems));
            return;
        }
        RiskSettings chosen = settings(numbers, mapping);
        working.set(true);
        tasks.run(p -> {
            service.save(chosen);
            return chosen;
        }, s -> {
            working.set(false);
            show(s);
            status.set(I18n.get("riskRules.saved"));
        }, e -> {
            working.set(false);
            if (e instanceof ValidationException v) {
                refuse(v);
            } else {
                error.set(ErrorMessages.of(e));
            }
        });
    }

    private void refuse(ValidationException e) {
        for (Problem p : e.problems()) {
            Field f = fields.get(p.field());
            if (f != null && f.problem.get().isEmpty()) {
                f.problem.set(p.localized());
            }
        }
        status.set("");
        error.set(e.localized());
    }

    private void clearProblems() {
        fields.values().forEach(f -> f.problem.set(""));
        error.set("");
        status.set("");
    }

    private void show(RiskSettings s) {
        clearProblems();
        for (Rule r : RULES) {
            fields.get(r.key()).text.set(String.valueOf(r.get().applyAsInt(s)));
        }
    }

    private static RiskSettings settings(Map<String, Integer> n, ColourRules.Mapping mapping) {
        return new RiskSettings(n.get("redDays"), n.get("yellowDays"), n.get("greenDays"),
                n.get("mentalMaxMonths"), n.get("unstableMentalLevel"), n.get("unstableMentalDays"),
                n.get("urineMonthsYear1"), n.get("urineMonthsYear2"), n.get("urineMonthsYear3"),
                n.get("positiveUrineMonths"), n.get("termWarnDays"), n.get("overrideDays"), n.get("incidentHours"),
                n.get("assessmentYellowFrom"), n.get("assessmentRedFrom"), mapping);
    }

    /** The fields in the order the section shows them. */
    public List<Field> fields() {
        return List.copyOf(fields.values());
    }

    /** The field of a number of the rules, by its name (e.g. {@code redDays}). */
    public Field field(String key) {
        Field f = fields.get(key);
        if (f == null) {
            throw new IllegalArgumentException("No rule " + key);
        }
        return f;
    }

    /** Whether the user may change the rules; the section is disabled otherwise. */
    public ReadOnlyBooleanProperty mayManageProperty() {
        return mayManage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** The sentence refusing the save (the single problem, or how many there are); empty otherwise. */
    public StringProperty errorProperty() {
        return error;
    }

    /** What the last action did (saved, defaults filled in); empty otherwise. */
    public StringProperty statusProperty() {
        return status;
    }
}
