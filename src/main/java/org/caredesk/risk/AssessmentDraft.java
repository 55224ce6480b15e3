package org.caredesk.risk;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * A structured risk assessment as the form gives it: a score (0 to {@link AssessmentItem#MAX_SCORE}) for every
 * {@link AssessmentItem}.
 *
 * @param assessedOn not later than today
 * @param note       optional, at most 500 characters
 */
public record AssessmentDraft(UUID personId, LocalDate assessedOn, Map<AssessmentItem, Integer> scores, String note) {
    public AssessmentDraft {
        scores = scores == null || scores.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(scores));
    }

    /** The sum of the scores given. */
    public int total() {
        return scores.values().stream().mapToInt(i -> i == null ? 0 : i).sum();
    }
}
