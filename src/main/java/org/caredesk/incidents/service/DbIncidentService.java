package org.caredesk.incidents.service;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.caredesk.audit.Actor;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditDetail;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.I18n;
import org.caredesk.common.Ids;
import org.caredesk.common.Problem;
import org.caredesk.common.Text;
import org.caredesk.common.UserException;
import org.caredesk.common.ValidationException;
import org.caredesk.people.Page;
import org.caredesk.people.Person;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.caredesk.risk.ColourSource;
import org.caredesk.incidents.Incident;
import org.caredesk.incidents.IncidentDraft;
import org.caredesk.incidents.IncidentService;
import org.caredesk.incidents.IncidentStatus;
import org.caredesk.incidents.OpenIncident;
import org.caredesk.risk.WorkListFilter;
import org.caredesk.incidents.data.IncidentRepository;
import org.jooq.DSLContext;
import org.caredesk.risk.service.CareKeeper;
import org.caredesk.common.FieldLength;

/** Incidents on the database: recording one makes the person red in the same transaction. */
public final class DbIncidentService implements IncidentService {
    public static final int TEXT_LENGTH = 2000;

    private final DSLContext dsl;
    private final IncidentRepository incidents;
    private final CareKeeper keeper;
    private final AuditLog audit;
    private final Actor actor;
    private final Session session;

    public DbIncidentService(DSLContext dsl, IncidentRepository incidents,
            CareKeeper keeper, AuditLog audit, Actor actor, Session session) {
        this.dsl = dsl;
        this.incidents = incidents;
        this.keeper = keeper;
        this.audit = audit;
        this.actor = actor;
        this.session = session;
    }

    @Override
    public Duration completionLimit() {
        return Duration.ofHours(keeper.settings().incidentHours());
    }

