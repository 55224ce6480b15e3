package org.caredesk.risk.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.caredesk.audit.Actor;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditDetail;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.common.I18n;
import org.caredesk.common.Ids;
import org.caredesk.common.RiskColour;
import org.caredesk.common.UserException;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.service.PeopleRules;
import org.caredesk.people.service.PersonLookup;
import org.caredesk.people.service.PersonListener;
import org.caredesk.risk.Assessment;
import org.caredesk.risk.ColourChange;
import org.caredesk.risk.ColourOverride;
import org.caredesk.risk.ColourReason;
import org.caredesk.risk.ColourSource;
import org.caredesk.risk.NextVisitProposal;
import org.caredesk.risk.OverrideEnd;
import org.caredesk.risk.RiskSettings;
import org.caredesk.risk.RiskSettingsService;
import org.caredesk.risk.VisitFindings;
import org.caredesk.common.UrineResult;
import org.caredesk.risk.data.AssessmentRepository;
import org.caredesk.risk.data.CareRepository;
import org.caredesk.risk.data.CareRepository.Schedule;
import org.caredesk.risk.data.CareRepository.VisitFacts;
import org.caredesk.risk.data.IncidentFacts;
import org.jooq.DSLContext;

/**
 * Keeps each person's colour and schedule in step with their data, inside the caller's transaction: after a visit,
 * an assessment, an override, an incident, a registry change, or when time alone changes something. Every service
 * of the visits area calls {@link #refresh}; the registry calls it through {@link PersonListener}. It checks no
 * permission: its callers have.
 */
public final class CareKeeper implements PersonListener {
    private final CareRepository care;
    private final AssessmentRepository assessments;
    private final IncidentFacts incidents;
    private final PersonLookup people;
    private final RiskSettingsService settings;
    private final PeopleRules peopleRules;
    private final Clock clock;
    private final Actor actor;

    public CareKeeper(CareRepository care, AssessmentRepository assessments, IncidentFacts incidents,
            PersonLookup people, RiskSettingsService settings, PeopleRules peopleRules, Clock clock,
            Actor actor) {
        this.care = care;
        this.assessments = assessments;
        this.incidents = incidents;
        this.people = people;
        this.settings = settings;
        this.peopleRules = peopleRules;
        this.clock = clock;
        this.actor = actor;
    }

    /**
     * What a refresh found and wrote.
     *
     * @param change the timeline entry written; empty when the colour and its basis stayed
     */
    public record Refreshed(Person person, Schedule schedule, Optional<ColourChange> change) {}

    public RiskSettings settings() {
        return settings.load();
    }

