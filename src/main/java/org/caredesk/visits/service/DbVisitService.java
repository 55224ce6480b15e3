package org.caredesk.visits.service;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.caredesk.audit.Actor;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditDetail;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.I18n;
import org.caredesk.common.Ids;
import org.caredesk.common.Problem;
import org.caredesk.common.ValidationException;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.Page;
import org.caredesk.people.Person;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.caredesk.risk.NextVisitProposal;
import org.caredesk.visits.Visit;
import org.caredesk.visits.VisitDraft;
import org.caredesk.visits.VisitPerson;
import org.caredesk.visits.VisitService;
import org.caredesk.visits.VisitSubject;
import org.caredesk.visits.VisitType;
import org.caredesk.risk.data.CareRepository;
import org.caredesk.risk.data.CareRepository.Schedule;
import org.caredesk.visits.data.VisitRepository;
import org.caredesk.risk.ColourSource;
import org.jooq.DSLContext;
import org.caredesk.risk.service.CareKeeper;

/** Visit records on the database: checks, one transaction per save with schedule, colour and audit. */
public final class DbVisitService implements VisitService {
    private final DSLContext dsl;
    private final VisitRepository visits;
    private final CareRepository care;
    private final CareKeeper keeper;
    private final AuditLog audit;
    private final Actor actor;
    private final Session session;

    public DbVisitService(DSLContext dsl, VisitRepository visits, CareRepository care, CareKeeper keeper,
            AuditLog audit, Actor actor, Session session) {
        this.dsl = dsl;
        this.visits = visits;
        this.care = care;
        this.keeper = keeper;
        this.audit = audit;
        this.actor = actor;
        this.session = session;
    }

    @Override
    public VisitDraft newDraft(List<UUID> personIds) {
        String staff = session.require(Permission.VISITS_WRITE).displayName();
        LocalDateTime now = keeper.now().truncatedTo(ChronoUnit.MINUTES);
        return dsl.transactionResult(cfg -> {
            List<VisitPerson> parts = new ArrayList<>();
            for (UUID id : personIds) {
                Person p = keeper.person(cfg.dsl(), id);
                NextVisitProposal proposal = keeper.propose(cfg.dsl(), id, now.toLocalDate(),
                        VisitPerson.of(id).findings());
                parts.add(VisitPerson.of(id).withName(p.name()).withNextVisit(proposal.nextVisit()));
            }
            return new VisitDraft(now, VisitType.HOME, staff, null, parts, Set.of(), null, null, null);
        });
    }

    @Override
    public VisitSubject subject(UUID personId) {
        session.require(Permission.VISITS_READ);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Person p = keeper.person(tx, personId);
            Optional<Schedule> s = care.schedule(tx, personId);
            Integer level = care.visitFacts(tx, personId).mentalLevel();
            Set<Category> categories = p.data().memberships().stream().map(Membership::category)
                    .collect(Collectors.toSet());
            if (level == null) {
                level = p.data().memberships().stream().filter(m -> m.category() == Category.MENTAL_DISORDER)
                        .map(Membership::mentalRiskLevel).findFirst().orElse(null);
            }
            return new VisitSubject(personId, p.name(), categories, p.colour(), p.isClosed(),
                    s.map(Schedule::lastVisit).orElse(null), s.map(Schedule::nextVisitDue).orElse(null),
                    s.map(Schedule::nextUrineDue).orElse(null), level);
        });
    }

    @Override
    public NextVisitProposal propose(UUID personId, LocalDate visitDate, VisitPerson part) {
        session.require(Permission.VISITS_READ);
        return dsl.transactionResult(cfg -> keeper.propose(cfg.dsl(), personId, visitDate,
                (part == null ? VisitPerson.of(personId) : part).findings()));
    }

    @Override
    public Visit save(VisitDraft draft) {
        session.require(Permission.VISITS_WRITE);
        String by = actor.userName();
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            LocalDateTime now = keeper.now();
            LocalDate today = now.toLocalDate();
            Map<UUID, Person> people = new HashMap<>();
            List<VisitPerson> named = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            for (VisitPerson p : draft.people()) {
                if (p.personId() == null) {
                    named.add(p);
                    continue;
                }
                Optional<Person> person = people.containsKey(p.personId()) ? Optional.of(people.get(p.personId()))
                        : keeper.personIfExists(tx, p.personId());
                if (person.isEmpty()) {
                    problems.add(Problem.error("people", "problem.visit.personNotFound"));
                    continue;
                }
                people.put(p.personId(), person.get());
                named.add(p.withName(person.get().name()));
            }
            VisitChecks.Result checked = VisitChecks.fields(new VisitDraft(draft.visitedAt(), draft.type(),
                    draft.staff(), draft.volunteers(), named, draft.needs(), draft.findings(), draft.helpGiven(),
                    draft.followUpPlan()), now);
            problems.addAll(checked.problems());
            VisitDraft d = checked.draft();
            LocalDate date = d.visitedAt() == null ? null : d.visitedAt().toLocalDate();
            for (VisitPerson p : d.people()) {
                problems.addAll(VisitChecks.part(p, people.get(p.personId()), date, today));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            Visit visit = new Visit(Ids.newId(), d, by, now);
            visits.insert(tx, visit);
            List<VisitPerson> saved = new ArrayList<>();
            List<AuditEvent> colourEvents = new ArrayList<>();
            for (VisitPerson p : d.people()) {
                CareKeeper.Refreshed r = keeper.refresh(tx, p.personId(), ColourSource.RULE, by);
                VisitPerson part = p;
                if (p.nextVisitDate() == null) {
                    // Left to the rules: store what they gave, so the visit shows the date it was planned for.
                    part = p.withNextVisit(r.schedule().nextVisitDue());
                    visits.setNextVisit(tx, visit.id(), p.personId(), part.nextVisitDate());
                }
                saved.add(part);
                r.change().ifPresent(c -> colourEvents.add(CareKeeper.auditEvent(by, c, r.person().name())));
            }
            Visit result = new Visit(visit.id(), new VisitDraft(d.visitedAt(), d.type(), d.staff(), d.volunteers(),
                    saved, d.needs(), d.findings(), d.helpGiven(), d.followUpPlan()), by, now);
            List<AuditEvent> events = new ArrayList<>();
            String names = saved.stream().map(VisitPerson::personName).collect(Collectors.joining("、"));
            events.add(AuditEvent.success(by, AuditAction.VISIT_RECORDED, AuditObjectType.VISIT,
                    visit.id().toString(), names, AuditDetail.message("audit.detail.visit", d.visitedAt().toString(),
                            new I18n.Key(I18n.enumKey(d.type())), String.valueOf(saved.size()))));
            events.addAll(colourEvents);
            audit.appendAll(tx, events);
            return result;
        });
    }

    @Override
    public Optional<Visit> find(UUID visitId) {
        session.require(Permission.VISITS_READ);
        return visits.find(dsl, visitId);
    }

    @Override
    public Page<Visit> history(UUID personId, int offset, int limit) {
        session.require(Permission.VISITS_READ);
        return visits.history(dsl, personId, Math.max(0, offset), limit <= 0 ? 50 : limit);
    }
}
