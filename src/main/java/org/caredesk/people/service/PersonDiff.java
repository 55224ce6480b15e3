package org.caredesk.people.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.FieldChange;
import org.caredesk.common.IdNumber;
import org.caredesk.common.PhoneNumber;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonField;

/**
 * The field-by-field difference between two states of a person, for the audit log and the file's change history.
 * Fields are named by their label keys ({@link PersonField#labelKey()}); ID, phone and disability certificate
 * numbers are recorded masked, as everywhere else the program shows them. A population joined or left is a
 * change of {@link PersonField#CATEGORIES} together with that population's details.
 *
 * <p>Lives with the people service rather than in the audit package, so that the audit log knows nothing of
 * people: people use the audit log, never the other way round.
 */
public final class PersonDiff {
    /** A long note is kept to this many characters in the log, so that any change fits the detail column. */
    static final int TEXT_LIMIT = 500;

    static final String STATUS = "field.status";
    static final String COLOUR = "field.colour";
    static final String CLOSE_REASON = "field.closeReason";
    static final String CLOSE_DATE = "field.closeDate";
    static final String CLOSE_NOTE = "field.closeNote";

    private PersonDiff() {}

    /** Everything a new file holds, as changes from nothing. */
    public static List<FieldChange> created(Person p) {
        return between(null, p);
    }

    /** The changes from {@code before} (null: nothing) to {@code after}, in the order of the form. */
    public static List<FieldChange> between(Person before, Person after) {
        Objects.requireNonNull(after, "after");
        List<FieldChange> out = new ArrayList<>();
        PersonDraft a = before == null ? null : before.data();
        PersonDraft b = after.data();
        text(out, PersonField.NAME, a, b, PersonDraft::name);
        enumValue(out, PersonField.ID_TYPE.labelKey(), a == null ? null : a.idType(), b.idType());
        masked(out, PersonField.ID_NUMBER, a, b, PersonDraft::idNumber, IdNumber::mask);
        text(out, PersonField.ETHNICITY, a, b, PersonDraft::ethnicity);
        masked(out, PersonField.PHONE1, a, b, PersonDraft::phone1, PhoneNumber::mask);
        masked(out, PersonField.PHONE2, a, b, PersonDraft::phone2, PhoneNumber::mask);
        text(out, PersonField.ESTATE, a, b, PersonDraft::estate);
        text(out, PersonField.BUILDING, a, b, PersonDraft::building);
        text(out, PersonField.UNIT, a, b, PersonDraft::unit);
        text(out, PersonField.ROOM, a, b, PersonDraft::room);
        text(out, PersonField.HOUSEHOLD_ADDRESS, a, b, PersonDraft::householdAddress);
        enumValue(out, PersonField.LIVING_SITUATION.labelKey(), a == null ? null : a.livingSituation(),
                b.livingSituation());
        text(out, PersonField.EMERGENCY_NAME, a, b, PersonDraft::emergencyName);
        text(out, PersonField.EMERGENCY_RELATION, a, b, PersonDraft::emergencyRelation);
        masked(out, PersonField.EMERGENCY_PHONE, a, b, PersonDraft::emergencyPhone, PhoneNumber::mask);
        text(out, PersonField.RESPONSIBLE_STAFF, a, b, PersonDraft::responsibleStaff);
        text(out, PersonField.NOTE, a, b, PersonDraft::note);
        memberships(out, a == null ? List.of() : a.memberships(), b.memberships());
        enumValue(out, COLOUR, before == null ? null : before.colour(), after.colour());
        enumValue(out, STATUS, before == null ? null : before.status(), after.status());
        enumValue(out, CLOSE_REASON, before == null ? null : before.closeReason(), after.closeReason());
        add(out, CLOSE_DATE, before == null ? null : date(before.closeDate()), date(after.closeDate()));
        addText(out, CLOSE_NOTE, before == null ? null : before.closeNote(), after.closeNote());
        return List.copyOf(out);
    }

    private static void memberships(List<FieldChange> out, List<Membership> before, List<Membership> after) {
        Map<Category, Membership> old = byCategory(before);
        Map<Category, Membership> now = byCategory(after);
        for (Category c : Category.values()) {
            Membership m0 = old.get(c);
            Membership m1 = now.get(c);
            if (m0 == null && m1 == null) {
                continue;
            }
            if (m0 == null || m1 == null) {
                out.add(FieldChange.ofEnum(PersonField.CATEGORIES.labelKey(), m0 == null ? null : c,
                        m1 == null ? null : c));
            }
            details(out, m0, m1);
        }
    }

    private static Map<Category, Membership> byCategory(List<Membership> list) {
        Map<Category, Membership> map = new EnumMap<>(Category.class);
        list.forEach(m -> map.put(m.category(), m));
        return map;
    }

