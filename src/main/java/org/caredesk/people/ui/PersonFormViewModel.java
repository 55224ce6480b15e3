package org.caredesk.people.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
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
import org.caredesk.common.ValidationException;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.IdType;
import org.caredesk.people.Enums.LivingSituation;
import org.caredesk.people.Membership;
import org.caredesk.people.MissingDetails;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonField;
import org.caredesk.people.PersonNumbers;
import org.caredesk.people.service.PersonService;
import org.caredesk.people.service.PersonValidator;
import org.caredesk.security.Permission;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.TaskRunner;
import org.caredesk.ui.DateInput;
import org.caredesk.ui.DateText;

/**
 * State of the register / edit form. Every change re-runs {@link PersonValidator} (pure and cheap), so each field
 * shows its problem as the user types and {@link #validProperty()} says whether 保存 may be pressed. A missing
 * required value is only pointed out once its field was touched, so a fresh form is not a wall of red.
 */
public final class PersonFormViewModel {
    /** A sentence to show under a field; a warning does not block saving. */
    public record FieldMessage(String text, boolean warning) {}

    private final PersonService service;
    private final TaskRunner tasks;
    // Declared before the inputs: their initialisers register here.
    private final Map<String, DateInput> dates = new LinkedHashMap<>();
    private final Set<String> touched = new HashSet<>();

    private final StringProperty name = text(PersonField.NAME);
    private final ObjectProperty<IdType> idType = choice(PersonField.ID_TYPE, IdType.RESIDENT_ID);
    private final StringProperty idNumber = text(PersonField.ID_NUMBER);
    private final StringProperty ethnicity = text(PersonField.ETHNICITY);
    private final StringProperty phone1 = text(PersonField.PHONE1);
    private final StringProperty phone2 = text(PersonField.PHONE2);
    private final StringProperty estate = text(PersonField.ESTATE);
    private final StringProperty building = text(PersonField.BUILDING);
    private final StringProperty unit = text(PersonField.UNIT);
    private final StringProperty room = text(PersonField.ROOM);
    private final StringProperty householdAddress = text(PersonField.HOUSEHOLD_ADDRESS);
    private final ObjectProperty<LivingSituation> livingSituation = choice(PersonField.LIVING_SITUATION, null);
    private final StringProperty emergencyName = text(PersonField.EMERGENCY_NAME);
    private final StringProperty emergencyRelation = text(PersonField.EMERGENCY_RELATION);
    private final StringProperty emergencyPhone = text(PersonField.EMERGENCY_PHONE);
    private final StringProperty responsibleStaff = text(PersonField.RESPONSIBLE_STAFF);
    private final StringProperty note = text(PersonField.NOTE);

    private final CategoryDetails details = new CategoryDetails(this::watch, dates);

    private final ReadOnlyStringWrapper idDerived = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper helpEndText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper drugEndText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper missingDetails = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Map<String, FieldMessage>> messages = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper todo = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(I18n.get("people.form.titleNew"));
    private final StringProperty error = new SimpleStringProperty("");
    private final MaskedNumbers numbers = new MaskedNumbers(this::numberField);

    private boolean loading;
    private Person editing;
    private PersonDraft initialDraft;
    private List<Problem> serviceProblems = List.of();
    private PersonDraft serviceDraft;

    public PersonFormViewModel(PersonService service, TaskRunner tasks) {
        this.service = service;
        this.tasks = tasks;
        validate();
        initialDraft = draft();
    }

    private StringProperty text(PersonField field) {
        StringProperty p = new SimpleStringProperty("");
        watch(p, field.name());
        return p;
    }

    private <T> ObjectProperty<T> choice(PersonField field, T initial) {
        ObjectProperty<T> p = new SimpleObjectProperty<>(initial);
        watch(p, field.name());
        return p;
    }

    private void watch(Property<?> p, String field) {
        p.addListener((obs, old, now) -> {
            if (!loading) {
                touched.add(field);
                validate();
            }
        });
    }

    /** Fills the form with a stored person for editing. */
    public void load(Person p) {
        PersonDraft d = p.data();
        loading = true;
        try {
            editing = p;
            name.set(orEmpty(d.name()));
            idType.set(d.idType());
            idNumber.set(orEmpty(d.idNumber()));
            ethnicity.set(orEmpty(d.ethnicity()));
            phone1.set(orEmpty(d.phone1()));
            phone2.set(orEmpty(d.phone2()));
            estate.set(orEmpty(d.estate()));
            building.set(orEmpty(d.building()));
            unit.set(orEmpty(d.unit()));
            room.set(orEmpty(d.room()));
            householdAddress.set(orEmpty(d.householdAddress()));
            livingSituation.set(d.livingSituation());
            emergencyName.set(orEmpty(d.emergencyName()));
            emergencyRelation.set(orEmpty(d.emergencyRelation()));
            emergencyPhone.set(orEmpty(d.emergencyPhone()));
            responsibleStaff.set(orEmpty(d.responsibleStaff()));
            note.set(orEmpty(d.note()));
            details.load(d.memberships());
            title.set(I18n.get(mayWrite() ? "people.form.titleEdit" : "people.form.titleView", p.name()));
        } finally {
            loading = false;
        }
        numbers.opened(PersonNumbers.of(d), service.may(Permission.PEOPLE_REVEAL));
        touched.clear();
        serviceProblems = List.of();
        validate();
        initialDraft = draft();
    }

