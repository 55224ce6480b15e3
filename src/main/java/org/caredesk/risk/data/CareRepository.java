package org.caredesk.risk.data;

import static org.caredesk.db.generated.Tables.ASSESSMENT;
import static org.caredesk.db.generated.Tables.COLOUR_CHANGE;
import static org.caredesk.db.generated.Tables.COLOUR_OVERRIDE;
import static org.caredesk.db.generated.Tables.INCIDENT;
import static org.caredesk.db.generated.Tables.INCIDENT_NOTIFIED;
import static org.caredesk.db.generated.Tables.PERSON;
import static org.caredesk.db.generated.Tables.PERSON_SCHEDULE;
import static org.caredesk.db.generated.Tables.PERSON_SEARCH;
import static org.caredesk.db.generated.Tables.VISIT;
import static org.caredesk.db.generated.Tables.VISIT_MONTH;
import static org.caredesk.db.generated.Tables.VISIT_NEED;
import static org.caredesk.db.generated.Tables.VISIT_PERSON;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.caredesk.common.RiskColour;
import org.caredesk.db.generated.tables.records.ColourChangeRecord;
import org.caredesk.db.generated.tables.records.ColourOverrideRecord;
import org.caredesk.db.generated.tables.records.PersonScheduleRecord;
import org.caredesk.risk.ColourChange;
import org.caredesk.risk.ColourOverride;
import org.caredesk.risk.ColourReason;
import org.caredesk.risk.ColourSource;
import org.caredesk.risk.OverrideEnd;
import org.caredesk.common.UrineResult;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * SQL for what the services keep per person: the schedule row, the colour (in {@code person} and
 * {@code person_search} too), the colour timeline and overrides, and the facts from a person's visits that the
 * colour and due dates are computed from.
 */
public final class CareRepository {

    /**
     * Deletes everything the visits area keeps for these people: their visits (a group visit only loses their part,
     * and the board's monthly counts go down with it), assessments, colour timeline and overrides, incidents and
     * schedule rows. Only to take back an interrupted bulk write (docs/decisions/0017).
     */
    public void removePeople(DSLContext dsl, Collection<UUID> ids) {
        Map<LocalDate, Integer> months = new java.util.TreeMap<>();
        List<UUID> visits = new java.util.ArrayList<>();
        dsl.select(VISIT_PERSON.VISIT_ID, VISIT_PERSON.VISIT_DATE).from(VISIT_PERSON)
                .where(VISIT_PERSON.PERSON_ID.in(ids)).forEach(r -> {
                    visits.add(r.value1());
                    months.merge(r.value2().withDayOfMonth(1), 1, Integer::sum);
                });
        dsl.deleteFrom(VISIT_PERSON).where(VISIT_PERSON.PERSON_ID.in(ids)).execute();
        for (int from = 0; from < visits.size(); from += 1_000) {
            List<UUID> some = visits.subList(from, Math.min(visits.size(), from + 1_000));
            var orphan = VISIT.ID.in(some).andNotExists(DSL.selectOne().from(VISIT_PERSON)
                    .where(VISIT_PERSON.VISIT_ID.eq(VISIT.ID)));
            dsl.deleteFrom(VISIT_NEED).where(VISIT_NEED.VISIT_ID.in(DSL.select(VISIT.ID).from(VISIT).where(orphan)))
                    .execute();
            dsl.deleteFrom(VISIT).where(orphan).execute();
        }
        months.forEach((month, n) -> dsl.update(VISIT_MONTH)
                .set(VISIT_MONTH.PERSON_VISITS, VISIT_MONTH.PERSON_VISITS.minus(n))
                .where(VISIT_MONTH.MONTH_START.eq(month)).execute());
        dsl.deleteFrom(ASSESSMENT).where(ASSESSMENT.PERSON_ID.in(ids)).execute();
        dsl.deleteFrom(COLOUR_CHANGE).where(COLOUR_CHANGE.PERSON_ID.in(ids)).execute();
        dsl.deleteFrom(COLOUR_OVERRIDE).where(COLOUR_OVERRIDE.PERSON_ID.in(ids)).execute();
        dsl.deleteFrom(INCIDENT_NOTIFIED).where(INCIDENT_NOTIFIED.INCIDENT_ID.in(
                DSL.select(INCIDENT.ID).from(INCIDENT).where(INCIDENT.PERSON_ID.in(ids)))).execute();
        dsl.deleteFrom(INCIDENT).where(INCIDENT.PERSON_ID.in(ids)).execute();
        dsl.deleteFrom(PERSON_SCHEDULE).where(PERSON_SCHEDULE.PERSON_ID.in(ids)).execute();
    }

