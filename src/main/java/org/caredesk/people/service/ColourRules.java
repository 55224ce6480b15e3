package org.caredesk.people.service;

import java.util.List;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Membership;

/**
 * The default three-colour mapping of DOMAIN.md: severe mental disorder level 0 green, 1–2 yellow, 3–5 red;
 * correction 严管 red, 普管 yellow, 宽管 green. The other populations take their colour from the latest risk
 * assessment, which the visits area adds; until one exists they count as green. A person in several populations
 * gets the most serious colour.
 */
public final class ColourRules {
    private ColourRules() {}

    public static RiskColour defaultColour(List<Membership> memberships) {
        RiskColour colour = RiskColour.GREEN;
        for (Membership m : memberships) {
            colour = colour.max(colourOf(m));
        }
        return colour;
    }

    static RiskColour colourOf(Membership m) {
        switch (m.category()) {
            case MENTAL_DISORDER:
                Integer level = m.mentalRiskLevel();
                if (level == null || level == 0) {
                    return RiskColour.GREEN;
                }
                return level >= 3 ? RiskColour.RED : RiskColour.YELLOW;
            case CORRECTION:
                if (m.correctionLevel() == null) {
                    return RiskColour.GREEN;
                }
                switch (m.correctionLevel()) {
                    case STRICT:
                        return RiskColour.RED;
                    case NORMAL:
                        return RiskColour.YELLOW;
                    default:
                        return RiskColour.GREEN;
                }
            default:
                return RiskColour.GREEN;
        }
    }
}
