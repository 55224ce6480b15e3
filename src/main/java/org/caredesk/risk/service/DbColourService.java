package org.caredesk.risk.service;

import java.time.LocalDate;
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
import org.caredesk.common.RiskColour;
import org.caredesk.common.Text;
import org.caredesk.common.UserException;
import org.caredesk.common.ValidationException;
import org.caredesk.people.Person;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.caredesk.risk.ColourChange;
import org.caredesk.risk.ColourOverride;
import org.caredesk.risk.ColourReason;
import org.caredesk.risk.ColourService;
import org.caredesk.risk.ColourSource;
import org.caredesk.risk.ColourState;
import org.caredesk.risk.OverrideEnd;
import org.caredesk.risk.data.CareRepository;
import org.caredesk.risk.data.CareRepository.Schedule;
import org.jooq.DSLContext;
import org.caredesk.common.FieldLength;

/** Colours, their timeline and overrides on the database. */
public final class DbColourService implements ColourService {
    public static final int REASON_LENGTH = 500;
    /** An override is a judgement for now: a year at most before someone must look again. */
    public static final int MAX_OVERRIDE_DAYS = 365;

    private final DSLContext dsl;
    private final CareRepository care;
    private final CareKeeper keeper;
    private final AuditLog audit;
    private final Actor actor;
    private final Session session;

    public DbColourService(DSLContext dsl, CareRepository care, CareKeeper keeper, AuditLog audit, Actor actor,
            Session session) {
        this.dsl = dsl;
        this.care = care;
        this.keeper = keeper;
        this.audit = audit;
        this.actor = actor;
        this.session = session;
    }