    /** A person's row of {@code person_schedule}. */
    public record Schedule(
            UUID personId,
            boolean active,
            String building,
            String responsibleStaff,
            RiskColour colour,
            ColourSource source,
            ColourReason reason,
            String detail,
            LocalDateTime since,
            LocalDate reviewOn,
            LocalDate lastVisit,
            LocalDate nextVisitDue,
            LocalDate nextUrineDue,
            LocalDate nextDue,
            boolean consentMissing,
            int categories) {}

    /**
     * What a person's visits say, newest first where it matters.
     *
     * @param lastVisit         the latest visit's date; null when never visited
     * @param plannedNext       the next visit planned at that visit
     * @param mentalLevel       the risk level of the latest visit that assessed one
     * @param lastUrineTest     the latest negative or positive test's date
     * @param lastPositiveUrine the latest positive test's date
     * @param consent           whether consent was on file at the latest visit that said; null when none did
     */
    public record VisitFacts(LocalDate lastVisit, LocalDate plannedNext, Integer mentalLevel, LocalDate lastUrineTest,
            LocalDate lastPositiveUrine, Boolean consent) {
        public static final VisitFacts NONE = new VisitFacts(null, null, null, null, null, null);
    }

    public Optional<Schedule> schedule(DSLContext dsl, UUID personId) {
        return dsl.selectFrom(PERSON_SCHEDULE).where(PERSON_SCHEDULE.PERSON_ID.eq(personId))
                .fetchOptional(CareRepository::toSchedule);
    }

    /** Several people's rows at once. */
    public Map<UUID, Schedule> schedules(DSLContext dsl, Collection<UUID> personIds) {
        Map<UUID, Schedule> map = new HashMap<>();
        dsl.selectFrom(PERSON_SCHEDULE).where(PERSON_SCHEDULE.PERSON_ID.in(personIds))
                .forEach(r -> map.put(r.getPersonId(), toSchedule(r)));
        return map;
    }

    /** Active people never visited, a page of them in key order (what generated visits are added to). */
    public List<UUID> neverVisited(DSLContext dsl, UUID after, int limit) {
        return dsl.select(PERSON_SCHEDULE.PERSON_ID).from(PERSON_SCHEDULE).where(PERSON_SCHEDULE.ACTIVE.isTrue())
                .and(PERSON_SCHEDULE.LAST_VISIT_DATE.isNull())
                .and(after == null ? DSL.noCondition() : PERSON_SCHEDULE.PERSON_ID.gt(after))
                .orderBy(PERSON_SCHEDULE.PERSON_ID).limit(limit).fetch(PERSON_SCHEDULE.PERSON_ID);
    }

    /** Writes a person's schedule row, inserting it when there is none yet. */
    public void saveSchedule(DSLContext dsl, Schedule s) {
        PersonScheduleRecord r = record(dsl, s);
        r.changed(PERSON_SCHEDULE.PERSON_ID, false);
        int n = dsl.update(PERSON_SCHEDULE).set(r).where(PERSON_SCHEDULE.PERSON_ID.eq(s.personId())).execute();
        if (n == 0) {
            record(dsl, s).insert();
        }
    }