    public DueRules dueRules() {
        return new DueRules(settings.load(), peopleRules);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    public Optional<Person> personIfExists(DSLContext tx, UUID personId) {
        return people.findById(tx, personId);
    }

    /** The person, or a sentence saying they could not be found. */
    public Person person(DSLContext tx, UUID personId) {
        return people.findById(tx, personId).orElseThrow(() -> new UserException("error.personNotFound"));
    }

    /**
     * Recomputes a person's colour and schedule from their data and writes what changed: the schedule row, the
     * colour of the file, a timeline entry (when the colour or its basis changed), and the end of an override past
     * its last day.
     *
     * @param source what caused this (an expired override is recorded as {@code OVERRIDE_EXPIRED} whatever is given)
     * @param by     who is recorded in the timeline
     */
    public Refreshed refresh(DSLContext tx, UUID personId, ColourSource source, String by) {
        return refreshAt(tx, personId, source, by, now());
    }

    /**
     * {@link #refresh} as of another moment: the demo replays two years of history, each event refreshed at its
     * own time, so the timeline shows when colours changed.
     */
    public Refreshed refreshAt(DSLContext tx, UUID personId, ColourSource source, String by, LocalDateTime now) {
        Person p = person(tx, personId);
        Optional<Schedule> old = care.schedule(tx, personId);
        if (p.isClosed() && old.isPresent()) {
            // A closed file keeps its last colour; it is no longer due anything.
            Schedule o = old.get();
            Schedule closed = new Schedule(personId, false, p.data().building(), p.data().responsibleStaff(),
                    o.colour(), o.source(), o.reason(), o.detail(), o.since(), null, o.lastVisit(), null, null, null,
                    false, categories(p));
            care.saveSchedule(tx, closed);
            return new Refreshed(p, closed, Optional.empty());
        }
        VisitFacts facts = care.visitFacts(tx, personId);
        ColourOverride override = care.openOverride(tx, personId).orElse(null);
        Computed c = compute(p, facts, assessments.latest(tx, personId).orElse(null), override,
                hold(incidents.facts(tx, personId), null), now.toLocalDate());
        ColourDecider.Decision d = c.decision();
        ColourSource cause = source;
        if (d.overrideExpired()) {
            care.endOverride(tx, override.id(), now, by, OverrideEnd.EXPIRED);
            cause = ColourSource.OVERRIDE_EXPIRED;
        }
        Optional<ColourChange> change = Optional.empty();
        if (old.isEmpty() || old.get().colour() != d.colour() || basis(old.get().reason()) != basis(d.reason())) {
            change = Optional.of(new ColourChange(Ids.newId(), personId, after(now, old),
                    old.map(Schedule::colour).orElse(null), d.colour(), cause, d.reason(), d.detail(), by));
            care.insertColourChange(tx, change.get());
        }
        ColourSource kept = change.map(ColourChange::source).orElse(old.map(Schedule::source).orElse(cause));
        LocalDateTime since = change.isPresent() ? change.get().changedAt() : old.get().since();
        Schedule s = schedule(p, d, kept, since, facts, c);
        care.saveSchedule(tx, s);
        if (p.colour() != d.colour()) {
            care.setPersonColour(tx, personId, d.colour());
        }
        return new Refreshed(p, s, change);
    }

    /**
     * The colour and dates the rules give a person after a visit on {@code date} with {@code part}, without
     * writing anything: the visit counts as the latest, and as a look at the person after any closed incident.
     */
    public NextVisitProposal propose(DSLContext tx, UUID personId, LocalDate date, VisitFindings part) {
        Person p = person(tx, personId);
        VisitFacts f = care.visitFacts(tx, personId);
        boolean tested = part.urineResult() == UrineResult.NEGATIVE || part.urineResult() == UrineResult.POSITIVE;
        LocalDate testDate = part.urineDate() != null ? part.urineDate() : date;
        VisitFacts after = new VisitFacts(date, null,
                part.mentalRiskLevel() != null ? part.mentalRiskLevel() : f.mentalLevel(),
                tested ? later(f.lastUrineTest(), testDate) : f.lastUrineTest(),
                part.urineResult() == UrineResult.POSITIVE ? later(f.lastPositiveUrine(), testDate)
                        : f.lastPositiveUrine(),
                part.consentOnFile() != null ? part.consentOnFile() : f.consent());
        Computed c = compute(p, after, assessments.latest(tx, personId).orElse(null),
                care.openOverride(tx, personId).orElse(null), hold(incidents.facts(tx, personId), date), today());
        return new NextVisitProposal(personId, c.decision().colour(), c.nextVisit(), c.nextUrine());
    }

    @Override
    public void registered(DSLContext tx, List<Person> registered) {
        LocalDateTime now = now();
        String by = actor.userName();
        List<Schedule> rows = new ArrayList<>(registered.size());
        List<ColourChange> changes = new ArrayList<>(registered.size());
        for (Person p : registered) {
            Computed c = compute(p, VisitFacts.NONE, null, null, null, now.toLocalDate());
            ColourDecider.Decision d = c.decision();
            rows.add(schedule(p, d, ColourSource.RULE, now, VisitFacts.NONE, c));
            changes.add(new ColourChange(Ids.newId(), p.id(), now, null, d.colour(), ColourSource.RULE, d.reason(),
                    d.detail(), by));
            if (p.colour() != d.colour()) {
                care.setPersonColour(tx, p.id(), d.colour());
            }
        }
        care.insertSchedules(tx, rows);
        care.insertColourChanges(tx, changes);
    }

    /**
     * Bulk path for generated visits of people with no assessment, override or incident: their schedule and
     * colour from facts the caller computed while writing the visits, in a few batches. A colour that changes gets
     * its timeline entry like any other.
     *
     * @param before each person's schedule before the visits (from registration)
     */
    public void visitedInBulk(DSLContext tx, List<Person> visited, Map<UUID, VisitFacts> facts,
            Map<UUID, Schedule> before, String by) {
        LocalDateTime now = now();
        List<Schedule> rows = new ArrayList<>(visited.size());
        List<ColourChange> changes = new ArrayList<>();
        Map<UUID, RiskColour> colours = new HashMap<>();
        for (Person p : visited) {
            VisitFacts f = facts.getOrDefault(p.id(), VisitFacts.NONE);
            Computed c = compute(p, f, null, null, null, now.toLocalDate());
            ColourDecider.Decision d = c.decision();
            Schedule old = before.get(p.id());
            boolean changed = old == null || old.colour() != d.colour() || basis(old.reason()) != basis(d.reason());
            LocalDateTime at = after(now, Optional.ofNullable(old));
            if (changed) {
                changes.add(new ColourChange(Ids.newId(), p.id(), at, old == null ? null : old.colour(),
                        d.colour(), ColourSource.RULE, d.reason(), d.detail(), by));
            }
            if (p.colour() != d.colour()) {
                colours.put(p.id(), d.colour());
            }
            rows.add(schedule(p, d, changed ? ColourSource.RULE : old.source(), changed ? at : old.since(), f, c));
        }
        care.updateSchedules(tx, rows);
        care.setPersonColours(tx, colours);
        care.insertColourChanges(tx, changes);
    }

    @Override
    public void removing(DSLContext tx, List<UUID> people) {
        care.removePeople(tx, people);
    }

    @Override
    public RiskColour changed(DSLContext tx, Person before, Person after) {
        return refresh(tx, after.id(), ColourSource.RULE, actor.userName()).schedule().colour();
    }

    /** Gives everyone registered before visits existed a schedule row and a first colour; returns how many. */
    public int backfill(DSLContext dsl) {
        List<UUID> missing = care.peopleWithoutSchedule(dsl);
        for (int from = 0; from < missing.size(); from += 1000) {
            List<UUID> chunk = missing.subList(from, Math.min(missing.size(), from + 1000));
            dsl.transaction(cfg -> {
                for (UUID id : chunk) {
                    refresh(cfg.dsl(), id, ColourSource.RULE, Actor.SYSTEM_NAME);
                }
            });
        }
        return missing.size();
    }

    /** The audit entry of a colour change. */
    public static AuditEvent auditEvent(String by, ColourChange c, String personName) {
        return AuditEvent.success(by, AuditAction.COLOUR_CHANGED, AuditObjectType.PERSON, c.personId().toString(),
                personName, AuditDetail.message("audit.detail.colourChange",
                        c.from() == null ? new I18n.Key("audit.detail.empty") : new I18n.Key(I18n.enumKey(c.from())),
                        new I18n.Key(I18n.enumKey(c.to())), new I18n.Key(I18n.enumKey(c.source())),
                        new I18n.Key(I18n.enumKey(c.reason())), detailArg(c)));
    }

    /** The detail as an argument: a correction level or incident type is kept as its label's key. */
    private static Object detailArg(ColourChange c) {
        if (c.detail() == null) {
            return "";
        }
        switch (c.reason()) {
            case CORRECTION_LEVEL:
                return new I18n.Key("enum.CorrectionLevel." + c.detail());
            case INCIDENT:
                return new I18n.Key("enum.IncidentType." + c.detail());
            case DETAILS_MISSING:
                return new I18n.Key("field." + c.detail());
            default:
                return c.detail();
        }
    }

    private record Computed(ColourDecider.Decision decision, LocalDate nextVisit, LocalDate nextUrine,
            boolean consentMissing) {}

    private Computed compute(Person p, VisitFacts f, Assessment latest, ColourOverride override,
            ColourDecider.IncidentHold hold, LocalDate today) {
        RiskSettings s = settings.load();
        ColourDecider.AssessmentFactor a = latest == null ? null
                : new ColourDecider.AssessmentFactor(latest.colour(), latest.total());
        ColourDecider.Decision d = new ColourDecider(s).decide(new ColourDecider.Inputs(p.data().memberships(),
                f.mentalLevel(), f.lastPositiveUrine(), a, override, hold), today);
        Membership mental = membership(p, Category.MENTAL_DISORDER);
        Membership drug = membership(p, Category.DRUG_USER);
        Integer level = f.mentalLevel() != null ? f.mentalLevel() : mental == null ? null : mental.mentalRiskLevel();
        LocalDate registered = p.createdAt().toLocalDate();
        DueRules due = new DueRules(s, peopleRules);
        LocalDate from = f.lastVisit() != null ? f.lastVisit() : registered;
        LocalDate nextVisit = due.nextVisit(from, f.lastVisit() != null ? f.plannedNext() : null, d.colour(),
                mental != null, level);
        LocalDate nextUrine = drug == null ? null
                : due.nextUrineTest(drug.drugStartDate(), f.lastUrineTest(), registered);
        boolean consentMissing = mental != null && (f.consent() != null ? !f.consent() : mental.consentDate() == null);
        return new Computed(d, nextVisit, nextUrine, consentMissing);
    }

    private static Schedule schedule(Person p, ColourDecider.Decision d, ColourSource source, LocalDateTime since,
            VisitFacts f, Computed c) {
        boolean active = !p.isClosed();
        LocalDate nextVisit = active ? c.nextVisit() : null;
        LocalDate nextUrine = active ? c.nextUrine() : null;
        return new Schedule(p.id(), active, p.data().building(), p.data().responsibleStaff(), d.colour(), source,
                d.reason(), d.detail(), since, d.reviewOn(), f.lastVisit(), nextVisit, nextUrine,
                earlier(nextVisit, nextUrine), active && c.consentMissing(), categories(p));
    }

    /** The person's categories as bits, {@code 1 << ordinal}. */
    public static int categories(Person p) {
        int bits = 0;
        for (Membership m : p.data().memberships()) {
            bits |= 1 << m.category().ordinal();
        }
        return bits;
    }

    /**
     * The incident that holds the person red: open, or closed without a visit or assessment since; the one
     * recorded last. With {@code visitDate}, a visit on that day is assumed to be recorded now, after every
     * closing, so it releases the closed incidents that happened on or before it.
     */
    static ColourDecider.IncidentHold hold(List<IncidentFacts.Fact> facts, LocalDate visitDate) {
        IncidentFacts.Fact holding = null;
        for (IncidentFacts.Fact f : facts) {
            boolean holds = f.open() || !f.lookedAtSince()
                    && (visitDate == null || visitDate.isBefore(f.occurredAt().toLocalDate()));
            if (holds && (holding == null || f.recordedAt().isAfter(holding.recordedAt()))) {
                holding = f;
            }
        }
        return holding == null ? null : new ColourDecider.IncidentHold(holding.type(), holding.recordedAt());
    }

    /**
     * The time of a new timeline entry: now, or a microsecond after the person's last entry when the clock has not
     * moved on since (two changes within its resolution), so a timeline's order is its order of time.
     */
    private static LocalDateTime after(LocalDateTime now, Optional<Schedule> old) {
        if (old.isPresent() && !now.isAfter(old.get().since())) {
            return old.get().since().plusNanos(1_000);
        }
        return now;
    }

    /** Rules, override and incident are three bases; a change between them is logged even if the colour stays. */
    private static int basis(ColourReason reason) {
        switch (reason) {
            case OVERRIDE:
                return 1;
            case INCIDENT:
                return 2;
            default:
                return 0;
        }
    }

    private static Membership membership(Person p, Category category) {
        return p.data().membership(category);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