    @Override
    public ColourState current(UUID personId) {
        session.require(Permission.VISITS_READ);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Optional<Schedule> s = care.schedule(tx, personId);
            if (s.isEmpty()) {
                // Not yet kept (it will be at the next refresh): the file's own colour.
                Person p = keeper.person(tx, personId);
                return new ColourState(personId, p.colour(), ColourSource.RULE,
                        ColourReason.DEFAULT, null, p.createdAt(), null);
            }
            Schedule sc = s.get();
            ColourOverride o = care.openOverride(tx, personId).filter(x -> x.activeOn(keeper.today())).orElse(null);
            return new ColourState(personId, sc.colour(), sc.source(), sc.reason(), sc.detail(), sc.since(), o);
        });
    }

    @Override
    public List<ColourChange> timeline(UUID personId) {
        session.require(Permission.VISITS_READ);
        return care.timeline(dsl, personId);
    }

    @Override
    public Optional<ColourOverride> activeOverride(UUID personId) {
        session.require(Permission.VISITS_READ);
        return care.openOverride(dsl, personId).filter(o -> o.activeOn(keeper.today()));
    }

    @Override
    public LocalDate defaultOverrideExpiry() {
        return keeper.today().plusDays(keeper.settings().overrideDays());
    }

    @Override
    public ColourOverride setOverride(UUID personId, RiskColour colour, String reason, LocalDate expiresOn) {
        session.require(Permission.COLOUR_OVERRIDE);
        String by = actor.userName();
        List<Problem> problems = new ArrayList<>();
        if (colour == null) {
            problems.add(Problem.error("colour", "problem.required", new I18n.Key("field.override.colour")));
        }
        String clean = Text.clean(reason);
        if (clean == null) {
            problems.add(Problem.error("reason", "problem.required", new I18n.Key("field.override.reason")));
        }
        FieldLength.check(problems, "reason", "field.override.reason", clean, REASON_LENGTH);
        LocalDate expires = expiresOn == null ? defaultOverrideExpiry() : expiresOn;
        checkExpiry(problems, expires);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Person p = openFile(tx, personId);
            LocalDateTime now = keeper.now();
            care.openOverride(tx, personId).ifPresent(old -> care.endOverride(tx, old.id(), now, by,
                    OverrideEnd.CLEARED));
            ColourOverride o = new ColourOverride(Ids.newId(), personId, colour, clean, expires, by, now, now, null,
                    null, null);
            care.insertOverride(tx, o);
            CareKeeper.Refreshed r = keeper.refresh(tx, personId, ColourSource.OVERRIDE, by);
            append(tx, by, AuditAction.COLOUR_OVERRIDE_SET, p, AuditDetail.message("audit.detail.overrideSet",
                    new I18n.Key(I18n.enumKey(colour)), expires.toString(), clean), r);
            return o;
        });
    }

    @Override
    public ColourOverride renewOverride(UUID personId, LocalDate expiresOn) {
        session.require(Permission.COLOUR_OVERRIDE);
        String by = actor.userName();
        LocalDate expires = expiresOn == null ? defaultOverrideExpiry() : expiresOn;
        List<Problem> problems = new ArrayList<>();
        checkExpiry(problems, expires);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Person p = openFile(tx, personId);
            ColourOverride o = activeIn(tx, p);
            LocalDateTime now = keeper.now();
            care.renewOverride(tx, o.id(), expires, now);
            CareKeeper.Refreshed r = keeper.refresh(tx, personId, ColourSource.OVERRIDE, by);
            append(tx, by, AuditAction.COLOUR_OVERRIDE_RENEWED, p, AuditDetail.message(
                    "audit.detail.overrideRenewed", o.expiresOn().toString(), expires.toString()), r);
            return new ColourOverride(o.id(), personId, o.colour(), o.reason(), expires, o.setBy(), o.setAt(), now,
                    null, null, null);
        });
    }

    @Override
    public void clearOverride(UUID personId) {
        session.require(Permission.COLOUR_OVERRIDE);
        String by = actor.userName();
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            Person p = openFile(tx, personId);
            ColourOverride o = activeIn(tx, p);
            care.endOverride(tx, o.id(), keeper.now(), by, OverrideEnd.CLEARED);
            CareKeeper.Refreshed r = keeper.refresh(tx, personId, ColourSource.OVERRIDE, by);
            append(tx, by, AuditAction.COLOUR_OVERRIDE_CLEARED, p, AuditDetail.message(
                    "audit.detail.overrideCleared", new I18n.Key(I18n.enumKey(o.colour())), o.reason()), r);
        });
    }

    @Override
    public int reviewDue() {
        session.require(Permission.VISITS_READ);
        List<UUID> due = care.reviewDue(dsl, keeper.today());
        for (UUID id : due) {
            dsl.transaction(cfg -> {
                DSLContext tx = cfg.dsl();
                CareKeeper.Refreshed r = keeper.refresh(tx, id, ColourSource.RULE, Actor.SYSTEM_NAME);
                r.change().ifPresent(c -> audit.append(tx, CareKeeper.auditEvent(Actor.SYSTEM_NAME, c,
                        r.person().name())));
            });
        }
        return due.size();
    }

    private void checkExpiry(List<Problem> problems, LocalDate expires) {
        LocalDate today = keeper.today();
        if (expires.isBefore(today)) {
            problems.add(Problem.error("expiresOn", "problem.override.expiresPast"));
        } else if (expires.isAfter(today.plusDays(MAX_OVERRIDE_DAYS))) {
            problems.add(Problem.error("expiresOn", "problem.override.expiresTooLate",
                    String.valueOf(MAX_OVERRIDE_DAYS), today.plusDays(MAX_OVERRIDE_DAYS).toString()));
        }
    }

    private Person openFile(DSLContext tx, UUID personId) {
        Person p = keeper.person(tx, personId);
        if (p.isClosed()) {
            throw new UserException("error.override.personClosed", p.name());
        }
        return p;
    }

    private ColourOverride activeIn(DSLContext tx, Person p) {
        return care.openOverride(tx, p.id()).filter(o -> o.activeOn(keeper.today()))
                .orElseThrow(() -> new UserException("error.override.none", p.name()));
    }

    private void append(DSLContext tx, String by, AuditAction action, Person p, AuditDetail detail,
            CareKeeper.Refreshed r) {
        List<AuditEvent> events = new ArrayList<>();
        events.add(AuditEvent.success(by, action, AuditObjectType.PERSON, p.id().toString(), p.name(), detail));
        r.change().ifPresent(c -> events.add(CareKeeper.auditEvent(by, c, p.name())));
        audit.appendAll(tx, events);
    }
}
