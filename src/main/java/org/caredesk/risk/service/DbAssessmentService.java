package org.caredesk.risk.service;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
import org.caredesk.common.ValidationException;
import org.caredesk.people.Person;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.caredesk.risk.Assessment;
import org.caredesk.risk.AssessmentDraft;
import org.caredesk.risk.AssessmentItem;
import org.caredesk.risk.AssessmentScore;
import org.caredesk.risk.AssessmentService;
import org.caredesk.risk.ColourSource;
import org.caredesk.risk.data.AssessmentRepository;
import org.jooq.DSLContext;
import org.caredesk.common.FieldLength;

/** Risk assessments on the database: each save recomputes the person's colour in its transaction. */
public final class DbAssessmentService implements AssessmentService {
    public static final int NOTE_LENGTH = 500;

    private final DSLContext dsl;
    private final AssessmentRepository assessments;
    private final CareKeeper keeper;
    private final AuditLog audit;
    private final Actor actor;
    private final Session session;

    public DbAssessmentService(DSLContext dsl, AssessmentRepository assessments, CareKeeper keeper, AuditLog audit,
            Actor actor, Session session) {
        this.dsl = dsl;
        this.assessments = assessments;
        this.keeper = keeper;
        this.audit = audit;
        this.actor = actor;
        this.session = session;
    }

    @Override
    public AssessmentScore score(Map<AssessmentItem, Integer> scores) {
        int total = 0;
        for (AssessmentItem item : AssessmentItem.values()) {
            Integer s = scores == null ? null : scores.get(item);
            if (s != null && s > 0 && s <= AssessmentItem.MAX_SCORE) {
                total += s;
            }
        }
        return new AssessmentScore(total, AssessmentItem.maxTotal(), keeper.settings().assessmentColour(total));
    }

    @Override
    public Assessment save(AssessmentDraft draft) {
        session.require(Permission.VISITS_WRITE);
        String by = actor.userName();
        List<Problem> problems = new ArrayList<>();
        LocalDate today = keeper.today();
        if (draft.personId() == null) {
            problems.add(Problem.error("person", "problem.required", new I18n.Key("field.assessment.person")));
        }
        if (draft.assessedOn() == null) {
            problems.add(Problem.error("assessedOn", "problem.required", new I18n.Key("field.assessment.assessedOn")));
        } else if (draft.assessedOn().isAfter(today)) {
            problems.add(Problem.error("assessedOn", "problem.future", new I18n.Key("field.assessment.assessedOn")));
        }
        Map<AssessmentItem, Integer> scores = new EnumMap<>(AssessmentItem.class);
        for (AssessmentItem item : AssessmentItem.values()) {
            Integer s = draft.scores().get(item);
            I18n.Key label = new I18n.Key(I18n.enumKey(item));
            if (s == null) {
                problems.add(Problem.error(item.name(), "problem.assessment.unanswered", label));
            } else if (s < 0 || s > AssessmentItem.MAX_SCORE) {
                problems.add(Problem.error(item.name(), "problem.assessment.score", label,
                        String.valueOf(AssessmentItem.MAX_SCORE)));
            } else {
                scores.put(item, s);
            }
        }
        String note = Text.clean(draft.note());
        FieldLength.check(problems, "note", "field.assessment.note", note, NOTE_LENGTH);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Person p = keeper.person(tx, draft.personId());
            if (p.isClosed()) {
                throw new ValidationException(List.of(Problem.error("person", "problem.assessment.personClosed",
                        p.name())));
            }
            LocalDateTime now = keeper.now();
            int total = scores.values().stream().mapToInt(Integer::intValue).sum();
            Assessment a = new Assessment(Ids.newId(), new AssessmentDraft(p.id(), draft.assessedOn(), scores, note),
                    total, keeper.settings().assessmentColour(total), by, now);
            assessments.insert(tx, a);
            CareKeeper.Refreshed r = keeper.refresh(tx, p.id(), ColourSource.ASSESSMENT, by);
            List<AuditEvent> events = new ArrayList<>();
            events.add(AuditEvent.success(by, AuditAction.ASSESSMENT_RECORDED, AuditObjectType.ASSESSMENT,
                    a.id().toString(), p.name(), AuditDetail.message("audit.detail.assessment",
                            a.data().assessedOn().toString(), String.valueOf(total),
                            new I18n.Key(I18n.enumKey(a.colour())))));
            r.change().ifPresent(c -> events.add(CareKeeper.auditEvent(by, c, p.name())));
            audit.appendAll(tx, events);
            return a;
        });
    }

    @Override
    public List<Assessment> history(UUID personId) {
        session.require(Permission.VISITS_READ);
        return assessments.forPerson(dsl, personId, Integer.MAX_VALUE);
    }

    @Override
    public Optional<Assessment> latest(UUID personId) {
        session.require(Permission.VISITS_READ);
        return assessments.latest(dsl, personId);
    }
}
