package org.caredesk.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.caredesk.common.RiskColour;

/**
 * A person's colour, its timeline and the caseworker's override. Reading needs {@code VISITS_READ}; setting,
 * renewing and clearing an override {@code COLOUR_OVERRIDE}. Every colour change is written to the timeline with
 * its source, reason and user, and to the audit log, in the same transaction.
 */
public interface ColourService {

    ColourState current(UUID personId);

    /** Every colour change of a person, oldest first. */
    List<ColourChange> timeline(UUID personId);

    Optional<ColourOverride> activeOverride(UUID personId);

    /** The expiry an override set today gets unless another is given. */
    LocalDate defaultOverrideExpiry();

    /**
     * Overrides a person's colour with a reason (required).
     *
     * @param expiresOn the last day it applies; null for the default ({@link RiskSettings#overrideDays()} from
     *                  today); not in the past
     */
    ColourOverride setOverride(UUID personId, RiskColour colour, String reason, LocalDate expiresOn);

    /** Extends the active override to {@code expiresOn} (null: the default from today). */
    ColourOverride renewOverride(UUID personId, LocalDate expiresOn);

    /** Ends the active override; the rules' colour applies again. */
    void clearOverride(UUID personId);

    /**
     * Applies what time changes by itself: overrides past their last day expire (source {@code OVERRIDE_EXPIRED})
     * and a positive urine test older than the set months stops making a drug user red. Recorded as the system.
     * Cheap when nothing is due (one indexed look-up); the work list runs it before it reads.
     *
     * @return how many people's colours were recomputed
     */
    int reviewDue();
}