    /**
     * Asks the service for this person's full numbers (logged there) and shows them in place of the masks. A
     * number the user already replaced by typing keeps what they typed; the other fields are not touched.
     */
    public void revealNumbers() {
        if (!numbers.mayRevealNow() || editing == null) {
            return;
        }
        UUID id = editing.id();
        numbers.revealing(true);
        error.set("");
        tasks.run(p -> service.revealNumbers(id), full -> {
            numbers.revealing(false);
            showFull(full);
        }, e -> {
            numbers.revealing(false);
            error.set(ErrorMessages.of(e));
        });
    }

    private void showFull(PersonNumbers full) {
        loading = true;
        try {
            numbers.revealed(full);
        } finally {
            loading = false;
        }
        // What the file held when it was opened, now in full: revealing is not a change to save.
        initialDraft = PersonNumbers.keepUnchanged(PersonNumbers.of(initialDraft), full).applyTo(initialDraft);
        validate();
    }

    private StringProperty numberField(PersonField field) {
        return switch (field) {
            case ID_NUMBER -> idNumber;
            case PHONE1 -> phone1;
            case PHONE2 -> phone2;
            case EMERGENCY_PHONE -> emergencyPhone;
            case DISABILITY_CERTIFICATE -> details.disabilityCertificateProperty();
            default -> throw new IllegalArgumentException(field + " is not a number field");
        };
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** What the form holds, as the service takes it; only ticked categories, each with its own details. */
    public PersonDraft draft() {
        return new PersonDraft(name.get(), idType.get(), idNumber.get(), ethnicity.get(), phone1.get(), phone2.get(),
                estate.get(), building.get(), unit.get(), room.get(), householdAddress.get(), livingSituation.get(),
                emergencyName.get(), emergencyRelation.get(), emergencyPhone.get(), responsibleStaff.get(),
                note.get(), details.memberships());
    }

    private void validate() {
        PersonDraft draft = draft();
        PersonValidator.Result r = PersonValidator.check(draft, service.today());
        List<Problem> problems = new ArrayList<>(r.problems());
        // A number still masked as opened is the stored one, which was checked when it was saved.
        problems.removeIf(p -> numbers.stillMasked(p.field()));
        for (Map.Entry<String, DateInput> e : dates.entrySet()) {
            if (e.getValue().isUnparseable() && details.inTickedCategory(e.getKey())) {
                problems.removeIf(p -> p.field().equals(e.getKey()));
                problems.add(Problem.error(e.getKey(), "people.form.dateInvalid",
                        new I18n.Key("field." + e.getKey()), e.getValue().textProperty().get().strip()));
            }
        }
        if (!serviceProblems.isEmpty() && draft.equals(serviceDraft)) {
            problems.addAll(serviceProblems);
        } else {
            serviceProblems = List.of();
        }

        Map<String, FieldMessage> shown = new LinkedHashMap<>();
        Set<PersonField> toFix = EnumSet.noneOf(PersonField.class);
        boolean errors = false;
        for (Problem p : problems) {
            errors |= !p.warning();
            if (!p.warning() && isFormField(p.field())) {
                toFix.add(PersonField.valueOf(p.field()));
            }
            if (isMissingValue(p) && !touched.contains(p.field())) {
                continue;
            }
            FieldMessage old = shown.get(p.field());
            String text = p.localized();
            if (old == null) {
                shown.put(p.field(), new FieldMessage(text, p.warning()));
            } else if (!old.text().contains(text)) {
                shown.put(p.field(), new FieldMessage(old.text() + " " + text, old.warning() && p.warning()));
            }
        }
        messages.set(Map.copyOf(shown));
        valid.set(!errors && !saving.get());
        String labels = toFix.stream().map(f -> I18n.get(f.labelKey()))
                .collect(Collectors.joining(I18n.get("people.listSeparator")));
        todo.set(toFix.isEmpty() ? "" : I18n.get("people.form.todo", labels));

        boolean storedId = numbers.stillMasked(PersonField.ID_NUMBER.name());
        LocalDate birth = storedId ? editing.birthDate() : r.birthDate();
        idDerived.set(birth == null ? ""
                : I18n.get("people.form.idDerived", DateText.format(birth),
                        I18n.label(storedId ? editing.sex() : r.sex())));
        Membership released = details.membership(Category.RELEASED_PRISONER);
        helpEndText.set(DetailsNote.endDate(released.helpEndDate(service.rules().releasedFollowYears())));
        Membership drug = details.membership(Category.DRUG_USER);
        drugEndText.set(DetailsNote.endDate(drug.drugEndDate(service.rules().drugMaxYears())));
        missingDetails.set(MissingDetails.note(draft.memberships()));
    }

    private static boolean isMissingValue(Problem p) {
        return p.key().equals("problem.required") || p.key().equals("problem.categories.required");
    }

    /** True when the user changed something since the form was opened. */
    public boolean isDirty() {
        return !draft().equals(initialDraft) || dates.values().stream().anyMatch(DateInput::isUnparseable);
    }

    /**
     * Registers or updates off the FX thread. Problems the service finds (an ID number someone else already has)
     * appear next to their field and block saving until that input changes.
     */
    public void save(Consumer<Person> onSaved) {
        if (!valid.get() || saving.get()) {
            return;
        }
        PersonDraft d = draft();
        Person old = editing;
        saving.set(true);
        valid.set(false);
        error.set("");
        boolean keepMasked = numbers.isMasked();
        tasks.run(p -> old == null ? service.register(d) : service.update(old.id(), d, old.version()), result -> {
            // The service returns the file as stored; numbers the user was not shown stay unshown.
            Person saved = keepMasked ? result.withNumbersMasked() : result;
            saving.set(false);
            editing = saved;
            initialDraft = draft();
            validate();
            onSaved.accept(saved);
        }, e -> {
            saving.set(false);
            ValidationException v = validationCause(e);
            if (v != null) {
                serviceProblems = v.problems();
                serviceDraft = d;
                v.problems().forEach(p -> touched.add(p.field()));
                error.set(v.problems().stream().anyMatch(p -> !isFormField(p.field())) ? v.localized() : "");
            } else {
                error.set(ErrorMessages.of(e));
            }
            validate();
        });
    }

    private static boolean isFormField(String field) {
        return java.util.Arrays.stream(PersonField.values()).anyMatch(f -> f.name().equals(field));
    }

    private static ValidationException validationCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ValidationException v) {
                return v;
            }
        }
        return null;
    }

    public boolean isEditing() {
        return editing != null;
    }

    public StringProperty nameProperty() { return name; }
    public ObjectProperty<IdType> idTypeProperty() { return idType; }
    public StringProperty idNumberProperty() { return idNumber; }
    public StringProperty ethnicityProperty() { return ethnicity; }
    public StringProperty phone1Property() { return phone1; }
    public StringProperty phone2Property() { return phone2; }
    public StringProperty estateProperty() { return estate; }
    public StringProperty buildingProperty() { return building; }
    public StringProperty unitProperty() { return unit; }
    public StringProperty roomProperty() { return room; }
    public StringProperty householdAddressProperty() { return householdAddress; }
    public ObjectProperty<LivingSituation> livingSituationProperty() { return livingSituation; }
    public StringProperty emergencyNameProperty() { return emergencyName; }
    public StringProperty emergencyRelationProperty() { return emergencyRelation; }
    public StringProperty emergencyPhoneProperty() { return emergencyPhone; }
    public StringProperty responsibleStaffProperty() { return responsibleStaff; }
    public StringProperty noteProperty() { return note; }

    public BooleanProperty categoryProperty(Category c) { return details.categoryProperty(c); }
    /** Each category's own details. */
    public CategoryDetails details() { return details; }

    /** "出生日期：1949-12-31　性别：女" once the ID number is valid, else empty. */
    public ReadOnlyStringProperty idDerivedProperty() { return idDerived.getReadOnlyProperty(); }
    /** End of the 帮教 period (release + 5 years), yyyy-MM-dd, or empty. */
    public ReadOnlyStringProperty helpEndProperty() { return helpEndText.getReadOnlyProperty(); }
    /** Latest end of the drug programme (start + 3 years), yyyy-MM-dd, or empty. */
    public ReadOnlyStringProperty drugEndProperty() { return drugEndText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty missingDetailsProperty() { return missingDetails.getReadOnlyProperty(); }
    /** The sentence to show under each field, by field name. */
    public ReadOnlyObjectProperty<Map<String, FieldMessage>> messagesProperty() {
        return messages.getReadOnlyProperty();
    }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    /** What still stops saving, by field label, so a problem scrolled out of sight is not a mystery. */
    public ReadOnlyStringProperty todoProperty() { return todo.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty savingProperty() { return saving.getReadOnlyProperty(); }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    /** A failure that belongs to no field (the record changed meanwhile, the disk is full). */
    public StringProperty errorProperty() { return error; }
    /** Whether the file's numbers are shown masked (an existing file, not revealed). */
    public ReadOnlyBooleanProperty maskedProperty() { return numbers.maskedProperty(); }
    /** Whether 显示完整号码 is offered: masked numbers and a user with the right to reveal them. */
    public ReadOnlyBooleanProperty canRevealProperty() { return numbers.canRevealProperty(); }
    public ReadOnlyBooleanProperty revealingProperty() { return numbers.revealingProperty(); }
    /** How the numbers are shown: masked (and how to replace one), or revealed and logged; empty for a new file. */
    public ReadOnlyStringProperty numbersNoteProperty() { return numbers.noteProperty(); }

    /** Whether the user may change a file: the form is read-only for the others. */
    public boolean mayWrite() {
        return service.may(Permission.PEOPLE_WRITE);
    }
}
