package org.caredesk.people.ui;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import org.caredesk.common.I18n;
import org.caredesk.people.PersonField;
import org.caredesk.people.PersonNumbers;

/**
 * The person form's numbers as the file was opened: which fields show a mask, whether 显示完整号码 is offered, and
 * the full numbers put in place of the masks the user has not replaced. A field still showing its mask is unchanged
 * and is saved as stored.
 */
final class MaskedNumbers {
    private final Function<PersonField, StringProperty> fields;
    private final ReadOnlyBooleanWrapper masked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canReveal = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper revealing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    /** The masked numbers the file was opened with, by field. */
    private Map<PersonField, String> shown = Map.of();

    /**
     * @param fields the form's property for each number field
     */
    MaskedNumbers(Function<PersonField, StringProperty> fields) {
        this.fields = fields;
    }

    /** A file was opened: remembers its masks; the user may reveal them when {@code mayReveal}. */
    void opened(PersonNumbers numbers, boolean mayReveal) {
        shown = maskedFields(numbers);
        masked.set(!shown.isEmpty());
        canReveal.set(masked.get() && mayReveal);
        note.set(masked.get() ? I18n.get("people.form.numbersMasked") : "");
    }

    /** Whether a number field still shows the mask it was opened with. */
    boolean stillMasked(String field) {
        for (Map.Entry<PersonField, String> e : shown.entrySet()) {
            if (e.getKey().name().equals(field)) {
                return e.getValue().equals(fields.apply(e.getKey()).get().strip());
            }
        }
        return false;
    }

    /** Puts the full numbers into the fields that still show their mask; a number the user typed stays. */
    void revealed(PersonNumbers full) {
        Map<PersonField, String> fullByField = new EnumMap<>(PersonField.class);
        fullByField.put(PersonField.ID_NUMBER, orEmpty(full.idNumber()));
        fullByField.put(PersonField.PHONE1, orEmpty(full.phone1()));
        fullByField.put(PersonField.PHONE2, orEmpty(full.phone2()));
        fullByField.put(PersonField.EMERGENCY_PHONE, orEmpty(full.emergencyPhone()));
        fullByField.put(PersonField.DISABILITY_CERTIFICATE, orEmpty(full.disabilityCertificate()));
        for (Map.Entry<PersonField, String> e : shown.entrySet()) {
            StringProperty field = fields.apply(e.getKey());
            if (e.getValue().equals(field.get().strip())) {
                field.set(fullByField.get(e.getKey()));
            }
        }
        shown = Map.of();
        masked.set(false);
        canReveal.set(false);
        note.set(I18n.get("people.form.numbersRevealed"));
    }

    void revealing(boolean busy) {
        revealing.set(busy);
    }

    boolean isMasked() {
        return masked.get();
    }

    boolean mayRevealNow() {
        return canReveal.get() && !revealing.get();
    }

    private static Map<PersonField, String> maskedFields(PersonNumbers n) {
        Map<PersonField, String> m = new EnumMap<>(PersonField.class);
        putIfMasked(m, PersonField.ID_NUMBER, n.idNumber());
        putIfMasked(m, PersonField.PHONE1, n.phone1());
        putIfMasked(m, PersonField.PHONE2, n.phone2());
        putIfMasked(m, PersonField.EMERGENCY_PHONE, n.emergencyPhone());
        putIfMasked(m, PersonField.DISABILITY_CERTIFICATE, n.disabilityCertificate());
        return m;
    }

    private static void putIfMasked(Map<PersonField, String> m, PersonField field, String value) {
        if (PersonNumbers.isMasked(value)) {
            m.put(field, value);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    ReadOnlyBooleanProperty maskedProperty() {
        return masked.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canRevealProperty() {
        return canReveal.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty revealingProperty() {
        return revealing.getReadOnlyProperty();
    }

    ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
