package org.caredesk.risk;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.caredesk.common.RiskColour;

/**
 * A caseworker's colour for a person, with a reason, replacing the rules' colour until it expires (after
 * {@link RiskSettings#overrideDays()} by default) unless renewed, or until it is cleared.
 *
 * @param expiresOn the last day it applies
 * @param updatedAt when it was set or last renewed
 * @param endedAt   when it stopped applying (cleared or expired); null while it may still apply
 */
public record ColourOverride(
        UUID id,
        UUID personId,
        RiskColour colour,
        String reason,
        LocalDate expiresOn,
        String setBy,
        LocalDateTime setAt,
        LocalDateTime updatedAt,
        LocalDateTime endedAt,
        String endedBy,
        OverrideEnd endKind) {

    /** Applies on {@code today}: not ended and not past its last day. */
    public boolean activeOn(LocalDate today) {
        return endedAt == null && !today.isAfter(expiresOn);
    }
}
