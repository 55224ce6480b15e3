package org.caredesk.visits.service;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.caredesk.audit.Actor;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditDetail;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.Ids;
import org.caredesk.common.Progress;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.Medication;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.data.PersonRepository;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.caredesk.visits.Insight;
import org.caredesk.visits.Need;
import org.caredesk.common.UrineResult;
import org.caredesk.visits.Visit;
import org.caredesk.visits.VisitDraft;
import org.caredesk.visits.VisitPerson;
import org.caredesk.visits.VisitType;
import org.caredesk.risk.data.CareRepository;
import org.caredesk.risk.data.CareRepository.VisitFacts;
import org.caredesk.risk.data.CareRepository.VisitFactsBuilder;
import org.caredesk.visits.data.VisitRepository;
import org.jooq.DSLContext;
import org.caredesk.risk.service.CareKeeper;

/**
 * Fictitious visits for scale tests: about {@code perPerson} visits over the last two years for every active person
 * never visited yet (the people {@code generate} has just added). Deterministic for a seed. Written in batches of
 * people, each batch one transaction with its schedules and colours; the audit log gets one entry for the run,
 * not one per visit.
 */
public final class SyntheticVisits {
    /**
     * People per transaction: about 20 visits each, so a transaction stays far below the unsaved memory at which H2
     * stores an open transaction's pages (docs/decisions/0017).
     */
    public static final int CHUNK = 100;
    static final int DAYS = 730;

    private static final String[] FINDINGS = {"情况稳定", "生活正常", "家属陪伴良好", "情绪低落", "求职遇到困难",
        "按时服药", "与邻居有些摩擦", "身体不适，已就医"};
    private static final String[] HELP = {"心理疏导", "政策宣讲", "联系就业岗位", "送去慰问品", "协助办理低保",
        "法律咨询"};
    private static final String[] PLANS = {"下次了解就业情况", "继续关注情绪变化", "督促按时服药", "联系家属共同帮扶"};
    private static final String[] STAFF = {"周敏", "李建华", "陈晓红", "王志强", "刘芳", "赵磊", "孙丽娟", "黄海涛"};

    private final DSLContext dsl;
    private final VisitRepository visits;
    private final CareRepository care;
    private final PersonRepository people;
    private final CareKeeper keeper;
    private final AuditLog audit;
    private final Actor actor;
    private final Session session;

    public SyntheticVisits(DSLContext dsl, VisitRepository visits, CareRepository care, PersonRepository people,
            CareKeeper keeper, AuditLog audit, Actor actor, Session session) {
        this.dsl = dsl;
        this.visits = visits;
        this.care = care;
        this.people = people;
        this.keeper = keeper;
        this.audit = audit;
        this.actor = actor;
        this.session = session;
    }

    /** @return how many visits were added */
    public long generate(long seed, int perPerson, Progress progress) {
        session.require(Permission.VISITS_WRITE);
        String by = actor.userName();
        SplittableRandom random = new SplittableRandom(seed);
        LocalDateTime now = keeper.now();
        long added = 0;
        int persons = 0;
        UUID after = null;
        while (!progress.isCancelled()) {
            List<UUID> ids = care.neverVisited(dsl, after, CHUNK);
            if (ids.isEmpty()) {
                break;
            }
            after = ids.get(ids.size() - 1);
            List<Person> chunk = people.findAll(dsl, ids);
            List<Visit> batch = new ArrayList<>(chunk.size() * perPerson);
            Map<UUID, VisitFacts> facts = new HashMap<>();
            for (Person p : chunk) {
                VisitFactsBuilder b = new VisitFactsBuilder();
                for (Visit v : visitsOf(p, random.split(), perPerson, now, by)) {
                    VisitPerson part = v.data().people().get(0);
                    b.add(v.id(), v.data().visitedAt().toLocalDate(), part.nextVisitDate(), part.mentalRiskLevel(),
                            part.consentOnFile(), part.urineResult(), part.urineDate());
                    batch.add(v);
                }
                facts.put(p.id(), b.build());
            }
            dsl.transaction(cfg -> {
                DSLContext tx = cfg.dsl();
                visits.insertAll(tx, batch);
                keeper.visitedInBulk(tx, chunk, facts, care.schedules(tx, ids), by);
            });
            added += batch.size();
            persons += chunk.size();
            progress.update(persons, persons);
        }
        long total = added;
        int visited = persons;
        audit.record(AuditEvent.success(by, AuditAction.DATA_GENERATED, AuditObjectType.VISIT, null, null,
                AuditDetail.message("audit.detail.visitsGenerated", String.valueOf(total), String.valueOf(visited))));
        return added;
    }

