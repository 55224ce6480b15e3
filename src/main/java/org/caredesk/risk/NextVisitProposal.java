package org.caredesk.risk;

import java.time.LocalDate;
import java.util.UUID;
import org.caredesk.common.RiskColour;

/**
 * What the rules propose for a person after a visit with the given part: the colour the person would have and the
 * next visit (and, for a drug user in the programme, the next urine test; null otherwise).
 */
public record NextVisitProposal(UUID personId, RiskColour colourAfter, LocalDate nextVisit, LocalDate nextUrineTest) {}