    /** New rows in one batch (registration of many people): one statement, a set of bind values per row. */
    public void insertSchedules(DSLContext dsl, List<Schedule> rows) {
        if (rows.isEmpty()) {
            return;
        }
        BatchBindStep batch = dsl.batch(dsl.insertInto(PERSON_SCHEDULE, PERSON_SCHEDULE.ACTIVE,
                PERSON_SCHEDULE.BUILDING, PERSON_SCHEDULE.RESPONSIBLE_STAFF, PERSON_SCHEDULE.COLOUR,
                PERSON_SCHEDULE.COLOUR_SOURCE, PERSON_SCHEDULE.COLOUR_REASON, PERSON_SCHEDULE.COLOUR_DETAIL,
                PERSON_SCHEDULE.COLOUR_SINCE, PERSON_SCHEDULE.COLOUR_REVIEW_ON, PERSON_SCHEDULE.LAST_VISIT_DATE,
                PERSON_SCHEDULE.NEXT_VISIT_DUE, PERSON_SCHEDULE.NEXT_URINE_DUE, PERSON_SCHEDULE.NEXT_DUE,
                PERSON_SCHEDULE.CONSENT_MISSING, PERSON_SCHEDULE.CATEGORIES, PERSON_SCHEDULE.PERSON_ID)
                .values((Boolean) null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null));
        for (Schedule s : rows) {
            batch.bind(values(s));
        }
        batch.execute();
    }

    /** Rewrites existing rows in one batch (generated data): one statement, a set of bind values per row. */
    public void updateSchedules(DSLContext dsl, List<Schedule> rows) {
        if (rows.isEmpty()) {
            return;
        }
        BatchBindStep batch = dsl.batch(dsl.update(PERSON_SCHEDULE).set(PERSON_SCHEDULE.ACTIVE, (Boolean) null)
                .set(PERSON_SCHEDULE.BUILDING, (String) null).set(PERSON_SCHEDULE.RESPONSIBLE_STAFF, (String) null)
                .set(PERSON_SCHEDULE.COLOUR, (String) null).set(PERSON_SCHEDULE.COLOUR_SOURCE, (String) null)
                .set(PERSON_SCHEDULE.COLOUR_REASON, (String) null).set(PERSON_SCHEDULE.COLOUR_DETAIL, (String) null)
                .set(PERSON_SCHEDULE.COLOUR_SINCE, (LocalDateTime) null)
                .set(PERSON_SCHEDULE.COLOUR_REVIEW_ON, (LocalDate) null)
                .set(PERSON_SCHEDULE.LAST_VISIT_DATE, (LocalDate) null)
                .set(PERSON_SCHEDULE.NEXT_VISIT_DUE, (LocalDate) null)
                .set(PERSON_SCHEDULE.NEXT_URINE_DUE, (LocalDate) null).set(PERSON_SCHEDULE.NEXT_DUE, (LocalDate) null)
                .set(PERSON_SCHEDULE.CONSENT_MISSING, (Boolean) null).set(PERSON_SCHEDULE.CATEGORIES, (Integer) null)
                .where(PERSON_SCHEDULE.PERSON_ID.eq((UUID) null)));
        for (Schedule s : rows) {
            batch.bind(values(s));
        }
        batch.execute();
    }

    /** A row's columns in the order of the batch statements above, the key last. */
    private static Object[] values(Schedule s) {
        return new Object[] {s.active(), s.building(), s.responsibleStaff(), s.colour().name(), s.source().name(),
            s.reason().name(), s.detail(), s.since(), s.reviewOn(), s.lastVisit(), s.nextVisitDue(), s.nextUrineDue(),
            s.nextDue(), s.consentMissing(), s.categories(), s.personId()};
    }

    /** The people without a schedule row: everyone registered before visits existed. */
    public List<UUID> peopleWithoutSchedule(DSLContext dsl) {
        return dsl.select(PERSON.ID).from(PERSON).whereNotExists(dsl.selectOne().from(PERSON_SCHEDULE)
                .where(PERSON_SCHEDULE.PERSON_ID.eq(PERSON.ID))).fetch(PERSON.ID);
    }

