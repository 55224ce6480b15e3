package org.caredesk.risk;

import java.time.LocalDate;
import org.caredesk.common.UrineResult;

/**
 * What a visit found that the colour rules read: a mental-disorder patient's risk level and consent, a drug user's
 * urine test. The visits room hands these over (see {@code VisitPerson#findings()}), so the rules never read a
 * visit's own records. Null: not assessed at this visit.
 */
public record VisitFindings(Integer mentalRiskLevel, UrineResult urineResult, LocalDate urineDate,
        Boolean consentOnFile) {}
