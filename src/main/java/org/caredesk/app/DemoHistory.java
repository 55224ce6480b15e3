package org.caredesk.app;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import org.caredesk.audit.Actor;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditDetail;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.Ids;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.Medication;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.data.PersonRepository;
import org.caredesk.risk.Assessment;
import org.caredesk.risk.AssessmentDraft;
import org.caredesk.risk.AssessmentItem;
import org.caredesk.risk.ColourOverride;
import org.caredesk.risk.ColourSource;
import org.caredesk.incidents.Incident;
import org.caredesk.incidents.IncidentDraft;
import org.caredesk.incidents.IncidentStatus;
import org.caredesk.common.IncidentType;
import org.caredesk.visits.Insight;
import org.caredesk.visits.Need;
import org.caredesk.incidents.NotifiedParty;
import org.caredesk.common.UrineResult;
import org.caredesk.visits.Visit;
import org.caredesk.visits.VisitDraft;
import org.caredesk.visits.VisitPerson;
import org.caredesk.visits.VisitType;
import org.caredesk.risk.data.AssessmentRepository;
import org.caredesk.risk.data.CareRepository;
import org.caredesk.incidents.data.IncidentRepository;
import org.caredesk.visits.data.VisitRepository;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.jooq.DSLContext;
import org.caredesk.risk.service.CareKeeper;

/**
 * Two years of care for the demo community, as the article describes it: about 440 visits (recent ones at each
 * colour's interval, older ones sparser, quarterly 普法课堂 group sessions), structured assessments, one override,
 * and a few incidents, each completed within hours and followed by a visit (no incident left open). Deterministic.
 * Every event is written and its person's colour refreshed as of the event's own time, so the colour timelines
 * show when colours changed. Written by the system, with one audit entry for the whole history.
 */
public final class DemoHistory {
    public static final long SEED = 20_250_601L;
    static final int DAYS = 730;

    private static final String[] STAFF = {"周敏", "李建华", "陈晓红", "王志强"};
    private static final String[] VOLUNTEERS = {"楼栋长 王大爷", "志愿者 刘阿姨", "社区民警 张警官", "心理咨询师 何老师"};

    private final DSLContext dsl;
    private final VisitRepository visits;
    private final AssessmentRepository assessments;
    private final IncidentRepository incidents;
    private final CareRepository care;
    private final PersonRepository people;
    private final CareKeeper keeper;
    private final AuditLog audit;
    private final Session session;

    public DemoHistory(DSLContext dsl, VisitRepository visits, AssessmentRepository assessments,
            IncidentRepository incidents, CareRepository care, PersonRepository people, CareKeeper keeper,
            AuditLog audit, Session session) {
        this.session = session;
        this.dsl = dsl;
        this.visits = visits;
        this.assessments = assessments;
        this.incidents = incidents;
        this.care = care;
        this.people = people;
        this.keeper = keeper;
        this.audit = audit;
    }

    /** What was written. */
    public record Summary(int visits, int assessments, int incidents) {}

    /** Something that happened at a moment, written then refreshed as of that moment. */
    private record Event(LocalDateTime at, Consumer<DSLContext> write) {}

