package org.caredesk.report.service;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.caredesk.common.I18n;
import org.caredesk.common.IdNumber;
import org.caredesk.common.IncidentType;
import org.caredesk.common.RiskColour;
import org.caredesk.common.Text;
import org.caredesk.common.UrineResult;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.Enums.CorrectionType;
import org.caredesk.people.Enums.DrugProgramme;
import org.caredesk.people.Enums.Medication;
import org.caredesk.people.Membership;
import org.caredesk.people.MissingDetails;
import org.caredesk.people.service.PeopleRules;
import org.caredesk.report.DetailRow;
import org.caredesk.report.Figure;
import org.caredesk.report.FigureCatalogue;
import org.caredesk.report.Period;
import org.caredesk.report.data.ReportFacts;
import org.caredesk.report.data.ReportFacts.ColourFact;
import org.caredesk.report.data.ReportFacts.IncidentFact;
import org.caredesk.report.data.ReportFacts.PersonFact;
import org.caredesk.report.data.ReportFacts.VisitFact;
import org.caredesk.risk.service.DueRules;
import org.caredesk.visits.VisitType;

/**
 * Computes every count of the catalogue from one snapshot of facts, as of the month's last day, as the list of rows
 * it counts (decision 0028 gives each definition in words; the bundles' {@code report.fig.*.def} say the same).
 * Visit and urine-test due dates follow the program's own schedule rules ({@link DueRules}), replayed over the
 * history: registration, then each visit, as {@code CareKeeper} did at the time.
 */
final class FigureEngine {
    /** The national rules' threshold of 三级及以上. */
    static final int HIGH_RISK_LEVEL = 3;
    static final int IN_CARE_MONTHS = 3;
    static final int STANDARD_MONTHS = 12;
    static final int STANDARD_FOLLOW_UPS = 4;

    private final DueRules due;
    private final PeopleRules rules;
    private final YearMonth month;
    private final LocalDate end;
    private final LocalDate monthStart;
    private final LocalDate yearStart;
    private final Map<String, Map<Period, List<DetailRow>>> out = new LinkedHashMap<>();
    private ReportFacts facts;

    /** @param asOf the month's last day, or today for the month under way */
    FigureEngine(DueRules due, PeopleRules rules, YearMonth month, LocalDate asOf) {
        this.due = due;
        this.rules = rules;
        this.month = month;
        this.end = asOf;
        this.monthStart = month.atDay(1);
        this.yearStart = LocalDate.of(month.getYear(), 1, 1);
    }

    Map<String, Map<Period, List<DetailRow>>> compute(ReportFacts f) {
        this.facts = f;
        keyPopulations();
        visits();
        mental();
        correction();
        released();
        drugs();
        incidents();
        dataQuality();
        for (Figure fig : FigureCatalogue.all()) {
            if (!fig.isRate() && !out.containsKey(fig.code())) {
                throw new IllegalStateException("figure not computed: " + fig.code());
            }
        }
        return out;
    }

    // ---- key populations

    private void keyPopulations() {
        for (Category c : FigureCatalogue.categoriesAndAll()) {
            List<PersonFact> members = facts.people().stream().filter(p -> c == null || p.membership(c) != null)
                    .toList();
            stock(FigureCatalogue.registered(c), members, p -> p.registeredOn(end), p -> row(p, p.registered(), null));
            List<DetailRow> added = new ArrayList<>();
            List<DetailRow> closed = new ArrayList<>();
            List<DetailRow> changes = new ArrayList<>();
            for (PersonFact p : members) {
                added.add(row(p, p.registered(), null));
                if (p.closeDate() != null) {
                    closed.add(row(p, p.closeDate(), I18n.label(p.closeReason())));
                }
                for (ColourFact cf : facts.colours().getOrDefault(p.id(), List.of())) {
                    if (cf.from() != null && cf.from() != cf.to()) {
                        changes.add(row(p, cf.at().toLocalDate(), I18n.get("report.note.colourChange",
                                I18n.label(cf.from()), I18n.label(cf.to()))));
                    }
                }
            }
            flow(FigureCatalogue.added(c), added);
            flow(FigureCatalogue.closed(c), closed);
            for (RiskColour colour : RiskColour.values()) {
                stock(FigureCatalogue.colour(c, colour), members,
                        p -> p.registeredOn(end) && colourAt(p, end) == colour, p -> row(p, p.registered(), null));
            }
            flow(FigureCatalogue.colourChanges(c), changes);
        }
        for (CloseReason r : CloseReason.values()) {
            List<DetailRow> closed = new ArrayList<>();
            for (PersonFact p : facts.people()) {
                if (p.closeDate() != null && p.closeReason() == r) {
                    closed.add(row(p, p.closeDate(), I18n.label(r)));
                }
            }
            flow(FigureCatalogue.closedFor(r), closed);
        }
    }

