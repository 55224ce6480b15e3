package org.caredesk.risk;

import java.util.Objects;
import org.caredesk.common.RiskColour;
import org.caredesk.people.service.ColourRules;

/**
 * The numbers of the visit, colour and warning rules, each a setting (table {@code app_setting}) with the default
 * of DOMAIN.md. Changing one applies to what is saved or recomputed afterwards.
 *
 * @param redDays              visit a red person at least this often (days)
 * @param yellowDays           visit a yellow person at least this often (days)
 * @param greenDays            visit a green person at least this often (days)
 * @param mentalMaxMonths      a mental-disorder patient is visited at least this often (months), whatever the colour
 * @param unstableMentalLevel  the lowest mental risk level that counts as unstable
 * @param unstableMentalDays   an unstable mental-disorder patient is visited within this many days
 * @param urineMonthsYear1     months between urine tests in the first year of the drug programme
 * @param urineMonthsYear2     ... in the second year
 * @param urineMonthsYear3     ... in the third year
 * @param positiveUrineMonths  a positive urine test makes a drug user red for this many months
 * @param termWarnDays         legal terms are warned about this many days before they end
 * @param overrideDays         a colour override expires after this many days unless renewed
 * @param incidentHours        an incident must be completed within this many hours
 * @param assessmentYellowFrom the lowest assessment total that is yellow
 * @param assessmentRedFrom    the lowest assessment total that is red
 * @param mapping              the registry's colour mapping (mental risk levels, correction levels)
 */
public record RiskSettings(
        int redDays, int yellowDays, int greenDays,
        int mentalMaxMonths, int unstableMentalLevel, int unstableMentalDays,
        int urineMonthsYear1, int urineMonthsYear2, int urineMonthsYear3,
        int positiveUrineMonths,
        int termWarnDays,
        int overrideDays,
        int incidentHours,
        int assessmentYellowFrom, int assessmentRedFrom,
        ColourRules.Mapping mapping) {

    public static final RiskSettings DEFAULTS = new RiskSettings(7, 14, 30, 3, 3, 14, 1, 2, 3, 6, 30, 90, 24, 4, 7,
            ColourRules.Mapping.DEFAULTS);

    public RiskSettings {
        Objects.requireNonNull(mapping, "mapping");
    }

    /** The visit interval of a colour, in days. */
    public int visitDays(RiskColour colour) {
        switch (colour) {
            case RED:
                return redDays;
            case YELLOW:
                return yellowDays;
            default:
                return greenDays;
        }
    }

    /** The colour an assessment total gives. */
    public RiskColour assessmentColour(int total) {
        if (total >= assessmentRedFrom) {
            return RiskColour.RED;
        }
        return total >= assessmentYellowFrom ? RiskColour.YELLOW : RiskColour.GREEN;
    }

    /** Months between urine tests in a year (1, 2, 3) of the programme; 0 after the third year (no more tests). */
    public int urineMonths(int programmeYear) {
        switch (programmeYear) {
            case 1:
                return urineMonthsYear1;
            case 2:
                return urineMonthsYear2;
            case 3:
                return urineMonthsYear3;
            default:
                return 0;
        }
    }
}
