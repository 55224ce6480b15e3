package org.caredesk.report.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caredesk.report.Period.MONTH;
import static org.caredesk.report.Period.YEAR_TO_DATE;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.caredesk.app.AppContext;
import org.caredesk.app.MutableClock;
import org.caredesk.common.I18n;
import org.caredesk.common.IdNumber;
import org.caredesk.common.IncidentType;
import org.caredesk.common.UrineResult;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.incidents.Incident;
import org.caredesk.incidents.IncidentDraft;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.Enums.CorrectionType;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.DrugProgramme;
import org.caredesk.people.Enums.Medication;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.report.DetailRow;
import org.caredesk.report.Figure;
import org.caredesk.report.FigureCatalogue;
import org.caredesk.report.MonthlyReport;
import org.caredesk.report.Period;
import org.caredesk.report.ReportPart;
import org.caredesk.report.ReportScope;
import org.caredesk.security.AccessDeniedException;
import org.caredesk.security.Role;
import org.caredesk.security.UserIdentity;
import org.caredesk.common.UserException;
import org.caredesk.visits.Need;
import org.caredesk.visits.VisitDraft;
import org.caredesk.visits.VisitPerson;
import org.caredesk.visits.VisitType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Issue 9: every figure of the monthly report on a small community built by hand from 6 January 2025 to 10 May 2025,
 * each event recorded at its own moment. The expected numbers are worked out below from the rules in words
 * (decision 0028), not by running the same code: see the comment over each block.
 *
 * <pre>
 * A 王秀英 3栋 周敏  mental disorder level 4 (red: visits every 7 days), consent 2024-12-01, 规律; reg. 6 Jan
 *                   visits 10 Jan, 20 Feb, 1 Mar, 8 Mar, 20 Mar, 2 Apr; incidents 5 Mar 10:00 (closed 20:00),
 *                   30 Mar 22:00 (closed 3 Apr)
 * B 李强   5栋 赵磊  mental disorder level 1 (yellow: 14 days), no consent, 间断; reg. 6 Jan; closed 15 Apr (迁出)
 * C 张桂兰 3栋 —     elderly alone (green: 30 days); reg. 6 Jan; visits 3 Feb, 25 Feb, 27 Mar
 * D 陈刚   5栋 赵磊  correction 缓刑 普管 (yellow) 2024-06-01 to 2025-03-20; reg. 6 Jan
 * E 刘洋   7栋 周敏  drug user 社区戒毒 from 10 Feb (green); reg. 10 Feb; visits 10 Mar (urine negative),
 *                   25 Mar (urine positive: red from then)
 * F 赵敏   7栋 周敏  released 2020-03-15 (帮教 ends 2025-03-15); reg. 6 Jan
 * G 孙丽   7栋 周敏  released 2025-03-01; reg. 5 Mar
 * </pre>
 */