    /** The colour at the end of {@code day}: the last change by then; before the first recorded one, that one. */
    RiskColour colourAt(PersonFact p, LocalDate day) {
        List<ColourFact> history = facts.colours().getOrDefault(p.id(), List.of());
        LocalDateTime before = day.plusDays(1).atStartOfDay();
        RiskColour colour = history.isEmpty() ? null : history.get(0).to();
        for (ColourFact cf : history) {
            if (!cf.at().isBefore(before)) {
                break;
            }
            colour = cf.to();
        }
        return colour;
    }

    // ---- visits

    /** One due date of a person's schedule and the first visit (or test) after the event that set it. */
    private record Due(PersonFact person, LocalDate due, LocalDate answered) {}

    private void visits() {
        Map<YearMonth, List<DetailRow>> dueByMonth = new LinkedHashMap<>();
        Map<YearMonth, List<DetailRow>> onTimeByMonth = new LinkedHashMap<>();
        List<DetailRow> overdue = new ArrayList<>();
        List<DetailRow> done = new ArrayList<>();
        Map<VisitType, List<DetailRow>> byType = new EnumMap<>(VisitType.class);
        for (VisitType t : VisitType.values()) {
            byType.put(t, new ArrayList<>());
        }
        for (PersonFact p : facts.people()) {
            List<VisitFact> vs = facts.visits().getOrDefault(p.id(), List.of());
            for (VisitFact v : vs) {
                DetailRow r = row(p, v.date(), I18n.label(v.type()));
                done.add(r);
                byType.get(v.type()).add(r);
            }
            List<Due> chain = visitChain(p, vs);
            countDues(chain, dueByMonth, onTimeByMonth);
            Due last = chain.isEmpty() ? null : chain.get(chain.size() - 1);
            if (last != null && last.answered() == null && p.registeredOn(end) && DueRules.overdue(last.due(), end)) {
                overdue.add(row(p, last.due(), I18n.get("report.note.overdueSince", last.due().toString())));
            }
        }
        byMonths("走访.应访", dueByMonth);
        byMonths("走访.按时", onTimeByMonth);
        flow("走访.已访", done);
        for (VisitType t : VisitType.values()) {
            flow(FigureCatalogue.visitsDone(t), byType.get(t));
        }
        put("走访.逾期", Period.MONTH, overdue);
    }

