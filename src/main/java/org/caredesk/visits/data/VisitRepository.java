package org.caredesk.visits.data;

import static org.caredesk.db.generated.Tables.PERSON;
import static org.caredesk.db.generated.Tables.VISIT;
import static org.caredesk.db.generated.Tables.VISIT_MONTH;
import static org.caredesk.db.generated.Tables.VISIT_NEED;
import static org.caredesk.db.generated.Tables.VISIT_PERSON;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.caredesk.db.TextOrder;
import org.caredesk.db.generated.tables.records.VisitPersonRecord;
import org.caredesk.db.generated.tables.records.VisitRecord;
import org.caredesk.people.Enums.Medication;
import org.caredesk.people.Page;
import org.caredesk.visits.Insight;
import org.caredesk.visits.Need;
import org.caredesk.common.UrineResult;
import org.caredesk.visits.Visit;
import org.caredesk.visits.VisitDraft;
import org.caredesk.visits.VisitPerson;
import org.caredesk.visits.VisitType;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;

/** SQL for visits, their needs and their per-person parts. */
public final class VisitRepository {

    public void insert(DSLContext dsl, Visit v) {
        insertAll(dsl, List.of(v));
    }

    /**
     * Many visits in one batch per table (the demo and generated data): one statement per table, rendered once,
     * with a set of bind values per row.
     */
    public void insertAll(DSLContext dsl, List<Visit> visits) {
        BatchBindStep rows = dsl.batch(dsl.insertInto(VISIT, VISIT.ID, VISIT.VISITED_AT, VISIT.VISIT_TYPE, VISIT.STAFF,
                VISIT.VOLUNTEERS, VISIT.FINDINGS, VISIT.HELP_GIVEN, VISIT.FOLLOW_UP_PLAN, VISIT.RECORDED_BY,
                VISIT.RECORDED_AT).values((UUID) null, null, null, null, null, null, null, null, null, null));
        BatchBindStep needs = dsl.batch(dsl.insertInto(VISIT_NEED, VISIT_NEED.VISIT_ID, VISIT_NEED.NEED)
                .values((UUID) null, null));
        BatchBindStep parts = dsl.batch(dsl.insertInto(VISIT_PERSON, VISIT_PERSON.VISIT_ID, VISIT_PERSON.PERSON_ID,
                VISIT_PERSON.VISIT_DATE, VISIT_PERSON.URINE_RESULT, VISIT_PERSON.URINE_DATE,
                VISIT_PERSON.MENTAL_RISK_LEVEL, VISIT_PERSON.MENTAL_SYMPTOMS, VISIT_PERSON.MENTAL_INSIGHT,
                VISIT_PERSON.MENTAL_MEDICATION, VISIT_PERSON.MENTAL_CONSENT, VISIT_PERSON.NEXT_VISIT_DATE)
                .values((UUID) null, null, null, null, null, null, null, null, null, null, null));
        int needCount = 0;
        for (Visit v : visits) {
            VisitDraft d = v.data();
            rows.bind(v.id(), d.visitedAt(), d.type().name(), d.staff(), d.volunteers(), d.findings(), d.helpGiven(),
                    d.followUpPlan(), v.recordedBy(), v.recordedAt());
            for (Need n : d.needs()) {
                needs.bind(v.id(), n.name());
                needCount++;
            }
            LocalDate date = d.visitedAt().toLocalDate();
            for (VisitPerson p : d.people()) {
                parts.bind(v.id(), p.personId(), date, name(p.urineResult()), p.urineDate(), p.mentalRiskLevel(),
                        p.symptoms(), name(p.insight()), name(p.medication()), p.consentOnFile(), p.nextVisitDate());
            }
        }
        if (visits.isEmpty()) {
            return;
        }
        rows.execute();
        if (needCount > 0) {
            needs.execute();
        }
        parts.execute();
        countByMonth(dsl, visits);
    }

    /** Adds the person-visits to the board's monthly counters, in the same transaction as the visits. */
    private static void countByMonth(DSLContext dsl, List<Visit> visits) {
        Map<LocalDate, Integer> months = new TreeMap<>();
        for (Visit v : visits) {
            months.merge(v.data().visitedAt().toLocalDate().withDayOfMonth(1), v.data().people().size(),
                    Integer::sum);
        }
        months.forEach((month, n) -> {
            int updated = dsl.update(VISIT_MONTH).set(VISIT_MONTH.PERSON_VISITS, VISIT_MONTH.PERSON_VISITS.plus(n))
                    .where(VISIT_MONTH.MONTH_START.eq(month)).execute();
            if (updated == 0) {
                dsl.insertInto(VISIT_MONTH, VISIT_MONTH.MONTH_START, VISIT_MONTH.PERSON_VISITS).values(month, n)
                        .execute();
            }
        });
    }