    /**
     * Forgets the schedule rows and colour timelines of people about to be given a history written as of earlier
     * days (the demo community), so that each timeline starts where that history does.
     */
    public void forgetForReplay(DSLContext dsl, Collection<UUID> personIds) {
        dsl.deleteFrom(COLOUR_CHANGE).where(COLOUR_CHANGE.PERSON_ID.in(personIds)).execute();
        dsl.deleteFrom(PERSON_SCHEDULE).where(PERSON_SCHEDULE.PERSON_ID.in(personIds)).execute();
    }

    /** People whose colour may have changed by itself by {@code today}. */
    public List<UUID> reviewDue(DSLContext dsl, LocalDate today) {
        return dsl.select(PERSON_SCHEDULE.PERSON_ID).from(PERSON_SCHEDULE)
                .where(PERSON_SCHEDULE.COLOUR_REVIEW_ON.le(today)).fetch(PERSON_SCHEDULE.PERSON_ID);
    }

    /** Sets the colour the people list shows (and filters on) without touching the file's version. */
    public void setPersonColour(DSLContext dsl, UUID personId, RiskColour colour) {
        dsl.update(PERSON).set(PERSON.COLOUR, colour.name()).where(PERSON.ID.eq(personId)).execute();
        dsl.update(PERSON_SEARCH).set(PERSON_SEARCH.COLOUR, colour.name())
                .where(PERSON_SEARCH.PERSON_ID.eq(personId)).execute();
    }

    /** {@link #setPersonColour} for many people, in one batch per table. */
    public void setPersonColours(DSLContext dsl, Map<UUID, RiskColour> colours) {
        if (colours.isEmpty()) {
            return;
        }
        BatchBindStep person = dsl.batch(dsl.update(PERSON).set(PERSON.COLOUR, (String) null)
                .where(PERSON.ID.eq((UUID) null)));
        BatchBindStep search = dsl.batch(dsl.update(PERSON_SEARCH).set(PERSON_SEARCH.COLOUR, (String) null)
                .where(PERSON_SEARCH.PERSON_ID.eq((UUID) null)));
        colours.forEach((id, colour) -> {
            person.bind(colour.name(), id);
            search.bind(colour.name(), id);
        });
        person.execute();
        search.execute();
    }

    public void insertColourChange(DSLContext dsl, ColourChange c) {
        colourChangeRecord(dsl, c).insert();
    }

    public void insertColourChanges(DSLContext dsl, List<ColourChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        BatchBindStep batch = dsl.batch(dsl.insertInto(COLOUR_CHANGE, COLOUR_CHANGE.ID, COLOUR_CHANGE.PERSON_ID,
                COLOUR_CHANGE.CHANGED_AT, COLOUR_CHANGE.FROM_COLOUR, COLOUR_CHANGE.TO_COLOUR, COLOUR_CHANGE.SOURCE,
                COLOUR_CHANGE.REASON, COLOUR_CHANGE.DETAIL, COLOUR_CHANGE.CHANGED_BY)
                .values((UUID) null, null, null, null, null, null, null, null, null));
        for (ColourChange c : changes) {
            batch.bind(c.id(), c.personId(), c.changedAt(), c.from() == null ? null : c.from().name(),
                    c.to().name(), c.source().name(), c.reason().name(), c.detail(), c.changedBy());
        }
        batch.execute();
    }

    /** A person's colour changes, oldest first. */
    public List<ColourChange> timeline(DSLContext dsl, UUID personId) {
        return dsl.selectFrom(COLOUR_CHANGE).where(COLOUR_CHANGE.PERSON_ID.eq(personId))
                .orderBy(COLOUR_CHANGE.CHANGED_AT, COLOUR_CHANGE.ID).fetch(r -> new ColourChange(r.getId(),
                        r.getPersonId(), r.getChangedAt(), colour(r.getFromColour()), colour(r.getToColour()),
                        ColourSource.valueOf(r.getSource()), ColourReason.valueOf(r.getReason()), r.getDetail(),
                        r.getChangedBy()));
    }

