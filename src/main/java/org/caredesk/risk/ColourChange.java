package org.caredesk.risk;

import java.time.LocalDateTime;
import java.util.UUID;
import org.caredesk.common.RiskColour;

/**
 * One entry of a person's colour timeline: when, from what to what, what caused it, the deciding factor and its
 * detail, and who. {@code from} is null for the first colour a person was given.
 *
 * @param detail the factor's value: a risk level, a correction level's name, a test date, an assessment total, the
 *               caseworker's reason for an override, an incident type's name; may be null
 */
public record ColourChange(
        UUID id,
        UUID personId,
        LocalDateTime changedAt,
        RiskColour from,
        RiskColour to,
        ColourSource source,
        ColourReason reason,
        String detail,
        String changedBy) implements ColourExplained {}