@OnBothDatabases
class ReportServiceTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;
    private MutableClock clock;
    private AppContext ctx;
    private ReportService reports;
    private int sequence;
    private Person a;
    private Person b;
    private Person c;
    private Person d;
    private Person e;
    private Person f;
    private Person g;

    @BeforeEach
    void build() {
        I18n.setLocale(I18n.CHINESE);
        clock = new MutableClock(LocalDateTime.of(2025, 1, 6, 9, 0).atZone(BEIJING).toInstant(), BEIJING);
        ctx = database.context(dir, clock);
        ctx.actAs(() -> "caseworker");
        reports = ctx.service(ReportService.class);

        a = register("王秀英", "3栋", "周敏", Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, 4,
                LocalDate.of(2024, 12, 1), Medication.REGULAR));
        b = register("李强", "5栋", "赵磊", Membership.mentalDisorder(Diagnosis.BIPOLAR, 1, null,
                Medication.INTERMITTENT));
        c = register("张桂兰", "3栋", null, Membership.of(Category.ELDERLY_ALONE));
        d = register("陈刚", "5栋", "赵磊", Membership.correction(CorrectionType.PROBATION, LocalDate.of(2024, 6, 1),
                LocalDate.of(2025, 3, 20), CorrectionLevel.NORMAL));
        f = register("赵敏", "7栋", "周敏", Membership.releasedPrisoner(LocalDate.of(2020, 3, 15), "盗窃", "五年"));
        visit(a, at(1, 10));
        visit(c, at(2, 3));
        to(at(2, 10));
        e = register("刘洋", "7栋", "周敏", Membership.drugUser(DrugProgramme.COMMUNITY_DETOX,
                LocalDate.of(2025, 2, 10)));
        visit(a, at(2, 20));
        visit(c, at(2, 25));
        visit(a, at(3, 1));
        to(at(3, 5));
        g = register("孙丽", "7栋", "周敏", Membership.releasedPrisoner(LocalDate.of(2025, 3, 1), "诈骗", "二年"));
        to(at(3, 5).withHour(10));
        Incident selfHarm = ctx.incidents().record(new IncidentDraft(a.id(), now(), IncidentType.SELF_HARM, null,
                "送医", Set.of(), null));
        to(at(3, 5).withHour(20));
        ctx.incidents().close(selfHarm.id(), "已处置", selfHarm.version());
        visit(a, at(3, 8));
        visit(e, at(3, 10), UrineResult.NEGATIVE);
        visit(a, at(3, 20));
        visit(e, at(3, 25), UrineResult.POSITIVE);
        visit(c, at(3, 27));
        to(at(3, 30).withHour(22));
        Incident relapse = ctx.incidents().record(new IncidentDraft(a.id(), now(), IncidentType.RELAPSE, null,
                "联系家属", Set.of(), null));
        visit(a, at(4, 2));
        to(at(4, 3));
        ctx.incidents().close(relapse.id(), "已处置", relapse.version());
        to(at(4, 15));
        Person current = ctx.people().find(b.id()).orElseThrow();
        ctx.people().close(b.id(), CloseReason.MOVED_AWAY, LocalDate.of(2025, 4, 15), null, current.version());
        to(at(5, 10));
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static LocalDateTime at(int month, int day) {
        return LocalDateTime.of(2025, month, day, 9, 0);
    }

    private void to(LocalDateTime t) {
        clock.advance(Duration.between(now(), t));
    }

    private Person register(String name, String building, String staff, Membership m) {
        String first17 = "110105" + "19800101" + String.format("%03d", ++sequence);
        PersonDraft p = PersonDraft.minimal(name, first17 + IdNumber.checkChar(first17), List.of(m));
        return ctx.people().register(new PersonDraft(p.name(), p.idType(), p.idNumber(), p.ethnicity(), p.phone1(),
                p.phone2(), p.estate(), building, p.unit(), p.room(), p.householdAddress(), p.livingSituation(),
                p.emergencyName(), p.emergencyRelation(), p.emergencyPhone(), staff, p.note(), p.memberships()));
    }

    private void visit(Person p, LocalDateTime t) {
        to(t);
        save(VisitPerson.of(p.id()));
    }

    private void visit(Person p, LocalDateTime t, UrineResult urine) {
        to(t);
        save(new VisitPerson(p.id(), null, urine, t.toLocalDate(), null, null, null, null, null, null));
    }

    private void save(VisitPerson part) {
        ctx.visits().save(new VisitDraft(now(), VisitType.HOME, "李建华", null, List.of(part), Set.of(Need.OTHER),
                null, null, null));
    }

    private static List<UUID> ids(MonthlyReport r, String code, Period p) {
        return r.rows(code, p).stream().map(DetailRow::personId).toList();
    }

    private String reg(Category cat) {
        return FigureCatalogue.registered(cat);
    }

    @Test
    void keyPopulations_inMarch() {
        MonthlyReport m = reports.compute(YearMonth.of(2025, 3), ReportScope.ALL);

        // On the register at 31 March: all seven (B closes only on 15 April, G came on 5 March).
        assertThat(ids(m, reg(null), MONTH)).containsExactlyInAnyOrder(a.id(), b.id(), c.id(), d.id(), e.id(),
                f.id(), g.id());
        assertThat(m.count(reg(Category.MENTAL_DISORDER), MONTH)).isEqualTo(2);
        assertThat(m.count(reg(Category.RELEASED_PRISONER), MONTH)).isEqualTo(2);
        assertThat(m.count(reg(Category.DISABLED), MONTH)).isZero();
        // New in March: G alone; this year: everyone.
        assertThat(ids(m, FigureCatalogue.added(null), MONTH)).containsExactly(g.id());
        assertThat(m.count(FigureCatalogue.added(null), YEAR_TO_DATE)).isEqualTo(7);
        assertThat(m.count(FigureCatalogue.added(Category.DRUG_USER), YEAR_TO_DATE)).isEqualTo(1);
        assertThat(m.count(FigureCatalogue.closed(null), YEAR_TO_DATE)).isZero();
        // Colours at 31 March: A red (level 4), E red (positive test 25 March); B, D yellow; C, F, G green.
        assertThat(ids(m, FigureCatalogue.colour(null, org.caredesk.common.RiskColour.RED), MONTH))
                .containsExactlyInAnyOrder(a.id(), e.id());
        assertThat(ids(m, FigureCatalogue.colour(null, org.caredesk.common.RiskColour.YELLOW), MONTH))
                .containsExactlyInAnyOrder(b.id(), d.id());
        assertThat(ids(m, FigureCatalogue.colour(null, org.caredesk.common.RiskColour.GREEN), MONTH))
                .containsExactlyInAnyOrder(c.id(), f.id(), g.id());
        // The one change of colour this year: E from green to red on 25 March.
        assertThat(ids(m, FigureCatalogue.colourChanges(null), MONTH)).containsExactly(e.id());
        assertThat(ids(m, FigureCatalogue.colourChanges(Category.DRUG_USER), YEAR_TO_DATE)).containsExactly(e.id());
        assertThat(m.count(FigureCatalogue.colourChanges(Category.MENTAL_DISORDER), YEAR_TO_DATE)).isZero();
    }

    @Test
    void aPersonClosedLater_stillCountsInTheMonthsBefore_andAPastMonthIgnoresLaterEvents() {
        MonthlyReport feb = reports.compute(YearMonth.of(2025, 2), ReportScope.ALL);
        MonthlyReport mar = reports.compute(YearMonth.of(2025, 3), ReportScope.ALL);
        MonthlyReport apr = reports.compute(YearMonth.of(2025, 4), ReportScope.ALL);

        assertThat(ids(mar, reg(Category.MENTAL_DISORDER), MONTH)).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(ids(apr, reg(Category.MENTAL_DISORDER), MONTH)).containsExactly(a.id());
        assertThat(ids(apr, FigureCatalogue.closed(null), MONTH)).containsExactly(b.id());
        assertThat(ids(apr, FigureCatalogue.closedFor(CloseReason.MOVED_AWAY), YEAR_TO_DATE)).containsExactly(b.id());
        // At 28 February G was not yet registered and E was still green: the later events change nothing.
        assertThat(feb.count(reg(null), MONTH)).isEqualTo(6);
        assertThat(ids(feb, FigureCatalogue.colour(null, org.caredesk.common.RiskColour.RED), MONTH))
                .containsExactly(a.id());
        assertThat(feb.count(FigureCatalogue.colourChanges(null), MONTH)).isZero();
        // D's correction ran until 20 March; F's 帮教 until 15 March.
        assertThat(ids(feb, FigureCatalogue.correctionType(CorrectionType.PROBATION), MONTH)).containsExactly(d.id());
        assertThat(ids(feb, FigureCatalogue.correctionLevel(CorrectionLevel.NORMAL), MONTH)).containsExactly(d.id());
        assertThat(ids(feb, "安置帮教.帮教期内", MONTH)).containsExactly(f.id());
        // A's visit of 2 April answers the due date of 27 March only in April's report.
        assertThat(mar.rows("走访.应访", MONTH)).filteredOn(r -> r.personId().equals(a.id()))
                .extracting(DetailRow::date).containsExactly(LocalDate.of(2025, 3, 8), LocalDate.of(2025, 3, 15),
                        LocalDate.of(2025, 3, 27));
        assertThat(ids(mar, "走访.逾期", MONTH)).contains(a.id());
        // At 30 April: A due 9 April (after the visit of 2 April), C 26 April, E 1 April (red from 25 March),
        // G 4 April, D and F still from the winter; B is closed and no longer counted.
        assertThat(ids(apr, "走访.逾期", MONTH)).containsExactlyInAnyOrder(a.id(), c.id(), d.id(), e.id(), f.id(),
                g.id());
        // The incident of 30 March was open at the end of March, closed (late) in April.
        assertThat(mar.count("应急处置.未办结", MONTH)).isEqualTo(1);
        assertThat(apr.count("应急处置.未办结", MONTH)).isZero();
    }

    @Test
    void visits_inMarch_andYearToDate() {
        MonthlyReport m = reports.compute(YearMonth.of(2025, 3), ReportScope.ALL);

        // Due in March: A 8 (met 8), 15 (met 20), 27 (not met by 31 March); C 27 (met 27; its 5 March date was met
        // on 25 February, before March); E 12 (met 10 March). B, D, F fell due in January or February.
        assertThat(m.count("走访.应访", MONTH)).isEqualTo(5);
        assertThat(m.count("走访.按时", MONTH)).isEqualTo(3);
        Figure rate = FigureCatalogue.get(FigureCatalogue.VISIT_RATE);
        assertThat(m.rate(rate, MONTH)).hasValue(0.6);
        // January: A 13 (met 10), A 17 (met 20 Feb), B 20, D 20; February: A 27 (met 1 Mar), C 5 (met 3), F 5.
        assertThat(m.count("走访.应访", YEAR_TO_DATE)).isEqualTo(12);
        assertThat(m.count("走访.按时", YEAR_TO_DATE)).isEqualTo(5);
        assertThat(m.rate(rate, YEAR_TO_DATE).getAsDouble()).isEqualTo(5.0 / 12);
        // Done: A 1, 8, 20; C 27; E 10, 25 March. This year also A 10 Jan, 20 Feb, C 3, 25 Feb.
        assertThat(m.count("走访.已访", MONTH)).isEqualTo(6);
        assertThat(m.count("走访.已访", YEAR_TO_DATE)).isEqualTo(10);
        assertThat(m.count(FigureCatalogue.visitsDone(VisitType.HOME), MONTH)).isEqualTo(6);
        assertThat(m.count(FigureCatalogue.visitsDone(VisitType.PHONE), MONTH)).isZero();
        // Overdue at 31 March: A (27 March), B, D (20 January), F (5 February). E is due 1 April, G 4 April.
        assertThat(ids(m, "走访.逾期", MONTH)).containsExactlyInAnyOrder(a.id(), b.id(), d.id(), f.id());
    }

    @Test
    void mentalDisorders_correction_released_drugs_incidents_dataQuality_inMarch() {
        MonthlyReport m = reports.compute(YearMonth.of(2025, 3), ReportScope.ALL);

        assertThat(ids(m, "精神障碍.三级以上", MONTH)).containsExactly(a.id());
        // A was visited in the last 3 months, 5 times in the last 12; B never.
        assertThat(ids(m, "精神障碍.在管", MONTH)).containsExactly(a.id());
        assertThat(ids(m, "精神障碍.规范管理", MONTH)).containsExactly(a.id());
        assertThat(m.rate(FigureCatalogue.get(FigureCatalogue.CARE_RATE), MONTH)).hasValue(0.5);
        assertThat(m.rate(FigureCatalogue.get(FigureCatalogue.STANDARD_RATE), MONTH)).hasValue(0.5);
        assertThat(ids(m, "精神障碍.知情同意", MONTH)).containsExactly(a.id());
        assertThat(ids(m, "数据质量.未签知情同意", MONTH)).containsExactly(b.id());
        assertThat(ids(m, FigureCatalogue.medication(Medication.REGULAR), MONTH)).containsExactly(a.id());
        assertThat(ids(m, FigureCatalogue.medication(Medication.INTERMITTENT), MONTH)).containsExactly(b.id());
        assertThat(m.count(FigureCatalogue.medication(Medication.NONE), MONTH)).isZero();
        // D's term ended on 20 March: no longer counted by type at the month's end, counted as ended in March.
        assertThat(m.count(FigureCatalogue.correctionType(CorrectionType.PROBATION), MONTH)).isZero();
        assertThat(ids(m, "社区矫正.解除", MONTH)).containsExactly(d.id());
        assertThat(m.count("社区矫正.接收", YEAR_TO_DATE)).isZero();
        // F's five years ended on 15 March; G was released on 1 March.
        assertThat(ids(m, "安置帮教.帮教期内", MONTH)).containsExactly(g.id());
        assertThat(ids(m, "安置帮教.帮教期满", MONTH)).containsExactly(f.id());
        assertThat(ids(m, "安置帮教.释放", MONTH)).containsExactly(g.id());
        // E: 社区戒毒 since 10 February; first test due 10 March (met that day); tests 10 and 25 March.
        assertThat(ids(m, FigureCatalogue.programme(DrugProgramme.COMMUNITY_DETOX), MONTH)).containsExactly(e.id());
        assertThat(m.count("吸毒.期满", YEAR_TO_DATE)).isZero();
        assertThat(ids(m, "尿检.应检", MONTH)).containsExactly(e.id());
        assertThat(m.count("尿检.已检", MONTH)).isEqualTo(2);
        assertThat(m.count("尿检.阳性", MONTH)).isEqualTo(1);
        // Incidents: self-harm 5 March closed after 10 hours; relapse 30 March still open at the month's end.
        assertThat(m.count(FigureCatalogue.incidents(IncidentType.SELF_HARM), MONTH)).isEqualTo(1);
        assertThat(m.count(FigureCatalogue.incidents(IncidentType.RELAPSE), MONTH)).isEqualTo(1);
        assertThat(m.count("应急处置.合计", MONTH)).isEqualTo(2);
        assertThat(m.count("应急处置.24小时内办结", MONTH)).isEqualTo(1);
        assertThat(m.count("应急处置.未办结", MONTH)).isEqualTo(1);
        // C alone has no caseworker.
        assertThat(ids(m, "数据质量.无帮扶责任人", MONTH)).containsExactly(c.id());
        // Every category detail of the seven is filled in.
        assertThat(ids(m, "数据质量.资料待补", MONTH)).isEmpty();
    }

    @Test
    void aPersonRegisteredWithoutTheReleaseDate_countsAsDetailsToCome_withTheMissingDetailNamed() {
        Person h = register("周文", "7栋", "周敏", Membership.releasedPrisoner(null, null, null));

        MonthlyReport may = reports.compute(YearMonth.of(2025, 5), ReportScope.ALL);

        assertThat(ids(may, "数据质量.资料待补", MONTH)).containsExactly(h.id());
        assertThat(may.rows("数据质量.资料待补", MONTH).get(0).note()).contains("释放日期");
        assertThat(ids(reports.compute(YearMonth.of(2025, 3), ReportScope.ALL), "数据质量.资料待补", MONTH))
                .as("registered in May, not on March's list").isEmpty();
    }

    @Test
    void aScope_countsOnlyItsPeople() {
        MonthlyReport b3 = reports.compute(YearMonth.of(2025, 3), ReportScope.building("3栋"));
        MonthlyReport zhao = reports.compute(YearMonth.of(2025, 3), ReportScope.staff("赵磊"));

        assertThat(ids(b3, reg(null), MONTH)).containsExactlyInAnyOrder(a.id(), c.id());
        assertThat(b3.count("走访.应访", MONTH)).isEqualTo(4);
        assertThat(ids(zhao, reg(null), MONTH)).containsExactlyInAnyOrder(b.id(), d.id());
        assertThat(zhao.count("应急处置.合计", MONTH)).isZero();
    }

    @Test
    void theMainFigures_perBuildingAndPerCaseworker_addUpToTheWhole() {
        MonthlyReport m = reports.compute(YearMonth.of(2025, 3), ReportScope.ALL);

        // 3栋: A, C (due: A 3, C 1; on time: A 1, C 1); 5栋: B, D (nothing due in March); 7栋: E, F, G (E 1, on time).
        assertThat(m.parts()).filteredOn(p -> p.kind() == ReportPart.Kind.BUILDING).extracting(ReportPart::name)
                .containsExactly("3栋", "5栋", "7栋");
        ReportPart b3 = part(m, ReportPart.Kind.BUILDING, "3栋");
        assertThat(b3.count(reg(null))).isEqualTo(2);
        assertThat(b3.count("走访.应访")).isEqualTo(4);
        assertThat(b3.count("走访.按时")).isEqualTo(2);
        assertThat(b3.rate(FigureCatalogue.get(FigureCatalogue.VISIT_RATE))).hasValue(0.5);
        assertThat(b3.count("应急处置.合计")).isEqualTo(2);
        assertThat(part(m, ReportPart.Kind.BUILDING, "5栋").rate(FigureCatalogue.get(FigureCatalogue.VISIT_RATE)))
                .isEmpty();
        assertThat(part(m, ReportPart.Kind.BUILDING, "7栋").count("走访.按时")).isEqualTo(1);
        // Caseworkers: 周敏 A, E, F, G; 赵磊 B, D; C has none.
        assertThat(m.parts()).filteredOn(p -> p.kind() == ReportPart.Kind.STAFF).extracting(ReportPart::name)
                .containsExactly("周敏", "赵磊", null);
        assertThat(part(m, ReportPart.Kind.STAFF, "周敏").count(reg(null))).isEqualTo(4);
        assertThat(part(m, ReportPart.Kind.STAFF, null).count("走访.应访")).isEqualTo(1);
        for (ReportPart.Kind kind : ReportPart.Kind.values()) {
            for (String code : ReportPart.CODES) {
                if (!FigureCatalogue.get(code).isRate()) {
                    assertThat(m.parts().stream().filter(p -> p.kind() == kind).mapToInt(p -> p.count(code)).sum())
                            .as(kind + " " + code).isEqualTo(m.count(code, MONTH));
                }
            }
        }
    }

    private static ReportPart part(MonthlyReport m, ReportPart.Kind kind, String name) {
        return m.parts().stream().filter(p -> p.kind() == kind && java.util.Objects.equals(p.name(), name))
                .findFirst().orElseThrow();
    }

    @Test
    void ratesWithAZeroDenominator_haveNoValue() {
        MonthlyReport none = reports.compute(YearMonth.of(2024, 12), ReportScope.ALL);

        assertThat(none.count(reg(null), MONTH)).isZero();
        for (Figure rate : FigureCatalogue.all()) {
            if (rate.isRate()) {
                assertThat(none.rate(rate, MONTH)).as(rate.code()).isEmpty();
            }
        }
    }

    @Test
    void everyCount_isTheSizeOfItsList_andEveryCodeIsComputed() {
        for (YearMonth month : List.of(YearMonth.of(2025, 2), YearMonth.of(2025, 3), YearMonth.of(2025, 4))) {
            MonthlyReport m = reports.compute(month, ReportScope.ALL);
            List<String> missing = new ArrayList<>();
            for (Figure fig : FigureCatalogue.all()) {
                if (fig.isRate()) {
                    continue;
                }
                for (Period p : Period.values()) {
                    if (fig.has(p)) {
                        assertThat(m.count(fig.code(), p)).isEqualTo(m.rows(fig.code(), p).size());
                    } else if (!m.rows(fig.code(), p).isEmpty()) {
                        missing.add(fig.code() + " has rows for " + p);
                    }
                }
            }
            assertThat(missing).isEmpty();
            assertThat(m.rows(reg(null), MONTH)).allSatisfy(r -> assertThat(r.maskedIdNumber()).contains("*"));
        }
    }

    @Test
    void aMonthNotBegun_isRefused_andTheAuditorMayNotSeeTheReport() {
        assertThatThrownBy(() -> reports.compute(YearMonth.of(2025, 6), ReportScope.ALL))
                .isInstanceOf(UserException.class);
        ctx.session().login(new UserIdentity(UUID.randomUUID(), "auditor", "审计员", Set.of(Role.AUDITOR)),
                clock.instant());
        assertThatThrownBy(() -> reports.compute(YearMonth.of(2025, 3), ReportScope.ALL))
                .isInstanceOf(AccessDeniedException.class);
    }
}