    /** The override not yet ended (it may be past its last day until the review ends it). */
    public Optional<ColourOverride> openOverride(DSLContext dsl, UUID personId) {
        return dsl.selectFrom(COLOUR_OVERRIDE).where(COLOUR_OVERRIDE.PERSON_ID.eq(personId))
                .and(COLOUR_OVERRIDE.ENDED_AT.isNull()).orderBy(COLOUR_OVERRIDE.SET_AT.desc()).limit(1)
                .fetchOptional(CareRepository::toOverride);
    }

    public void insertOverride(DSLContext dsl, ColourOverride o) {
        ColourOverrideRecord r = dsl.newRecord(COLOUR_OVERRIDE);
        r.setId(o.id());
        r.setPersonId(o.personId());
        r.setColour(o.colour().name());
        r.setReason(o.reason());
        r.setExpiresOn(o.expiresOn());
        r.setSetBy(o.setBy());
        r.setSetAt(o.setAt());
        r.setUpdatedAt(o.updatedAt());
        r.insert();
    }

    public void renewOverride(DSLContext dsl, UUID overrideId, LocalDate expiresOn, LocalDateTime at) {
        dsl.update(COLOUR_OVERRIDE).set(COLOUR_OVERRIDE.EXPIRES_ON, expiresOn).set(COLOUR_OVERRIDE.UPDATED_AT, at)
                .where(COLOUR_OVERRIDE.ID.eq(overrideId)).execute();
    }

    public void endOverride(DSLContext dsl, UUID overrideId, LocalDateTime at, String by, OverrideEnd kind) {
        dsl.update(COLOUR_OVERRIDE).set(COLOUR_OVERRIDE.ENDED_AT, at).set(COLOUR_OVERRIDE.ENDED_BY, by)
                .set(COLOUR_OVERRIDE.END_KIND, kind.name()).where(COLOUR_OVERRIDE.ID.eq(overrideId)).execute();
    }

    /**
     * One indexed read of a person's visit parts (about 20 at the scale the program is built for), summarised in
     * Java: simpler and no slower than five "latest ... " queries.
     */
    public VisitFacts visitFacts(DSLContext dsl, UUID personId) {
        VisitFactsBuilder b = new VisitFactsBuilder();
        for (Record r : dsl.select(VISIT_PERSON.VISIT_ID, VISIT_PERSON.VISIT_DATE, VISIT_PERSON.NEXT_VISIT_DATE,
                VISIT_PERSON.MENTAL_RISK_LEVEL, VISIT_PERSON.MENTAL_CONSENT, VISIT_PERSON.URINE_RESULT,
                VISIT_PERSON.URINE_DATE).from(VISIT_PERSON).where(VISIT_PERSON.PERSON_ID.eq(personId)).fetch()) {
            String result = r.get(VISIT_PERSON.URINE_RESULT);
            b.add(r.get(VISIT_PERSON.VISIT_ID), r.get(VISIT_PERSON.VISIT_DATE), r.get(VISIT_PERSON.NEXT_VISIT_DATE),
                    r.get(VISIT_PERSON.MENTAL_RISK_LEVEL), r.get(VISIT_PERSON.MENTAL_CONSENT),
                    result == null ? null : UrineResult.valueOf(result), r.get(VISIT_PERSON.URINE_DATE));
        }
        return b.build();
    }

    /**
     * Summarises a person's visit parts, in any order, into {@link VisitFacts}: what the repository reads, and what
     * a bulk writer (generated data) computes from the visits it is about to insert.
     */
    public static final class VisitFactsBuilder {
        private LocalDate lastVisit;
        private UUID lastVisitId;
        private LocalDate planned;
        private LocalDate levelDate;
        private UUID levelVisit;
        private Integer level;
        private LocalDate consentDate;
        private UUID consentVisit;
        private Boolean consent;
        private LocalDate lastTest;
        private LocalDate lastPositive;

