package org.caredesk.risk.data;

import static org.caredesk.db.generated.Tables.ASSESSMENT;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.caredesk.common.RiskColour;
import org.caredesk.db.generated.tables.records.AssessmentRecord;
import org.caredesk.risk.Assessment;
import org.caredesk.risk.AssessmentDraft;
import org.caredesk.risk.AssessmentItem;
import org.jooq.DSLContext;

/** SQL for structured risk assessments. */
public final class AssessmentRepository {

    public void insert(DSLContext dsl, Assessment a) {
        record(dsl, a).insert();
    }

    public void insertAll(DSLContext dsl, List<Assessment> assessments) {
        List<AssessmentRecord> records = new ArrayList<>(assessments.size());
        for (Assessment a : assessments) {
            records.add(record(dsl, a));
        }
        if (!records.isEmpty()) {
            dsl.batchInsert(records).execute();
        }
    }

    /** A person's assessments, newest first (by date, then by when they were recorded). */
    public List<Assessment> forPerson(DSLContext dsl, UUID personId, int limit) {
        return dsl.selectFrom(ASSESSMENT).where(ASSESSMENT.PERSON_ID.eq(personId))
                .orderBy(ASSESSMENT.ASSESSED_ON.desc(), ASSESSMENT.RECORDED_AT.desc(), ASSESSMENT.ID.desc())
                .limit(limit).fetch(AssessmentRepository::toAssessment);
    }

    public Optional<Assessment> latest(DSLContext dsl, UUID personId) {
        List<Assessment> one = forPerson(dsl, personId, 1);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    private static AssessmentRecord record(DSLContext dsl, Assessment a) {
        Map<AssessmentItem, Integer> s = a.data().scores();
        AssessmentRecord r = dsl.newRecord(ASSESSMENT);
        r.setId(a.id());
        r.setPersonId(a.data().personId());
        r.setAssessedOn(a.data().assessedOn());
        r.setConflicts(s.get(AssessmentItem.CONFLICTS));
        r.setEmployment(s.get(AssessmentItem.EMPLOYMENT));
        r.setFamilySupport(s.get(AssessmentItem.FAMILY_SUPPORT));
        r.setSubstanceUse(s.get(AssessmentItem.SUBSTANCE_USE));
        r.setMentalState(s.get(AssessmentItem.MENTAL_STATE));
        r.setTotal(a.total());
        r.setColour(a.colour().name());
        r.setNote(a.data().note());
        r.setAssessedBy(a.assessedBy());
        r.setRecordedAt(a.recordedAt());
        return r;
    }

    private static Assessment toAssessment(AssessmentRecord r) {
        Map<AssessmentItem, Integer> s = new EnumMap<>(AssessmentItem.class);
        s.put(AssessmentItem.CONFLICTS, r.getConflicts());
        s.put(AssessmentItem.EMPLOYMENT, r.getEmployment());
        s.put(AssessmentItem.FAMILY_SUPPORT, r.getFamilySupport());
        s.put(AssessmentItem.SUBSTANCE_USE, r.getSubstanceUse());
        s.put(AssessmentItem.MENTAL_STATE, r.getMentalState());
        return new Assessment(r.getId(), new AssessmentDraft(r.getPersonId(), r.getAssessedOn(), s, r.getNote()),
                r.getTotal(), RiskColour.valueOf(r.getColour()), r.getAssessedBy(), r.getRecordedAt());
    }
}