    /**
     * The visit schedule replayed: the first due date from the registration day, then one from each day with a
     * visit (the visit planned then, or the colour's interval), as {@code CareKeeper} computes the next visit,
     * with the colour and mental risk level of that day.
     */
    private List<Due> visitChain(PersonFact p, List<VisitFact> vs) {
        List<LocalDate> days = new ArrayList<>();
        List<LocalDate> planned = new ArrayList<>();
        days.add(p.registered());
        planned.add(null);
        for (VisitFact v : vs) {
            if (v.date().isBefore(p.registered())) {
                continue;
            }
            int last = days.size() - 1;
            if (last > 0 && days.get(last).equals(v.date())) {
                // Two visits on one day are one event: the later one's plan stands, as the schedule kept it.
                planned.set(last, v.planned());
            } else {
                days.add(v.date());
                planned.add(v.planned());
            }
        }
        Membership mental = p.membership(Category.MENTAL_DISORDER);
        List<Due> chain = new ArrayList<>();
        for (int k = 0; k < days.size(); k++) {
            LocalDate from = days.get(k);
            RiskColour colour = colourAt(p, from);
            if (colour == null) {
                colour = RiskColour.GREEN;
            }
            LocalDate d = due.nextVisit(from, planned.get(k), colour, mental != null, mentalLevelAt(p, vs, from));
            chain.add(new Due(p, d, k + 1 < days.size() ? days.get(k + 1) : null));
        }
        return chain;
    }

    /**
     * Adds each due date to its month's list when the person was on the register that day and it was not met
     * before that month began (a visit ahead of schedule in an earlier month is not counted again).
     */
    private void countDues(List<Due> chain, Map<YearMonth, List<DetailRow>> dueByMonth,
            Map<YearMonth, List<DetailRow>> onTimeByMonth) {
        for (Due d : chain) {
            if (d.due().isBefore(yearStart) || d.due().isAfter(end) || !d.person().registeredOn(d.due())) {
                continue;
            }
            YearMonth m = YearMonth.from(d.due());
            if (d.answered() != null && d.answered().isBefore(m.atDay(1))) {
                continue;
            }
            boolean onTime = d.answered() != null && !d.answered().isAfter(d.due());
            DetailRow r = row(d.person(), d.due(), d.answered() == null ? I18n.get("report.note.notAnswered")
                    : I18n.get("report.note.answered", d.answered().toString()));
            dueByMonth.computeIfAbsent(m, k -> new ArrayList<>()).add(r);
            if (onTime) {
                onTimeByMonth.computeIfAbsent(m, k -> new ArrayList<>()).add(r);
            }
        }
    }

    private Integer mentalLevelAt(PersonFact p, List<VisitFact> vs, LocalDate day) {
        Integer level = null;
        for (VisitFact v : vs) {
            if (v.date().isAfter(day)) {
                break;
            }
            if (v.mentalLevel() != null) {
                level = v.mentalLevel();
            }
        }
        Membership m = p.membership(Category.MENTAL_DISORDER);
        return level != null ? level : m == null ? null : m.mentalRiskLevel();
    }

    // ---- severe mental disorders

    private void mental() {
        List<PersonFact> patients = facts.people().stream()
                .filter(p -> p.membership(Category.MENTAL_DISORDER) != null && p.registeredOn(end)).toList();
        List<DetailRow> high = new ArrayList<>();
        List<DetailRow> inCare = new ArrayList<>();
        List<DetailRow> standard = new ArrayList<>();
        List<DetailRow> consent = new ArrayList<>();
        List<DetailRow> noConsent = new ArrayList<>();
        Map<Medication, List<DetailRow>> medication = new EnumMap<>(Medication.class);
        for (Medication m : Medication.values()) {
            medication.put(m, new ArrayList<>());
        }
        LocalDate careFrom = end.minusMonths(IN_CARE_MONTHS);
        LocalDate standardFrom = end.minusMonths(STANDARD_MONTHS);
        for (PersonFact p : patients) {
            List<VisitFact> vs = facts.visits().getOrDefault(p.id(), List.of());
            Membership m = p.membership(Category.MENTAL_DISORDER);
            Integer level = mentalLevelAt(p, vs, end);
            if (level != null && level >= HIGH_RISK_LEVEL) {
                high.add(row(p, null, I18n.get("report.note.level", level)));
            }
            LocalDate lastVisit = null;
            int followUps = 0;
            Boolean consentAtVisit = null;
            Medication med = m.medication();
            for (VisitFact v : vs) {
                lastVisit = v.date();
                if (v.date().isAfter(standardFrom)) {
                    followUps++;
                }
                if (v.consent() != null) {
                    consentAtVisit = v.consent();
                }
                if (v.medication() != null) {
                    med = v.medication();
                }
            }
            if (lastVisit != null && lastVisit.isAfter(careFrom)) {
                inCare.add(row(p, lastVisit, I18n.get("report.note.lastVisit", lastVisit.toString())));
            }
            if (followUps >= STANDARD_FOLLOW_UPS) {
                standard.add(row(p, lastVisit, I18n.get("report.note.followUps", followUps)));
            }
            boolean hasConsent = consentAtVisit != null ? consentAtVisit
                    : m.consentDate() != null && !m.consentDate().isAfter(end);
            (hasConsent ? consent : noConsent).add(row(p, m.consentDate(), null));
            if (med != null) {
                medication.get(med).add(row(p, null, null));
            }
        }
        put("精神障碍.三级以上", Period.MONTH, high);
        put("精神障碍.在管", Period.MONTH, inCare);
        put("精神障碍.规范管理", Period.MONTH, standard);
        put("精神障碍.知情同意", Period.MONTH, consent);
        put("数据质量.未签知情同意", Period.MONTH, noConsent);
        for (Medication m : Medication.values()) {
            put(FigureCatalogue.medication(m), Period.MONTH, medication.get(m));
        }
    }

