package org.caredesk.people.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.Enums.CorrectionType;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.DisabilityKind;
import org.caredesk.people.Enums.DrugProgramme;
import org.caredesk.people.Enums.Medication;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonField;
import org.caredesk.ui.DateInput;

/**
 * The person form's categories and each category's own details (帮教, 戒毒, 矫正, 精神障碍, 残疾, 其他): which boxes are
 * ticked, what each section holds, and how that becomes the {@link Membership}s of a draft and back. It is a part
 * of {@link PersonFormViewModel}, which validates and saves; every property here reports its changes to the form
 * through the watcher it is given, so a change re-runs the form's one set of rules.
 */
public final class CategoryDetails {
    /** How the form learns that a field changed, by field name. */
    interface Watcher {
        void watch(Property<?> property, String field);
    }

    private final Watcher watcher;
    private final Map<String, DateInput> dates;
    private final Map<Category, BooleanProperty> categories = new EnumMap<>(Category.class);

    private final DateInput releaseDate;
    private final StringProperty offence;
    private final StringProperty sentence;
    private final ObjectProperty<DrugProgramme> drugProgramme;
    private final DateInput drugStartDate;
    private final ObjectProperty<CorrectionType> correctionType;
    private final DateInput correctionStart;
    private final DateInput correctionEnd;
    private final ObjectProperty<CorrectionLevel> correctionLevel;
    private final ObjectProperty<Diagnosis> diagnosis;
    private final ObjectProperty<Integer> mentalRiskLevel;
    private final DateInput consentDate;
    private final ObjectProperty<Medication> medication;
    private final ObjectProperty<DisabilityKind> disabilityKind;
    private final ObjectProperty<Integer> disabilityGrade;
    private final StringProperty disabilityCertificate;
    private final StringProperty otherText;

    /** @param dates the form's date inputs by field name; the details add theirs */
    CategoryDetails(Watcher watcher, Map<String, DateInput> dates) {
        this.watcher = watcher;
        this.dates = dates;
        for (Category c : Category.values()) {
            BooleanProperty p = new SimpleBooleanProperty(false);
            watcher.watch(p, PersonField.CATEGORIES.name());
            categories.put(c, p);
        }
        releaseDate = date(PersonField.RELEASE_DATE);
        offence = text(PersonField.OFFENCE);
        sentence = text(PersonField.SENTENCE);
        drugProgramme = choice(PersonField.DRUG_PROGRAMME);
        drugStartDate = date(PersonField.DRUG_START_DATE);
        correctionType = choice(PersonField.CORRECTION_TYPE);
        correctionStart = date(PersonField.CORRECTION_START);
        correctionEnd = date(PersonField.CORRECTION_END);
        correctionLevel = choice(PersonField.CORRECTION_LEVEL);
        diagnosis = choice(PersonField.DIAGNOSIS);
        mentalRiskLevel = choice(PersonField.MENTAL_RISK_LEVEL);
        consentDate = date(PersonField.CONSENT_DATE);
        medication = choice(PersonField.MEDICATION);
        disabilityKind = choice(PersonField.DISABILITY_KIND);
        disabilityGrade = choice(PersonField.DISABILITY_GRADE);
        disabilityCertificate = text(PersonField.DISABILITY_CERTIFICATE);
        otherText = text(PersonField.OTHER_TEXT);
    }

    private StringProperty text(PersonField field) {
        StringProperty p = new SimpleStringProperty("");
        watcher.watch(p, field.name());
        return p;
    }

    private <T> ObjectProperty<T> choice(PersonField field) {
        ObjectProperty<T> p = new SimpleObjectProperty<>();
        watcher.watch(p, field.name());
        return p;
    }

    private DateInput date(PersonField field) {
        DateInput d = new DateInput();
        dates.put(field.name(), d);
        watcher.watch(d.textProperty(), field.name());
        return d;
    }

    /** Ticks the stored categories (and only those) and fills each one's details. */
    void load(List<Membership> memberships) {
        categories.values().forEach(b -> b.set(false));
        for (Membership m : memberships) {
            categories.get(m.category()).set(true);
            load(m);
        }
    }