        public VisitFactsBuilder add(UUID visitId, LocalDate date, LocalDate next, Integer mentalLevel,
                Boolean consentOnFile, UrineResult urine, LocalDate urineDate) {
            if (later(date, visitId, lastVisit, lastVisitId)) {
                lastVisit = date;
                lastVisitId = visitId;
                planned = next;
            }
            if (mentalLevel != null && later(date, visitId, levelDate, levelVisit)) {
                levelDate = date;
                levelVisit = visitId;
                level = mentalLevel;
            }
            if (consentOnFile != null && later(date, visitId, consentDate, consentVisit)) {
                consentDate = date;
                consentVisit = visitId;
                consent = consentOnFile;
            }
            if (urineDate != null && (urine == UrineResult.NEGATIVE || urine == UrineResult.POSITIVE)) {
                lastTest = max(lastTest, urineDate);
                if (urine == UrineResult.POSITIVE) {
                    lastPositive = max(lastPositive, urineDate);
                }
            }
            return this;
        }

        public VisitFacts build() {
            return new VisitFacts(lastVisit, planned, level, lastTest, lastPositive, consent);
        }
    }

    /** Later by date, then by key (time-ordered: the one recorded later). */
    private static boolean later(LocalDate date, UUID id, LocalDate thanDate, UUID thanId) {
        if (thanDate == null) {
            return true;
        }
        int c = date.compareTo(thanDate);
        return c > 0 || c == 0 && id.compareTo(thanId) > 0;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static PersonScheduleRecord record(DSLContext dsl, Schedule s) {
        PersonScheduleRecord r = dsl.newRecord(PERSON_SCHEDULE);
        r.setPersonId(s.personId());
        r.setActive(s.active());
        r.setBuilding(s.building());
        r.setResponsibleStaff(s.responsibleStaff());
        r.setColour(s.colour().name());
        r.setColourSource(s.source().name());
        r.setColourReason(s.reason().name());
        r.setColourDetail(s.detail());
        r.setColourSince(s.since());
        r.setColourReviewOn(s.reviewOn());
        r.setLastVisitDate(s.lastVisit());
        r.setNextVisitDue(s.nextVisitDue());
        r.setNextUrineDue(s.nextUrineDue());
        r.setNextDue(s.nextDue());
        r.setConsentMissing(s.consentMissing());
        r.setCategories(s.categories());
        return r;
    }

    private static Schedule toSchedule(PersonScheduleRecord r) {
        return new Schedule(r.getPersonId(), r.getActive(), r.getBuilding(), r.getResponsibleStaff(),
                RiskColour.valueOf(r.getColour()), ColourSource.valueOf(r.getColourSource()),
                ColourReason.valueOf(r.getColourReason()), r.getColourDetail(), r.getColourSince(),
                r.getColourReviewOn(), r.getLastVisitDate(), r.getNextVisitDue(), r.getNextUrineDue(),
                r.getNextDue(), r.getConsentMissing(), r.getCategories());
    }

    private static ColourChangeRecord colourChangeRecord(DSLContext dsl, ColourChange c) {
        ColourChangeRecord r = dsl.newRecord(COLOUR_CHANGE);
        r.setId(c.id());
        r.setPersonId(c.personId());
        r.setChangedAt(c.changedAt());
        r.setFromColour(c.from() == null ? null : c.from().name());
        r.setToColour(c.to().name());
        r.setSource(c.source().name());
        r.setReason(c.reason().name());
        r.setDetail(c.detail());
        r.setChangedBy(c.changedBy());
        return r;
    }

    private static ColourOverride toOverride(ColourOverrideRecord r) {
        return new ColourOverride(r.getId(), r.getPersonId(), RiskColour.valueOf(r.getColour()), r.getReason(),
                r.getExpiresOn(), r.getSetBy(), r.getSetAt(), r.getUpdatedAt(), r.getEndedAt(), r.getEndedBy(),
                r.getEndKind() == null ? null : OverrideEnd.valueOf(r.getEndKind()));
    }

    static RiskColour colour(String s) {
        return s == null ? null : RiskColour.valueOf(s);
    }
}