    // ---- community correction, released prisoners, drug users

    private void correction() {
        Map<CorrectionType, List<DetailRow>> types = new EnumMap<>(CorrectionType.class);
        Map<CorrectionLevel, List<DetailRow>> levels = new EnumMap<>(CorrectionLevel.class);
        List<DetailRow> received = new ArrayList<>();
        List<DetailRow> released = new ArrayList<>();
        for (PersonFact p : facts.people()) {
            Membership m = p.membership(Category.CORRECTION);
            if (m == null) {
                continue;
            }
            boolean running = (m.correctionStart() == null || !m.correctionStart().isAfter(end))
                    && (m.correctionEnd() == null || !m.correctionEnd().isBefore(end));
            if (p.registeredOn(end) && running) {
                String term = I18n.get("report.note.term", text(m.correctionStart()), text(m.correctionEnd()));
                if (m.correctionType() != null) {
                    types.computeIfAbsent(m.correctionType(), k -> new ArrayList<>()).add(row(p, null, term));
                }
                if (m.correctionLevel() != null) {
                    levels.computeIfAbsent(m.correctionLevel(), k -> new ArrayList<>()).add(row(p, null, term));
                }
            }
            if (m.correctionStart() != null) {
                received.add(row(p, m.correctionStart(), I18n.label(m.correctionType())));
            }
            if (m.correctionEnd() != null) {
                released.add(row(p, m.correctionEnd(), I18n.label(m.correctionType())));
            }
        }
        for (CorrectionType t : CorrectionType.values()) {
            put(FigureCatalogue.correctionType(t), Period.MONTH, types.getOrDefault(t, List.of()));
        }
        for (CorrectionLevel l : CorrectionLevel.values()) {
            put(FigureCatalogue.correctionLevel(l), Period.MONTH, levels.getOrDefault(l, List.of()));
        }
        flow("社区矫正.接收", received);
        flow("社区矫正.解除", released);
    }

    private void released() {
        int years = rules.releasedFollowYears();
        List<DetailRow> inPeriod = new ArrayList<>();
        List<DetailRow> releasedRows = new ArrayList<>();
        List<DetailRow> ending = new ArrayList<>();
        for (PersonFact p : facts.people()) {
            Membership m = p.membership(Category.RELEASED_PRISONER);
            if (m == null || m.releaseDate() == null) {
                continue;
            }
            LocalDate periodEnd = m.releaseDate().plusYears(years);
            String note = I18n.get("report.note.followUntil", periodEnd.toString());
            if (p.registeredOn(end) && !m.releaseDate().isAfter(end) && end.isBefore(periodEnd)) {
                inPeriod.add(row(p, m.releaseDate(), note));
            }
            releasedRows.add(row(p, m.releaseDate(), note));
            ending.add(row(p, periodEnd, I18n.get("report.note.releasedOn", m.releaseDate().toString())));
        }
        put("安置帮教.帮教期内", Period.MONTH, inPeriod);
        flow("安置帮教.释放", releasedRows);
        flow("安置帮教.帮教期满", ending);
    }

