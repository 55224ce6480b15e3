package org.caredesk.incidents.data;

import static org.caredesk.db.generated.Tables.ASSESSMENT;
import static org.caredesk.db.generated.Tables.INCIDENT;
import static org.caredesk.db.generated.Tables.INCIDENT_NOTIFIED;
import static org.caredesk.db.generated.Tables.PERSON;
import static org.caredesk.db.generated.Tables.PERSON_SCHEDULE;
import static org.caredesk.db.generated.Tables.VISIT;
import static org.caredesk.db.generated.Tables.VISIT_PERSON;
import static org.caredesk.risk.data.ScheduleSql.filter;
import static org.caredesk.risk.data.ScheduleSql.plan;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.caredesk.db.generated.tables.records.IncidentNotifiedRecord;
import org.caredesk.db.generated.tables.records.IncidentRecord;
import org.caredesk.incidents.Incident;
import org.caredesk.incidents.IncidentDraft;
import org.caredesk.incidents.IncidentStatus;
import org.caredesk.common.IncidentType;
import org.caredesk.incidents.NotifiedParty;
import org.caredesk.incidents.OpenIncident;
import org.caredesk.people.Page;
import org.caredesk.risk.WorkListFilter;
import org.caredesk.risk.data.IncidentFacts;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record5;
import org.jooq.Select;

/** SQL for incidents and who was notified of them. */
public final class IncidentRepository implements IncidentFacts {

    public void insert(DSLContext dsl, Incident i) {
        insertAll(dsl, List.of(i));
    }

    public void insertAll(DSLContext dsl, List<Incident> incidents) {
        List<IncidentRecord> rows = new ArrayList<>(incidents.size());
        List<IncidentNotifiedRecord> notified = new ArrayList<>();
        for (Incident i : incidents) {
            IncidentRecord r = dsl.newRecord(INCIDENT);
            fill(r, i);
            r.setId(i.id());
            rows.add(r);
            notified.addAll(notifiedRecords(dsl, i));
        }
        dsl.batchInsert(rows).execute();
        if (!notified.isEmpty()) {
            dsl.batchInsert(notified).execute();
        }
    }

    /** Updates when the stored version is still {@code expectedVersion}; false when someone else saved first. */
    public boolean update(DSLContext dsl, Incident i, int expectedVersion) {
        IncidentRecord r = dsl.newRecord(INCIDENT);
        fill(r, i);
        int n = dsl.update(INCIDENT).set(r).where(INCIDENT.ID.eq(i.id()))
                .and(INCIDENT.ROW_VERSION.eq(expectedVersion)).execute();
        if (n == 0) {
            return false;
        }
        dsl.deleteFrom(INCIDENT_NOTIFIED).where(INCIDENT_NOTIFIED.INCIDENT_ID.eq(i.id())).execute();
        List<IncidentNotifiedRecord> notified = notifiedRecords(dsl, i);
        if (!notified.isEmpty()) {
            dsl.batchInsert(notified).execute();
        }
        return true;
    }