    @Override
    public Incident record(IncidentDraft draft) {
        session.require(Permission.INCIDENTS_WRITE);
        String by = actor.userName();
        IncidentDraft d = check(draft, false);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Person p = keeper.person(tx, d.personId());
            if (p.isClosed()) {
                throw new ValidationException(List.of(Problem.error("person", "problem.incident.personClosed",
                        p.name())));
            }
            LocalDateTime now = keeper.now();
            Incident i = new Incident(Ids.newId(), d, p.name(), IncidentStatus.OPEN, null, null, by, now, 0);
            incidents.insert(tx, i);
            CareKeeper.Refreshed r = keeper.refresh(tx, p.id(), ColourSource.INCIDENT, by);
            List<AuditEvent> events = new ArrayList<>();
            events.add(event(by, AuditAction.INCIDENT_RECORDED, i, AuditDetail.message("audit.detail.incident",
                    d.occurredAt().toString(), new I18n.Key(I18n.enumKey(d.type())))));
            r.change().ifPresent(c -> events.add(CareKeeper.auditEvent(by, c, p.name())));
            audit.appendAll(tx, events);
            return i;
        });
    }

    @Override
    public Incident update(UUID incidentId, IncidentDraft draft, int expectedVersion) {
        session.require(Permission.INCIDENTS_WRITE);
        String by = actor.userName();
        IncidentDraft d = check(draft, false);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Incident old = editable(tx, incidentId);
            if (!old.data().personId().equals(d.personId())) {
                // An incident stays with its person: one recorded for the wrong person is closed with a note.
                throw new UserException("error.incident.otherPerson");
            }
            Incident i = new Incident(old.id(), d, old.personName(), old.status(), null, null, old.recordedBy(),
                    old.recordedAt(), expectedVersion + 1);
            if (!incidents.update(tx, i, expectedVersion)) {
                throw new UserException("error.incident.changedMeanwhile");
            }
            audit.append(tx, event(by, AuditAction.INCIDENT_UPDATED, i, AuditDetail.message("audit.detail.incident",
                    d.occurredAt().toString(), new I18n.Key(I18n.enumKey(d.type())))));
            return i;
        });
    }

    @Override
    public Incident close(UUID incidentId, String outcome, int expectedVersion) {
        session.require(Permission.INCIDENTS_WRITE);
        String by = actor.userName();
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Incident old = editable(tx, incidentId);
            String given = Text.clean(outcome);
            IncidentDraft d = check(new IncidentDraft(old.data().personId(), old.data().occurredAt(),
                    old.data().type(), old.data().description(), old.data().actionsTaken(), old.data().notified(),
                    given != null ? given : old.data().outcome()), true);
            LocalDateTime now = keeper.now();
            Incident i = new Incident(old.id(), d, old.personName(), IncidentStatus.CLOSED, now, by,
                    old.recordedBy(), old.recordedAt(), expectedVersion + 1);
            if (!incidents.update(tx, i, expectedVersion)) {
                throw new UserException("error.incident.changedMeanwhile");
            }
            CareKeeper.Refreshed r = keeper.refresh(tx, d.personId(), ColourSource.INCIDENT, by);
            List<AuditEvent> events = new ArrayList<>();
            events.add(event(by, AuditAction.INCIDENT_CLOSED, i, AuditDetail.text(AuditEvent.clip(d.outcome(),
                    500))));
            r.change().ifPresent(c -> events.add(CareKeeper.auditEvent(by, c, r.person().name())));
            audit.appendAll(tx, events);
            return i;
        });
    }

    @Override
    public Optional<Incident> find(UUID incidentId) {
        session.require(Permission.VISITS_READ);
        return incidents.find(dsl, incidentId);
    }

    @Override
    public List<Incident> forPerson(UUID personId) {
        session.require(Permission.VISITS_READ);
        return incidents.forPerson(dsl, personId);
    }

    @Override
    public Page<OpenIncident> open(int offset, int limit) {
        session.require(Permission.VISITS_READ);
        return incidents.openIncidents(dsl, WorkListFilter.ALL, keeper.now().minus(completionLimit()),
                Math.max(0, offset), limit <= 0 ? 50 : limit);
    }

    private Incident editable(DSLContext tx, UUID id) {
        Incident old = incidents.find(tx, id).orElseThrow(() -> new UserException("error.incident.notFound"));
        if (!old.open()) {
            throw new UserException("error.incident.closed");
        }
        return old;
    }

    /** The draft with texts trimmed, or every problem with it; {@code closing} makes the outcome required. */
    private IncidentDraft check(IncidentDraft d, boolean closing) {
        List<Problem> problems = new ArrayList<>();
        if (d.personId() == null) {
            problems.add(Problem.error("person", "problem.required", new I18n.Key("field.incident.person")));
        }
        if (d.occurredAt() == null) {
            problems.add(Problem.error("occurredAt", "problem.required", new I18n.Key("field.incident.occurredAt")));
        } else if (d.occurredAt().isAfter(keeper.now())) {
            problems.add(Problem.error("occurredAt", "problem.notAfterNow",
                    new I18n.Key("field.incident.occurredAt")));
        }
        if (d.type() == null) {
            problems.add(Problem.error("type", "problem.required", new I18n.Key("field.incident.type")));
        }
        String description = Text.clean(d.description());
        String actions = Text.clean(d.actionsTaken());
        String outcome = Text.clean(d.outcome());
        if (actions == null) {
            problems.add(Problem.error("actionsTaken", "problem.required",
                    new I18n.Key("field.incident.actionsTaken")));
        }
        if (closing && outcome == null) {
            problems.add(Problem.error("outcome", "problem.incident.outcomeToClose"));
        }
        FieldLength.check(problems, "description", "field.incident.description", description, TEXT_LENGTH);
        FieldLength.check(problems, "actionsTaken", "field.incident.actionsTaken", actions, TEXT_LENGTH);
        FieldLength.check(problems, "outcome", "field.incident.outcome", outcome, TEXT_LENGTH);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new IncidentDraft(d.personId(), d.occurredAt(), d.type(), description, actions, d.notified(),
                outcome);
    }

    private static AuditEvent event(String by, AuditAction action, Incident i, AuditDetail detail) {
        return AuditEvent.success(by, action, AuditObjectType.INCIDENT, i.id().toString(), i.personName(), detail);
    }
}