    private void drugs() {
        int years = rules.drugMaxYears();
        Map<DrugProgramme, List<DetailRow>> programmes = new EnumMap<>(DrugProgramme.class);
        List<DetailRow> ending = new ArrayList<>();
        List<DetailRow> urineDone = new ArrayList<>();
        List<DetailRow> positive = new ArrayList<>();
        Map<YearMonth, List<DetailRow>> urineDue = new LinkedHashMap<>();
        for (PersonFact p : facts.people()) {
            Membership m = p.membership(Category.DRUG_USER);
            if (m == null) {
                continue;
            }
            LocalDate start = m.drugStartDate();
            LocalDate programmeEnd = start == null ? null : start.plusYears(years);
            boolean running = (start == null || !start.isAfter(end)) && (programmeEnd == null
                    || end.isBefore(programmeEnd));
            if (m.drugProgramme() != null && p.registeredOn(end) && running) {
                programmes.computeIfAbsent(m.drugProgramme(), k -> new ArrayList<>()).add(row(p, start,
                        programmeEnd == null ? null : I18n.get("report.note.programmeUntil", programmeEnd.toString())));
            }
            if (programmeEnd != null) {
                ending.add(row(p, programmeEnd, I18n.label(m.drugProgramme())));
            }
            List<LocalDate> tests = new ArrayList<>();
            for (VisitFact v : facts.visits().getOrDefault(p.id(), List.of())) {
                if (v.urine() == UrineResult.NEGATIVE || v.urine() == UrineResult.POSITIVE) {
                    LocalDate on = v.urineDate() != null ? v.urineDate() : v.date();
                    DetailRow r = row(p, on, I18n.label(v.urine()));
                    urineDone.add(r);
                    if (v.urine() == UrineResult.POSITIVE) {
                        positive.add(r);
                    }
                    tests.add(on);
                }
            }
            tests.sort(null);
            countDues(urineChain(p, start, tests), urineDue, new LinkedHashMap<>());
        }
        for (DrugProgramme d : DrugProgramme.values()) {
            put(FigureCatalogue.programme(d), Period.MONTH, programmes.getOrDefault(d, List.of()));
        }
        flow("吸毒.期满", ending);
        byMonths("尿检.应检", urineDue);
        flow("尿检.已检", urineDone);
        flow("尿检.阳性", positive);
    }

    /** The urine-test schedule replayed: from the programme start (or registration), then from each test. */
    private List<Due> urineChain(PersonFact p, LocalDate start, List<LocalDate> tests) {
        List<Due> chain = new ArrayList<>();
        LocalDate last = null;
        int next = 0;
        while (true) {
            LocalDate d = due.nextUrineTest(start, last, p.registered());
            if (d == null) {
                return chain;
            }
            while (next < tests.size() && last != null && !tests.get(next).isAfter(last)) {
                next++;
            }
            LocalDate answered = next < tests.size() ? tests.get(next) : null;
            chain.add(new Due(p, d, answered));
            if (answered == null || d.isAfter(end)) {
                return chain;
            }
            last = answered;
        }
    }

    // ---- incidents and data quality

