package org.caredesk.people;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.caredesk.common.I18n;

/**
 * 资料待补: the category details a person may be registered without because the office does not know them yet (a
 * roster with only 姓名, 证件号码, 人员类别; papers from the prison, the court or the hospital still to come). Derived
 * from the empty detail columns, never stored: before this rule these fields were required, so an empty one means
 * exactly "not known yet" (docs/decisions/0027). Only the fields listed here may be empty; 其他类别说明 stays
 * required, since it is the caseworker's own words for why the person is followed and is never "to come".
 */
public final class MissingDetails {
    private static final Map<Category, List<PersonField>> PENDING;

    static {
        Map<Category, List<PersonField>> m = new EnumMap<>(Category.class);
        m.put(Category.RELEASED_PRISONER, List.of(PersonField.RELEASE_DATE));
        m.put(Category.DRUG_USER, List.of(PersonField.DRUG_PROGRAMME, PersonField.DRUG_START_DATE));
        m.put(Category.CORRECTION, List.of(PersonField.CORRECTION_TYPE, PersonField.CORRECTION_START,
                PersonField.CORRECTION_END, PersonField.CORRECTION_LEVEL));
        m.put(Category.MENTAL_DISORDER, List.of(PersonField.DIAGNOSIS, PersonField.MENTAL_RISK_LEVEL));
        m.put(Category.DISABLED, List.of(PersonField.DISABILITY_KIND));
        PENDING = Collections.unmodifiableMap(m);
    }

    private MissingDetails() {}

    /** Per category, the details that may wait; what the repositories turn into SQL. */
    public static Map<Category, List<PersonField>> pending() {
        return PENDING;
    }

    /** True when {@code field} may stay empty until known (the validator does not require it). */
    public static boolean mayWait(PersonField field) {
        return PENDING.values().stream().anyMatch(l -> l.contains(field));
    }

    /** The details of one membership still to be filled in, in the form's order; empty when complete. */
    public static List<PersonField> of(Membership m) {
        List<PersonField> missing = new ArrayList<>(0);
        for (PersonField f : PENDING.getOrDefault(m.category(), List.of())) {
            if (value(m, f) == null) {
                missing.add(f);
            }
        }
        return missing;
    }

    /** The details of all memberships still to be filled in, by category order. */
    public static List<PersonField> of(List<Membership> memberships) {
        List<PersonField> missing = new ArrayList<>(0);
        memberships.stream().sorted(java.util.Comparator.comparing(Membership::category))
                .forEach(m -> missing.addAll(of(m)));
        return missing;
    }

    /** "释放日期、危险性等级" in the current language; empty for none. */
    public static String labels(List<PersonField> fields) {
        return fields.stream().map(f -> I18n.get(f.labelKey()))
                .collect(Collectors.joining(I18n.get("people.listSeparator")));
    }

    /** "资料待补：释放日期、危险性等级" for the form and the lists; empty when nothing is missing. */
    public static String note(List<Membership> memberships) {
        List<PersonField> missing = of(memberships);
        return missing.isEmpty() ? "" : I18n.get("missingDetails.note", labels(missing));
    }

    private static Object value(Membership m, PersonField f) {
        switch (f) {
            case RELEASE_DATE:
                return m.releaseDate();
            case DRUG_PROGRAMME:
                return m.drugProgramme();
            case DRUG_START_DATE:
                return m.drugStartDate();
            case CORRECTION_TYPE:
                return m.correctionType();
            case CORRECTION_START:
                return m.correctionStart();
            case CORRECTION_END:
                return m.correctionEnd();
            case CORRECTION_LEVEL:
                return m.correctionLevel();
            case DIAGNOSIS:
                return m.diagnosis();
            case MENTAL_RISK_LEVEL:
                return m.mentalRiskLevel();
            case DISABILITY_KIND:
                return m.disabilityKind();
            default:
                throw new IllegalArgumentException(f.name());
        }
    }
}
