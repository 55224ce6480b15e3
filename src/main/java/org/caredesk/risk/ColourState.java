package org.caredesk.risk;

import java.time.LocalDateTime;
import java.util.UUID;
import org.caredesk.common.RiskColour;

/**
 * A person's colour now and why: the source of the last change, the deciding factor and its detail, since when,
 * and the active override, if any (null otherwise).
 */
public record ColourState(
        UUID personId,
        RiskColour colour,
        ColourSource source,
        ColourReason reason,
        String detail,
        LocalDateTime since,
        ColourOverride override) implements ColourExplained {

    /** The colour is a caseworker's override, to be shown as such. */
    public boolean overridden() {
        return reason == ColourReason.OVERRIDE;
    }
}