    private void incidents() {
        Map<IncidentType, List<DetailRow>> byType = new EnumMap<>(IncidentType.class);
        List<DetailRow> all = new ArrayList<>();
        List<DetailRow> in24h = new ArrayList<>();
        List<DetailRow> open = new ArrayList<>();
        Map<UUID, PersonFact> people = new LinkedHashMap<>();
        facts.people().forEach(p -> people.put(p.id(), p));
        LocalDateTime after = end.plusDays(1).atStartOfDay();
        for (IncidentFact i : facts.incidents()) {
            PersonFact p = people.get(i.personId());
            LocalDate day = i.occurredAt().toLocalDate();
            boolean closedByEnd = i.closedAt() != null && i.closedAt().isBefore(after);
            DetailRow r = row(p, day, I18n.label(i.type()));
            byType.computeIfAbsent(i.type(), k -> new ArrayList<>()).add(r);
            all.add(r);
            if (closedByEnd && !i.closedAt().isAfter(i.occurredAt().plusHours(24))) {
                in24h.add(r);
            }
            if (!closedByEnd) {
                open.add(r);
            }
        }
        for (IncidentType t : IncidentType.values()) {
            flow(FigureCatalogue.incidents(t), byType.getOrDefault(t, List.of()));
        }
        flow("应急处置." + FigureCatalogue.ALL, all);
        flow("应急处置.24小时内办结", in24h);
        put("应急处置.未办结", Period.MONTH, open);
    }

    private void dataQuality() {
        stock("数据质量.无帮扶责任人", facts.people(), p -> p.registeredOn(end) && Text.isBlank(p.staff()),
                p -> row(p, p.registered(), null));
        // 数据质量.未签知情同意 is the complement of 精神障碍.知情同意, filled by mental(). 资料待补 is read from the
        // category details as they are now (the program keeps no history of when one was filled in).
        stock("数据质量.资料待补", facts.people(),
                p -> p.registeredOn(end) && !MissingDetails.of(p.memberships()).isEmpty(),
                p -> row(p, p.registered(), MissingDetails.labels(MissingDetails.of(p.memberships()))));
    }

    // ---- helpers

    private void stock(String code, List<PersonFact> people, Predicate<PersonFact> counted,
            Function<PersonFact, DetailRow> toRow) {
        List<DetailRow> rows = new ArrayList<>();
        for (PersonFact p : people) {
            if (counted.test(p)) {
                rows.add(toRow.apply(p));
            }
        }
        put(code, Period.MONTH, rows);
    }

    /** A flow: the events dated in the month, and those dated from 1 January to the month's end. */
    private void flow(String code, List<DetailRow> events) {
        List<DetailRow> inMonth = new ArrayList<>();
        List<DetailRow> inYear = new ArrayList<>();
        for (DetailRow r : events) {
            if (r.date() == null || r.date().isBefore(yearStart) || r.date().isAfter(end)) {
                continue;
            }
            inYear.add(r);
            if (!r.date().isBefore(monthStart)) {
                inMonth.add(r);
            }
        }
        put(code, Period.MONTH, inMonth);
        put(code, Period.YEAR_TO_DATE, inYear);
    }

    /** A flow counted month by month: the month's list, and the lists of January to the month together. */
    private void byMonths(String code, Map<YearMonth, List<DetailRow>> lists) {
        List<DetailRow> inYear = new ArrayList<>();
        for (YearMonth m = YearMonth.from(yearStart); !m.isAfter(month); m = m.plusMonths(1)) {
            inYear.addAll(lists.getOrDefault(m, List.of()));
        }
        put(code, Period.MONTH, List.copyOf(lists.getOrDefault(month, List.of())));
        put(code, Period.YEAR_TO_DATE, inYear);
    }

    private void put(String code, Period period, List<DetailRow> rows) {
        out.computeIfAbsent(code, k -> new EnumMap<>(Period.class)).put(period, List.copyOf(rows));
    }

    private static DetailRow row(PersonFact p, LocalDate date, String note) {
        return new DetailRow(p.id(), p.name(), IdNumber.mask(p.idNumber()), p.building(), p.staff(), date, note,
                p.fictitious());
    }

    private static String text(LocalDate d) {
        return d == null ? "—" : d.toString();
    }
}