    private void load(Membership m) {
        switch (m.category()) {
            case RELEASED_PRISONER -> {
                releaseDate.set(m.releaseDate());
                offence.set(orEmpty(m.offence()));
                sentence.set(orEmpty(m.sentence()));
            }
            case DRUG_USER -> {
                drugProgramme.set(m.drugProgramme());
                drugStartDate.set(m.drugStartDate());
            }
            case CORRECTION -> {
                correctionType.set(m.correctionType());
                correctionStart.set(m.correctionStart());
                correctionEnd.set(m.correctionEnd());
                correctionLevel.set(m.correctionLevel());
            }
            case MENTAL_DISORDER -> {
                diagnosis.set(m.diagnosis());
                mentalRiskLevel.set(m.mentalRiskLevel());
                consentDate.set(m.consentDate());
                medication.set(m.medication());
            }
            case DISABLED -> {
                disabilityKind.set(m.disabilityKind());
                disabilityGrade.set(m.disabilityGrade());
                disabilityCertificate.set(orEmpty(m.disabilityCertificate()));
            }
            case OTHER -> otherText.set(orEmpty(m.otherText()));
            default -> {
            }
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Only the ticked categories, each with its own details. */
    List<Membership> memberships() {
        List<Membership> memberships = new ArrayList<>();
        for (Category c : Category.values()) {
            if (categories.get(c).get()) {
                memberships.add(membership(c));
            }
        }
        return memberships;
    }

    /** What the section of {@code c} holds, ticked or not. */
    Membership membership(Category c) {
        Membership.Builder b = new Membership.Builder(c);
        switch (c) {
            case RELEASED_PRISONER -> b.releaseDate(releaseDate.value()).offence(offence.get())
                    .sentence(sentence.get());
            case DRUG_USER -> b.drugProgramme(drugProgramme.get()).drugStartDate(drugStartDate.value());
            case CORRECTION -> b.correctionType(correctionType.get()).correctionStart(correctionStart.value())
                    .correctionEnd(correctionEnd.value()).correctionLevel(correctionLevel.get());
            case MENTAL_DISORDER -> b.diagnosis(diagnosis.get()).mentalRiskLevel(mentalRiskLevel.get())
                    .consentDate(consentDate.value()).medication(medication.get());
            case DISABLED -> b.disabilityKind(disabilityKind.get()).disabilityGrade(disabilityGrade.get())
                    .disabilityCertificate(disabilityCertificate.get());
            case OTHER -> b.otherText(otherText.get());
            default -> {
            }
        }
        return b.build();
    }

    /** Whether a date field's section is open: an unreadable date in a closed section does not block saving. */
    boolean inTickedCategory(String field) {
        return switch (PersonField.valueOf(field)) {
            case RELEASE_DATE -> categories.get(Category.RELEASED_PRISONER).get();
            case DRUG_START_DATE -> categories.get(Category.DRUG_USER).get();
            case CORRECTION_START, CORRECTION_END -> categories.get(Category.CORRECTION).get();
            case CONSENT_DATE -> categories.get(Category.MENTAL_DISORDER).get();
            default -> true;
        };
    }

    public BooleanProperty categoryProperty(Category c) { return categories.get(c); }
    public DateInput releaseDate() { return releaseDate; }
    public StringProperty offenceProperty() { return offence; }
    public StringProperty sentenceProperty() { return sentence; }
    public ObjectProperty<DrugProgramme> drugProgrammeProperty() { return drugProgramme; }
    public DateInput drugStartDate() { return drugStartDate; }
    public ObjectProperty<CorrectionType> correctionTypeProperty() { return correctionType; }
    public DateInput correctionStart() { return correctionStart; }
    public DateInput correctionEnd() { return correctionEnd; }
    public ObjectProperty<CorrectionLevel> correctionLevelProperty() { return correctionLevel; }
    public ObjectProperty<Diagnosis> diagnosisProperty() { return diagnosis; }
    public ObjectProperty<Integer> mentalRiskLevelProperty() { return mentalRiskLevel; }
    public DateInput consentDate() { return consentDate; }
    public ObjectProperty<Medication> medicationProperty() { return medication; }
    public ObjectProperty<DisabilityKind> disabilityKindProperty() { return disabilityKind; }
    public ObjectProperty<Integer> disabilityGradeProperty() { return disabilityGrade; }
    public StringProperty disabilityCertificateProperty() { return disabilityCertificate; }
    public StringProperty otherTextProperty() { return otherText; }
}