    /** Stores the next visit the rules proposed for a part saved without one. */
    public void setNextVisit(DSLContext dsl, UUID visitId, UUID personId, LocalDate date) {
        dsl.update(VISIT_PERSON).set(VISIT_PERSON.NEXT_VISIT_DATE, date).where(VISIT_PERSON.VISIT_ID.eq(visitId))
                .and(VISIT_PERSON.PERSON_ID.eq(personId)).execute();
    }

    public Optional<Visit> find(DSLContext dsl, UUID visitId) {
        List<Visit> found = load(dsl, List.of(visitId));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** A person's visits, newest first, through the (person_id, visit_date) index. */
    public Page<Visit> history(DSLContext dsl, UUID personId, int offset, int limit) {
        int total = dsl.fetchCount(VISIT_PERSON, VISIT_PERSON.PERSON_ID.eq(personId));
        List<UUID> ids = historyIds(dsl, personId, offset, limit).fetch(VISIT_PERSON.VISIT_ID);
        return new Page<>(load(dsl, ids), offset, total);
    }

    private static Select<Record1<UUID>> historyIds(DSLContext dsl, UUID personId, int offset, int limit) {
        return dsl.select(VISIT_PERSON.VISIT_ID).from(VISIT_PERSON).where(VISIT_PERSON.PERSON_ID.eq(personId))
                .orderBy(VISIT_PERSON.VISIT_DATE.desc(), VISIT_PERSON.VISIT_ID.desc()).limit(limit).offset(offset);
    }

    /** The plan of a person's history page (the benchmark prints it): a range of (person_id, visit_date). */
    public String historyPlan(DSLContext dsl, UUID personId) {
        return dsl.explain(historyIds(dsl, personId, 0, 50)).plan();
    }

    /** The visits with these keys, in the order given, each with its needs and parts. */
    private List<Visit> load(DSLContext dsl, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, VisitRecord> rows = new HashMap<>();
        dsl.selectFrom(VISIT).where(VISIT.ID.in(ids)).forEach(r -> rows.put(r.getId(), r));
        Map<UUID, Set<Need>> needs = new HashMap<>();
        dsl.selectFrom(VISIT_NEED).where(VISIT_NEED.VISIT_ID.in(ids)).forEach(r -> needs
                .computeIfAbsent(r.getVisitId(), k -> EnumSet.noneOf(Need.class)).add(Need.valueOf(r.getNeed())));
        Map<UUID, List<VisitPerson>> parts = new LinkedHashMap<>();
        for (Record r : dsl.select(VISIT_PERSON.fields()).select(PERSON.NAME).from(VISIT_PERSON).join(PERSON)
                .on(PERSON.ID.eq(VISIT_PERSON.PERSON_ID)).where(VISIT_PERSON.VISIT_ID.in(ids))
                .orderBy(TextOrder.binary(PERSON.NAME_PINYIN), PERSON.ID).fetch()) {
            VisitPersonRecord p = r.into(VISIT_PERSON);
            parts.computeIfAbsent(p.getVisitId(), k -> new ArrayList<>()).add(new VisitPerson(p.getPersonId(),
                    r.get(PERSON.NAME), value(UrineResult.class, p.getUrineResult()), p.getUrineDate(),
                    p.getMentalRiskLevel(), p.getMentalSymptoms(), value(Insight.class, p.getMentalInsight()),
                    value(Medication.class, p.getMentalMedication()), p.getMentalConsent(), p.getNextVisitDate()));
        }
        List<Visit> visits = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            VisitRecord r = rows.get(id);
            if (r == null) {
                continue;
            }
            VisitDraft d = new VisitDraft(r.getVisitedAt(), VisitType.valueOf(r.getVisitType()), r.getStaff(),
                    r.getVolunteers(), parts.getOrDefault(id, List.of()), needs.getOrDefault(id, Set.of()),
                    r.getFindings(), r.getHelpGiven(), r.getFollowUpPlan());
            visits.add(new Visit(id, d, r.getRecordedBy(), r.getRecordedAt()));
        }
        return visits;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String s) {
        return s == null ? null : Enum.valueOf(type, s);
    }
}