    /** The details of one population; a side that is null (joined or left) counts as all empty. */
    private static void details(List<FieldChange> out, Membership a, Membership b) {
        add(out, PersonField.RELEASE_DATE.labelKey(), date(a, Membership::releaseDate),
                date(b, Membership::releaseDate));
        textOf(out, PersonField.OFFENCE, a, b, Membership::offence);
        textOf(out, PersonField.SENTENCE, a, b, Membership::sentence);
        enumValue(out, PersonField.DRUG_PROGRAMME.labelKey(), get(a, Membership::drugProgramme),
                get(b, Membership::drugProgramme));
        add(out, PersonField.DRUG_START_DATE.labelKey(), date(a, Membership::drugStartDate),
                date(b, Membership::drugStartDate));
        enumValue(out, PersonField.CORRECTION_TYPE.labelKey(), get(a, Membership::correctionType),
                get(b, Membership::correctionType));
        add(out, PersonField.CORRECTION_START.labelKey(), date(a, Membership::correctionStart),
                date(b, Membership::correctionStart));
        add(out, PersonField.CORRECTION_END.labelKey(), date(a, Membership::correctionEnd),
                date(b, Membership::correctionEnd));
        enumValue(out, PersonField.CORRECTION_LEVEL.labelKey(), get(a, Membership::correctionLevel),
                get(b, Membership::correctionLevel));
        enumValue(out, PersonField.DIAGNOSIS.labelKey(), get(a, Membership::diagnosis),
                get(b, Membership::diagnosis));
        add(out, PersonField.MENTAL_RISK_LEVEL.labelKey(), number(get(a, Membership::mentalRiskLevel)),
                number(get(b, Membership::mentalRiskLevel)));
        add(out, PersonField.CONSENT_DATE.labelKey(), date(a, Membership::consentDate),
                date(b, Membership::consentDate));
        enumValue(out, PersonField.MEDICATION.labelKey(), get(a, Membership::medication),
                get(b, Membership::medication));
        enumValue(out, PersonField.DISABILITY_KIND.labelKey(), get(a, Membership::disabilityKind),
                get(b, Membership::disabilityKind));
        add(out, PersonField.DISABILITY_GRADE.labelKey(), number(get(a, Membership::disabilityGrade)),
                number(get(b, Membership::disabilityGrade)));
        // A disability certificate number is usually the holder's ID number with two more digits.
        String certA = get(a, Membership::disabilityCertificate);
        String certB = get(b, Membership::disabilityCertificate);
        if (!Objects.equals(blankToNull(certA), blankToNull(certB))) {
            out.add(new FieldChange(PersonField.DISABILITY_CERTIFICATE.labelKey(), maskOrNull(certA, IdNumber::mask),
                    maskOrNull(certB, IdNumber::mask)));
        }
        textOf(out, PersonField.OTHER_TEXT, a, b, Membership::otherText);
    }

    private static void text(List<FieldChange> out, PersonField field, PersonDraft a, PersonDraft b,
            Function<PersonDraft, String> getter) {
        addText(out, field.labelKey(), a == null ? null : getter.apply(a), getter.apply(b));
    }

    private static void textOf(List<FieldChange> out, PersonField field, Membership a, Membership b,
            Function<Membership, String> getter) {
        addText(out, field.labelKey(), get(a, getter), get(b, getter));
    }

    /** Compares the real values and records the masked ones: a changed number shows even when its mask is equal. */
    private static void masked(List<FieldChange> out, PersonField field, PersonDraft a, PersonDraft b,
            Function<PersonDraft, String> getter, Function<String, String> mask) {
        String old = a == null ? null : blankToNull(getter.apply(a));
        String now = blankToNull(getter.apply(b));
        if (!Objects.equals(old, now)) {
            out.add(new FieldChange(field.labelKey(), maskOrNull(old, mask), maskOrNull(now, mask)));
        }
    }

    private static void enumValue(List<FieldChange> out, String field, Enum<?> old, Enum<?> now) {
        if (old != now) {
            out.add(FieldChange.ofEnum(field, old, now));
        }
    }

    private static void add(List<FieldChange> out, String field, String old, String now) {
        String o = blankToNull(old);
        String n = blankToNull(now);
        if (!Objects.equals(o, n)) {
            out.add(new FieldChange(field, o, n));
        }
    }

    /** Compares whole texts and records them shortened: a change past the limit still shows. */
    private static void addText(List<FieldChange> out, String field, String old, String now) {
        String o = blankToNull(old);
        String n = blankToNull(now);
        if (!Objects.equals(o, n)) {
            out.add(new FieldChange(field, clip(o), clip(n)));
        }
    }

    private static <T> T get(Membership m, Function<Membership, T> getter) {
        return m == null ? null : getter.apply(m);
    }

    private static String date(Membership m, Function<Membership, LocalDate> getter) {
        return date(get(m, getter));
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String number(Integer n) {
        return n == null ? null : n.toString();
    }

    private static String maskOrNull(String s, Function<String, String> mask) {
        return blankToNull(s) == null ? null : mask.apply(s);
    }

    private static String clip(String s) {
        return AuditEvent.clip(s, TEXT_LIMIT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