    /** A person's visits: spread over two years, the latest mostly within the colour's interval. */
    static List<Visit> visitsOf(Person p, SplittableRandom r, int perPerson, LocalDateTime now, String by) {
        boolean drug = has(p, Category.DRUG_USER);
        Membership mental = membership(p, Category.MENTAL_DISORDER);
        int interval = p.colour() == RiskColour.RED ? 7 : p.colour() == RiskColour.YELLOW ? 14 : 30;
        int count = Math.max(1, perPerson - 3 + r.nextInt(7));
        int gap = Math.max(1, DAYS / count);
        // The most recent visit: within the interval for most people, a few days late for about one in six.
        LocalDate date = now.toLocalDate().minusDays(r.nextInt(interval + interval / 5 + 1));
        String staff = p.data().responsibleStaff() != null ? p.data().responsibleStaff()
                : STAFF[r.nextInt(STAFF.length)];
        List<Visit> list = new ArrayList<>(count);
        for (int i = 0; i < count && !date.isBefore(now.toLocalDate().minusDays(DAYS)); i++) {
            LocalDateTime at = date.atTime(9 + r.nextInt(8), r.nextInt(4) * 15);
            if (at.isAfter(now)) {
                at = now.minusMinutes(1);
            }
            VisitPerson part = VisitPerson.of(p.id()).withNextVisit(date.plusDays(interval));
            if (drug) {
                int u = r.nextInt(100);
                UrineResult result = u < 3 ? UrineResult.POSITIVE : u < 90 ? UrineResult.NEGATIVE
                        : UrineResult.NOT_TESTED;
                part = part.withUrine(result, result == UrineResult.NOT_TESTED ? null : date);
            }
            if (mental != null) {
                int base = mental.mentalRiskLevel() == null ? 0 : mental.mentalRiskLevel();
                int level = Math.max(0, Math.min(5, base + r.nextInt(3) - 1));
                part = part.withMental(level, null, Insight.values()[r.nextInt(3)],
                        Medication.values()[r.nextInt(10) < 8 ? 0 : 1], r.nextInt(10) > 0);
            }
            Set<Need> needs = EnumSet.noneOf(Need.class);
            if (r.nextInt(3) == 0) {
                needs.add(Need.values()[r.nextInt(Need.values().length)]);
            }
            VisitType type = r.nextInt(10) < 7 ? VisitType.HOME : r.nextInt(2) == 0 ? VisitType.PHONE
                    : VisitType.OFFICE;
            VisitDraft d = new VisitDraft(at, type, staff, null, List.of(part), needs,
                    FINDINGS[r.nextInt(FINDINGS.length)], HELP[r.nextInt(HELP.length)],
                    PLANS[r.nextInt(PLANS.length)]);
            list.add(new Visit(Ids.newId(), d, by, now));
            date = date.minusDays(Math.max(1, gap - gap / 4 + r.nextInt(gap / 2 + 1)));
        }
        return list;
    }

    private static boolean has(Person p, Category c) {
        return membership(p, c) != null;
    }

    private static Membership membership(Person p, Category c) {
        return p.data().membership(c);
    }
}