    public Optional<Incident> find(DSLContext dsl, UUID id) {
        List<Incident> found = load(dsl, INCIDENT.ID.eq(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** A person's incidents, newest first. */
    public List<Incident> forPerson(DSLContext dsl, UUID personId) {
        return load(dsl, INCIDENT.PERSON_ID.eq(personId));
    }

    /** A person's incidents as the colour sees them. */
    @Override
    public List<Fact> facts(DSLContext dsl, UUID personId) {
        List<Fact> facts = new ArrayList<>();
        for (IncidentRecord r : dsl.selectFrom(INCIDENT).where(INCIDENT.PERSON_ID.eq(personId)).fetch()) {
            IncidentStatus status = IncidentStatus.valueOf(r.getStatus());
            boolean looked = status == IncidentStatus.CLOSED
                    && lookedAtSince(dsl, personId, r.getOccurredAt(), r.getClosedAt());
            facts.add(new Fact(IncidentType.valueOf(r.getIncidentType()), r.getOccurredAt(),
                    r.getRecordedAt(), status == IncidentStatus.OPEN, r.getClosedAt(), looked));
        }
        return facts;
    }

    /** Open incidents, oldest first; late: occurred before {@code lateBefore}. */
    public Page<OpenIncident> openIncidents(DSLContext dsl, WorkListFilter f, LocalDateTime lateBefore, int offset,
            int limit) {
        Condition c = INCIDENT.STATUS.eq(IncidentStatus.OPEN.name()).and(filter(f));
        int total = dsl.fetchCount(dsl.selectOne().from(INCIDENT).join(PERSON_SCHEDULE)
                .on(PERSON_SCHEDULE.PERSON_ID.eq(INCIDENT.PERSON_ID)).where(c));
        List<OpenIncident> items = incidentPage(dsl, c, offset, limit).fetch(r -> new OpenIncident(r.value1(),
                r.value2(), r.value3(), IncidentType.valueOf(r.value4()), r.value5(), r.value5().isBefore(lateBefore)));
        return new Page<>(items, offset, total);
    }

    private static Select<Record5<UUID, UUID, String, String, LocalDateTime>> incidentPage(
            DSLContext dsl, Condition c, int offset, int limit) {
        return dsl.select(INCIDENT.ID, INCIDENT.PERSON_ID, PERSON.NAME, INCIDENT.INCIDENT_TYPE, INCIDENT.OCCURRED_AT)
                .from(INCIDENT).join(PERSON_SCHEDULE).on(PERSON_SCHEDULE.PERSON_ID.eq(INCIDENT.PERSON_ID)).join(PERSON)
                .on(PERSON.ID.eq(INCIDENT.PERSON_ID)).where(c).orderBy(INCIDENT.OCCURRED_AT, INCIDENT.ID)
                .limit(limit).offset(offset);
    }

    /** Open incidents that occurred before {@code lateBefore}. */
    public int countLateIncidents(DSLContext dsl, WorkListFilter f, LocalDateTime lateBefore) {
        return dsl.fetchCount(dsl.selectOne().from(INCIDENT).join(PERSON_SCHEDULE)
                .on(PERSON_SCHEDULE.PERSON_ID.eq(INCIDENT.PERSON_ID))
                .where(INCIDENT.STATUS.eq(IncidentStatus.OPEN.name())).and(INCIDENT.OCCURRED_AT.lt(lateBefore))
                .and(filter(f)));
    }

    /** The plan of the open incidents' page (the benchmark prints it). */
    public String openIncidentsPlan(DSLContext dsl, WorkListFilter f) {
        return plan(dsl, incidentPage(dsl, INCIDENT.STATUS.eq(IncidentStatus.OPEN.name()).and(filter(f)), 0, 50));
    }

    private static boolean lookedAtSince(DSLContext dsl, UUID personId, LocalDateTime occurred,
            LocalDateTime closed) {
        boolean visited = dsl.fetchExists(dsl.selectOne().from(VISIT_PERSON).join(VISIT)
                .on(VISIT.ID.eq(VISIT_PERSON.VISIT_ID)).where(VISIT_PERSON.PERSON_ID.eq(personId))
                .and(VISIT_PERSON.VISIT_DATE.ge(occurred.toLocalDate())).and(VISIT.RECORDED_AT.gt(closed)));
        return visited || dsl.fetchExists(dsl.selectOne().from(ASSESSMENT).where(ASSESSMENT.PERSON_ID.eq(personId))
                .and(ASSESSMENT.ASSESSED_ON.ge(occurred.toLocalDate())).and(ASSESSMENT.RECORDED_AT.gt(closed)));
    }

    private List<Incident> load(DSLContext dsl, Condition where) {
        List<Record> rows = dsl.select(INCIDENT.fields()).select(PERSON.NAME).from(INCIDENT).join(PERSON)
                .on(PERSON.ID.eq(INCIDENT.PERSON_ID)).where(where)
                .orderBy(INCIDENT.OCCURRED_AT.desc(), INCIDENT.ID.desc()).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(r -> r.get(INCIDENT.ID)).toList();
        Map<UUID, Set<NotifiedParty>> notified = new HashMap<>();
        dsl.selectFrom(INCIDENT_NOTIFIED).where(INCIDENT_NOTIFIED.INCIDENT_ID.in(ids))
                .forEach(n -> notified.computeIfAbsent(n.getIncidentId(), k -> EnumSet.noneOf(NotifiedParty.class))
                        .add(NotifiedParty.valueOf(n.getParty())));
        List<Incident> incidents = new ArrayList<>(rows.size());
        for (Record row : rows) {
            IncidentRecord r = row.into(INCIDENT);
            IncidentDraft d = new IncidentDraft(r.getPersonId(), r.getOccurredAt(),
                    IncidentType.valueOf(r.getIncidentType()), r.getDescription(), r.getActionsTaken(),
                    notified.getOrDefault(r.getId(), Set.of()), r.getOutcome());
            incidents.add(new Incident(r.getId(), d, row.get(PERSON.NAME), IncidentStatus.valueOf(r.getStatus()),
                    r.getClosedAt(), r.getClosedBy(), r.getRecordedBy(), r.getRecordedAt(), r.getRowVersion()));
        }
        return incidents;
    }

    private static void fill(IncidentRecord r, Incident i) {
        IncidentDraft d = i.data();
        r.setPersonId(d.personId());
        r.setOccurredAt(d.occurredAt());
        r.setIncidentType(d.type().name());
        r.setDescription(d.description());
        r.setActionsTaken(d.actionsTaken());
        r.setOutcome(d.outcome());
        r.setStatus(i.status().name());
        r.setClosedAt(i.closedAt());
        r.setClosedBy(i.closedBy());
        r.setRecordedBy(i.recordedBy());
        r.setRecordedAt(i.recordedAt());
        r.setRowVersion(i.version());
    }

    private static List<IncidentNotifiedRecord> notifiedRecords(DSLContext dsl, Incident i) {
        List<IncidentNotifiedRecord> list = new ArrayList<>();
        for (NotifiedParty p : i.data().notified()) {
            IncidentNotifiedRecord n = dsl.newRecord(INCIDENT_NOTIFIED);
            n.setIncidentId(i.id());
            n.setParty(p.name());
            list.add(n);
        }
        return list;
    }
}
