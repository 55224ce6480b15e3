package org.caredesk.risk;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Structured risk assessments (风险评估). Saving needs {@code VISITS_WRITE}, reading {@code VISITS_READ}. A saved
 * assessment recomputes the person's colour in the same transaction (timeline source {@code ASSESSMENT}).
 */
public interface AssessmentService {

    /** The total and colour of a set of answers, without saving (for the form). Unanswered items count 0. */
    AssessmentScore score(Map<AssessmentItem, Integer> scores);

    Assessment save(AssessmentDraft draft);

    /** A person's assessments, newest first. */
    List<Assessment> history(UUID personId);

    Optional<Assessment> latest(UUID personId);
}
