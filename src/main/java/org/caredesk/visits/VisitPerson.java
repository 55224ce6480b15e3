package org.caredesk.visits;

import java.time.LocalDate;
import java.util.UUID;
import org.caredesk.people.Enums.Medication;
import org.caredesk.common.UrineResult;
import org.caredesk.risk.VisitFindings;

/**
 * One person's part of a visit: who, the parts of their own category (a drug user's urine test; a mental-disorder
 * patient's national follow-up items) and the next visit planned for them. Fields that do not apply stay null; the
 * service refuses a part given for a person outside its category.
 *
 * @param personName      filled in when read; ignored when saving
 * @param urineResult     drug users only
 * @param urineDate       when the sample was taken; needed with a result of {@code NEGATIVE} or {@code POSITIVE}
 * @param mentalRiskLevel mental disorder only: the risk level 0–5 assessed at this visit
 * @param symptoms        mental disorder only: symptoms seen
 * @param insight         mental disorder only: 自知力
 * @param medication      mental disorder only: medication adherence
 * @param consentOnFile   mental disorder only: whether signed consent (知情同意书) is on file
 * @param nextVisitDate   the next visit planned; null: the date the rules propose
 */
public record VisitPerson(
        UUID personId,
        String personName,
        UrineResult urineResult,
        LocalDate urineDate,
        Integer mentalRiskLevel,
        String symptoms,
        Insight insight,
        Medication medication,
        Boolean consentOnFile,
        LocalDate nextVisitDate) {

    /** A person's part with nothing category-specific and the next visit left to the rules. */
    public static VisitPerson of(UUID personId) {
        return new VisitPerson(personId, null, null, null, null, null, null, null, null, null);
    }

    /** What of this part the colour rules read. */
    public VisitFindings findings() {
        return new VisitFindings(mentalRiskLevel, urineResult, urineDate, consentOnFile);
    }

    public VisitPerson withUrine(UrineResult result, LocalDate date) {
        return new VisitPerson(personId, personName, result, date, mentalRiskLevel, symptoms, insight, medication,
                consentOnFile, nextVisitDate);
    }

    public VisitPerson withMental(Integer level, String symptomsSeen, Insight insightSeen, Medication adherence,
            Boolean consent) {
        return new VisitPerson(personId, personName, urineResult, urineDate, level, symptomsSeen, insightSeen,
                adherence, consent, nextVisitDate);
    }

    public VisitPerson withNextVisit(LocalDate date) {
        return new VisitPerson(personId, personName, urineResult, urineDate, mentalRiskLevel, symptoms, insight,
                medication, consentOnFile, date);
    }

    public VisitPerson withName(String name) {
        return new VisitPerson(personId, name, urineResult, urineDate, mentalRiskLevel, symptoms, insight, medication,
                consentOnFile, nextVisitDate);
    }

    /** Whether a drug user's urine part is filled in. */
    public boolean hasUrinePart() {
        return urineResult != null || urineDate != null;
    }

    /** Whether any mental follow-up item is filled in. */
    public boolean hasMentalPart() {
        return mentalRiskLevel != null || (symptoms != null && !symptoms.isBlank()) || insight != null
                || medication != null || consentOnFile != null;
    }
}