    /** Writes the history of every active person never visited (in the demo: everyone). */
    public Summary write() {
        session.require(Permission.VISITS_WRITE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            List<UUID> ids = care.neverVisited(tx, null, Integer.MAX_VALUE);
            List<Person> all = new ArrayList<>(people.findAll(tx, ids));
            all.sort(Comparator.comparing(Person::name).thenComparing(p -> p.data().idNumber()));
            LocalDateTime now = keeper.now();
            LocalDate today = now.toLocalDate();
            LocalDateTime start = today.minusDays(DAYS).atTime(8, 0);
            SplittableRandom r = new SplittableRandom(SEED);
            List<Event> events = new ArrayList<>();
            int[] counts = new int[3];
            String by = Actor.SYSTEM_NAME;

            // The roster was imported today, but its people have been cared for these two years: their files
            // date from the history's start, so a past month's report counts them (it counts from registration).
            people.setRegisteredAt(tx, ids, start);
            care.forgetForReplay(tx, ids);
            for (Person p : all) {
                events.add(new Event(start, t -> keeper.refreshAt(t, p.id(), ColourSource.RULE, by, start)));
                personVisits(p, r, today, now, events, counts);
                personAssessments(p, r, today, events, counts);
            }
            groupSessions(all, r, today, events, counts);
            incidentsAndOverride(all, today, now, events, counts);

            events.sort(Comparator.comparing(Event::at));
            for (Event e : events) {
                e.write().accept(tx);
            }
            Summary s = new Summary(counts[0], counts[1], counts[2]);
            audit.append(tx, AuditEvent.success(by, AuditAction.DATA_GENERATED, AuditObjectType.VISIT, null, null,
                    AuditDetail.message("audit.detail.demoHistory", String.valueOf(s.visits()),
                            String.valueOf(s.assessments()), String.valueOf(s.incidents()))));
            return s;
        });
    }

    private void personVisits(Person p, SplittableRandom r, LocalDate today, LocalDateTime now, List<Event> events,
            int[] counts) {
        RiskColour colour = p.colour();
        int interval = keeper.settings().visitDays(colour);
        int recent = colour == RiskColour.RED ? 3 : colour == RiskColour.YELLOW ? 2 : 1;
        // The latest visit: within the interval for most people, a day or two late for some.
        int first = r.nextInt(interval + 2);
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < recent; i++) {
            dates.add(today.minusDays(first + (long) i * interval));
        }
        int older = 2 + r.nextInt(2);
        for (int i = 0; i < older; i++) {
            dates.add(today.minusDays(60 + r.nextInt(DAYS - 60)));
        }
        for (int i = 0; i < dates.size(); i++) {
            LocalDate d = dates.get(i);
            // The recent visits keep each drug user's urine tests on the programme's cadence (as the article's
            // community does); a missed test happens only on older visits.
            boolean recentVisit = i < recent;
            LocalDateTime at = d.atTime(9 + r.nextInt(8), 15 * r.nextInt(4));
            if (at.isAfter(now)) {
                at = now.minusMinutes(30);
            }
            LocalDateTime when = at;
            VisitPerson part = part(p, r, d, recentVisit).withNextVisit(d.plusDays(interval));
            VisitType type = r.nextInt(10) < 7 ? VisitType.HOME : r.nextInt(2) == 0 ? VisitType.PHONE
                    : VisitType.OFFICE;
            VisitDraft draft = new VisitDraft(when, type, staffOf(p, r),
                    r.nextInt(4) == 0 ? VOLUNTEERS[r.nextInt(VOLUNTEERS.length)] : null, List.of(part), needs(p, r),
                    findings(p, r), help(p, r), plan(p, r));
            events.add(visitEvent(new Visit(Ids.newId(), draft, Actor.SYSTEM_NAME, when.plusMinutes(40)),
                    List.of(p.id())));
            counts[0]++;
        }
    }

    private Event visitEvent(Visit v, List<UUID> who) {
        return new Event(v.recordedAt(), t -> {
            visits.insert(t, v);
            for (UUID id : who) {
                keeper.refreshAt(t, id, ColourSource.RULE, Actor.SYSTEM_NAME, v.recordedAt());
            }
        });
    }

    private static VisitPerson part(Person p, SplittableRandom r, LocalDate d, boolean mustTest) {
        VisitPerson part = VisitPerson.of(p.id());
        Membership drug = membership(p, Category.DRUG_USER);
        if (drug != null) {
            boolean missed = r.nextInt(8) == 0 && !mustTest;
            boolean inProgramme = drug.drugStartDate() == null || !d.isBefore(drug.drugStartDate());
            // No urine test is recorded before the person's programme began.
            if (inProgramme) {
                part = missed ? part.withUrine(UrineResult.NOT_TESTED, null) : part.withUrine(UrineResult.NEGATIVE, d);
            }
        }
        Membership mental = membership(p, Category.MENTAL_DISORDER);
        if (mental != null) {
            int level = mental.mentalRiskLevel() == null ? 0 : mental.mentalRiskLevel();
            if (r.nextInt(6) == 0) {
                level = Math.max(0, Math.min(5, level + (r.nextBoolean() ? 1 : -1)));
            }
            String symptoms = level >= 3 ? "情绪不稳，夜间吵闹" : level >= 1 ? "偶有自言自语" : "无明显症状";
            part = part.withMental(level, symptoms, level >= 3 ? Insight.PARTIAL : Insight.FULL,
                    r.nextInt(5) == 0 ? Medication.INTERMITTENT : Medication.REGULAR, mental.consentDate() != null);
        }
        return part;
    }

    private static Set<Need> needs(Person p, SplittableRandom r) {
        Set<Need> needs = EnumSet.noneOf(Need.class);
        if (r.nextInt(3) != 0) {
            return needs;
        }
        if (has(p, Category.RELEASED_PRISONER) || has(p, Category.DRUG_USER)) {
            needs.add(r.nextBoolean() ? Need.EMPLOYMENT : Need.LEGAL);
        } else if (has(p, Category.MENTAL_DISORDER)) {
            needs.add(r.nextBoolean() ? Need.MEDICAL : Need.PSYCHOLOGICAL);
        } else if (has(p, Category.ELDERLY_ALONE)) {
            needs.add(r.nextBoolean() ? Need.MEDICAL : Need.HOUSING);
        } else {
            needs.add(r.nextBoolean() ? Need.FINANCIAL : Need.OTHER);
        }
        return needs;
    }

    private static String findings(Person p, SplittableRandom r) {
        if (has(p, Category.MENTAL_DISORDER)) {
            return pick(r, "按时服药，情绪平稳", "家属反映近期睡眠不好", "病情稳定，能做简单家务");
        }
        if (has(p, Category.DRUG_USER)) {
            return pick(r, "尿检阴性，按时报到", "在物流公司打零工", "与家人关系有所改善");
        }
        if (has(p, Category.RELEASED_PRISONER)) {
            return pick(r, "在找工作，情绪尚可", "已在超市上班", "与邻居相处正常");
        }
        if (has(p, Category.ELDERLY_ALONE)) {
            return pick(r, "身体尚可，独自生活", "腿脚不便，买菜困难", "子女每周来看望");
        }
        return pick(r, "生活正常", "家中情况稳定", "提出了一些困难");
    }

    private static String help(Person p, SplittableRandom r) {
        if (has(p, Category.ELDERLY_ALONE) || has(p, Category.DISABLED)) {
            return pick(r, "巧手维修队上门修理水管", "志愿者代购生活用品", "联系义诊");
        }
        if (has(p, Category.RELEASED_PRISONER) || has(p, Category.DRUG_USER)) {
            return pick(r, "推荐就业岗位", "讲解社区康复规定", "心理疏导");
        }
        return pick(r, "心理疏导", "政策宣讲", "送去慰问品");
    }

    private static String plan(Person p, SplittableRandom r) {
        return pick(r, "按期回访", "下次了解就业情况", "继续关注情绪变化", "联系家属共同帮扶");
    }

    private static String staffOf(Person p, SplittableRandom r) {
        String s = p.data().responsibleStaff();
        return s != null ? s : STAFF[r.nextInt(STAFF.length)];
    }

    private void personAssessments(Person p, SplittableRandom r, LocalDate today, List<Event> events,
            int[] counts) {
        if (has(p, Category.MENTAL_DISORDER) || has(p, Category.CORRECTION)) {
            return;
        }
        boolean atRisk = has(p, Category.RELEASED_PRISONER) || has(p, Category.DRUG_USER);
        for (LocalDate d : List.of(today.minusDays(400 + r.nextInt(200)), today.minusDays(30 + r.nextInt(120)))) {
            Map<AssessmentItem, Integer> scores = new EnumMap<>(AssessmentItem.class);
            for (AssessmentItem item : AssessmentItem.values()) {
                int max = atRisk && (item == AssessmentItem.EMPLOYMENT || item == AssessmentItem.CONFLICTS) ? 3 : 2;
                scores.put(item, Math.min(AssessmentItem.MAX_SCORE, r.nextInt(max)));
            }
            int total = scores.values().stream().mapToInt(Integer::intValue).sum();
            LocalDateTime at = d.atTime(14, 0);
            Assessment a = new Assessment(Ids.newId(), new AssessmentDraft(p.id(), d, scores, "入户评估"), total,
                    keeper.settings().assessmentColour(total), staffOf(p, r), at);
            events.add(new Event(at, t -> {
                assessments.insert(t, a);
                keeper.refreshAt(t, p.id(), ColourSource.ASSESSMENT, Actor.SYSTEM_NAME, at);
            }));
            counts[1]++;
        }
    }

    /** 普法课堂: a legal-education session each quarter for drug users, released prisoners and correction subjects. */
    private void groupSessions(List<Person> all, SplittableRandom r, LocalDate today, List<Event> events,
            int[] counts) {
        List<Person> invited = all.stream().filter(p -> has(p, Category.DRUG_USER)
                || has(p, Category.RELEASED_PRISONER) || has(p, Category.CORRECTION)).toList();
        if (invited.isEmpty()) {
            return;
        }
        for (int q = 1; q <= 8; q++) {
            LocalDate d = today.minusDays(q * 90L - 20);
            List<VisitPerson> parts = new ArrayList<>();
            int size = Math.min(invited.size(), 4 + r.nextInt(3));
            int from = r.nextInt(invited.size());
            for (int i = 0; i < size; i++) {
                Person p = invited.get((from + i) % invited.size());
                VisitPerson part = VisitPerson.of(p.id());
                if (has(p, Category.DRUG_USER)) {
                    part = part.withUrine(UrineResult.NOT_TESTED, null);
                }
                parts.add(part);
            }
            LocalDateTime at = d.atTime(15, 0);
            VisitDraft draft = new VisitDraft(at, VisitType.GROUP, "李建华, 周敏", "律师志愿者 陈律师", parts,
                    EnumSet.of(Need.LEGAL), "普法课堂：社区矫正和社区康复的规定", "发放普法手册", "下季度继续");
            events.add(visitEvent(new Visit(Ids.newId(), draft, Actor.SYSTEM_NAME, at.plusHours(2)),
                    parts.stream().map(VisitPerson::personId).toList()));
            counts[0]++;
        }
    }

    /**
     * A few incidents, each completed within hours and followed by a visit the next day, and one override: the
     * community reports no incident left unresolved.
     */
    private void incidentsAndOverride(List<Person> all, LocalDate today, LocalDateTime now, List<Event> events,
            int[] counts) {
        List<Person> mental = all.stream().filter(p -> levelOf(p) >= 3).toList();
        List<Person> elderly = all.stream().filter(p -> has(p, Category.ELDERLY_ALONE)).toList();
        List<Person> released = all.stream().filter(p -> has(p, Category.RELEASED_PRISONER)).toList();
        if (!mental.isEmpty()) {
            incident(mental.get(0), today.minusDays(480).atTime(21, 10), IncidentType.RELAPSE, "夜间情绪激动，摔砸家中物品",
                    "联系精防医生和家属，送市精神卫生中心", EnumSet.of(NotifiedParty.HOSPITAL, NotifiedParty.FAMILY,
                            NotifiedParty.MENTAL_HEALTH_AGENCY), "住院治疗两周后出院，按时服药", 5, events, counts);
        }
        if (!elderly.isEmpty()) {
            incident(elderly.get(elderly.size() / 2), today.minusDays(330).atTime(17, 40), IncidentType.MISSING,
                    "傍晚外出未归", "联系家属，报派出所，立新巡逻队分头寻找", EnumSet.of(NotifiedParty.POLICE,
                            NotifiedParty.FAMILY), "当晚在公园找到，已送回家", 3, events, counts);
        }
        if (!released.isEmpty()) {
            incident(released.get(released.size() / 2), today.minusDays(210).atTime(10, 30), IncidentType.DISPUTE,
                    "与邻居因漏水发生争吵", "社工和楼栋长到场调解", EnumSet.noneOf(NotifiedParty.class),
                    "双方达成一致，巧手维修队修好水管", 4, events, counts);
        }
        if (mental.size() > 1) {
            incident(mental.get(1), today.minusDays(120).atTime(8, 20), IncidentType.RELAPSE, "停药后出现幻听",
                    "联系精防机构上门，督促服药", EnumSet.of(NotifiedParty.MENTAL_HEALTH_AGENCY, NotifiedParty.FAMILY),
                    "恢复服药，症状缓解", 6, events, counts);
        }
        if (mental.size() > 2) {
            Person p = mental.get(2);
            LocalDateTime at = now.minusDays(20);
            ColourOverride o = new ColourOverride(Ids.newId(), p.id(), RiskColour.YELLOW,
                    "已住院治疗，病情稳定，由医院看护", at.toLocalDate().plusDays(keeper.settings().overrideDays()),
                    STAFF[0], at, at, null, null, null);
            events.add(new Event(at, t -> {
                care.insertOverride(t, o);
                keeper.refreshAt(t, p.id(), ColourSource.OVERRIDE, STAFF[0], at);
            }));
        }
    }

    private void incident(Person p, LocalDateTime occurred, IncidentType type, String what, String done,
            Set<NotifiedParty> notified, String outcome, int hoursToClose, List<Event> events, int[] counts) {
        LocalDateTime recorded = occurred.plusMinutes(40);
        LocalDateTime closed = occurred.plusHours(hoursToClose);
        IncidentDraft d = new IncidentDraft(p.id(), occurred, type, what, done, notified, null);
        Incident open = new Incident(Ids.newId(), d, p.name(), IncidentStatus.OPEN, null, null, STAFF[1], recorded, 0);
        events.add(new Event(recorded, t -> {
            incidents.insert(t, open);
            keeper.refreshAt(t, p.id(), ColourSource.INCIDENT, STAFF[1], recorded);
        }));
        Incident done2 = new Incident(open.id(), new IncidentDraft(p.id(), occurred, type, what, done, notified,
                outcome), p.name(), IncidentStatus.CLOSED, closed, STAFF[1], STAFF[1], recorded, 1);
        events.add(new Event(closed, t -> {
            incidents.update(t, done2, 0);
            keeper.refreshAt(t, p.id(), ColourSource.INCIDENT, STAFF[1], closed);
        }));
        LocalDateTime followUp = occurred.toLocalDate().plusDays(1).atTime(10, 0);
        VisitDraft visit = new VisitDraft(followUp, VisitType.HOME, STAFF[1], null, List.of(part(p,
                new SplittableRandom(followUp.toLocalDate().toEpochDay()), followUp.toLocalDate(), true)),
                EnumSet.noneOf(Need.class), "事件后回访：" + outcome, "心理疏导", "按期回访");
        events.add(visitEvent(new Visit(Ids.newId(), visit, Actor.SYSTEM_NAME, followUp.plusMinutes(30)),
                List.of(p.id())));
        counts[0]++;
        counts[2]++;
    }

    private static int levelOf(Person p) {
        Membership m = membership(p, Category.MENTAL_DISORDER);
        return m == null || m.mentalRiskLevel() == null ? -1 : m.mentalRiskLevel();
    }

    private static String pick(SplittableRandom r, String... options) {
        return options[r.nextInt(options.length)];
    }

    private static boolean has(Person p, Category c) {
        return membership(p, c) != null;
    }

    private static Membership membership(Person p, Category c) {
        return p.data().membership(c);
    }
}
