package org.caredesk.risk;

/** The numbers of the visit and colour rules, kept as settings with the data. */
public interface RiskSettingsService {

    /** The stored numbers; a missing or unreadable one is its default. */
    RiskSettings load();

    /**
     * Saves the numbers; needs {@code SETTINGS_MANAGE}. Values out of range are refused with one sentence per field.
     * People's colours and due dates follow the new numbers as they are next recomputed.
     */
    void save(RiskSettings settings);
}
