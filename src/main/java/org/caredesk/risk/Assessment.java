package org.caredesk.risk;

import java.time.LocalDateTime;
import java.util.UUID;
import org.caredesk.common.RiskColour;

/** A saved risk assessment with its total and the colour the total gave under the settings of that day. */
public record Assessment(UUID id, AssessmentDraft data, int total, RiskColour colour, String assessedBy,
        LocalDateTime recordedAt) {}
