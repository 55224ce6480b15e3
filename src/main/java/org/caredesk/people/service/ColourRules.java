package org.caredesk.people.service;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.Membership;

/**
 * The default three-colour mapping of DOMAIN.md: severe mental disorder level 0 green, 1–2 yellow, 3–5 red;
 * correction 严管 red, 普管 yellow, 宽管 green. The other populations take their colour from the latest risk
 * assessment, which the visits area adds (it combines this mapping with visits, urine tests, assessments,
 * overrides and incidents); from the registry alone they count as green. A person in several populations gets the
 * most serious colour.
 */
public final class ColourRules {
    private ColourRules() {}

    /**
     * The registry's part of the mapping, a setting with DOMAIN.md's defaults.
     *
     * @param mentalYellowFrom the lowest mental-disorder risk level that is yellow
     * @param mentalRedFrom    the lowest mental-disorder risk level that is red
     * @param correction       the colour of each correction level
     */
    public record Mapping(int mentalYellowFrom, int mentalRedFrom, Map<CorrectionLevel, RiskColour> correction) {
        public static final Mapping DEFAULTS = new Mapping(1, 3, Map.of(CorrectionLevel.STRICT, RiskColour.RED,
                CorrectionLevel.NORMAL, RiskColour.YELLOW, CorrectionLevel.LENIENT, RiskColour.GREEN));

        public Mapping {
            Map<CorrectionLevel, RiskColour> copy = new EnumMap<>(CorrectionLevel.class);
            for (CorrectionLevel l : CorrectionLevel.values()) {
                copy.put(l, Objects.requireNonNull(correction.get(l), () -> "no colour for " + l));
            }
            correction = Map.copyOf(copy);
        }

        /** The colour of a mental-disorder risk level (0–5). */
        public RiskColour mentalColour(int level) {
            if (level >= mentalRedFrom) {
                return RiskColour.RED;
            }
            return level >= mentalYellowFrom ? RiskColour.YELLOW : RiskColour.GREEN;
        }

        public RiskColour correctionColour(CorrectionLevel level) {
            return level == null ? RiskColour.GREEN : correction.get(level);
        }
    }

    public static RiskColour defaultColour(List<Membership> memberships) {
        return defaultColour(memberships, Mapping.DEFAULTS);
    }

    /** The most serious colour the registry's own data gives, under a mapping. */
    public static RiskColour defaultColour(List<Membership> memberships, Mapping mapping) {
        RiskColour colour = RiskColour.GREEN;
        for (Membership m : memberships) {
            colour = colour.max(colourOf(m, mapping));
        }
        return colour;
    }

    /** One membership's colour from the registry's data; green for the populations without a rule of their own. */
    public static RiskColour colourOf(Membership m, Mapping mapping) {
        switch (m.category()) {
            case MENTAL_DISORDER:
                Integer level = m.mentalRiskLevel();
                return level == null ? RiskColour.GREEN : mapping.mentalColour(level);
            case CORRECTION:
                return mapping.correctionColour(m.correctionLevel());
            default:
                return RiskColour.GREEN;
        }
    }
}
