package org.caredesk.audit;

import java.util.Objects;
import org.caredesk.common.I18n;

/**
 * One field's old and new value in a recorded change. The field is named by the i18n key of its label
 * ({@code field.PHONE1}), so the history reads in the language of the reader. Values are text as recorded (dates
 * ISO, numbers plain, ID and phone numbers already masked); when {@code valuesAreKeys}, both values are i18n keys
 * of enum labels ({@code enum.Diagnosis.SCHIZOPHRENIA}) and are translated when shown.
 *
 * @param oldValue null when the field was empty (or did not exist, e.g. a new file)
 * @param newValue null when the field was emptied
 */
public record FieldChange(String field, String oldValue, String newValue, boolean valuesAreKeys) {

    public FieldChange {
        Objects.requireNonNull(field, "field");
    }

    /** A change of a text, date or number field. */
    public FieldChange(String field, String oldValue, String newValue) {
        this(field, oldValue, newValue, false);
    }

    /** A change of an enum field, recorded by its label keys. */
    public static FieldChange ofEnum(String field, Enum<?> oldValue, Enum<?> newValue) {
        return new FieldChange(field, oldValue == null ? null : I18n.enumKey(oldValue),
                newValue == null ? null : I18n.enumKey(newValue), true);
    }

    /** The field's label in the current language. */
    public String fieldLabel() {
        return I18n.get(field);
    }

    /** The old value as shown; empty when there was none. */
    public String oldText() {
        return shown(oldValue);
    }

    /** The new value as shown; empty when there is none. */
    public String newText() {
        return shown(newValue);
    }

    private String shown(String value) {
        if (value == null) {
            return "";
        }
        return valuesAreKeys ? I18n.get(value) : value;
    }
}
