package org.caredesk.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.people.Category;
import org.caredesk.people.Page;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.PersonRow;
import org.caredesk.people.service.SyntheticPeople;
import org.caredesk.incidents.IncidentDraft;
import org.caredesk.common.IncidentType;
import org.caredesk.common.UrineResult;
import org.caredesk.visits.VisitDraft;
import org.caredesk.visits.VisitPerson;
import org.caredesk.visits.VisitSubject;
import org.caredesk.visits.VisitType;
import org.caredesk.risk.WorkListFilter;
import org.caredesk.today.service.QueryPlans;

/**
 * The home screen (今日工作), the warning board and saving a visit over a fresh database of synthetic people and
 * visits, in memory or (with {@code --on-disk}) in a database file of a new temp folder: never the user's data.
 * Each query runs through its service exactly as the screens ask (first page of 50, with its count), with the
 * filters a caseworker uses (everyone, one responsible staff member, one building) taking turns. Saving a visit is
 * timed through {@code VisitService.save}: checks, visit rows, schedule, colour and audit entry in one transaction.
 */
final class DashboardBench {
    static final int DEFAULT_SAVES = 200;
    private static final int REPEATS = 30;
    private static final int WARM_UP = 5;
    private static final int PAGE = 50;

    private final int people;
    private final int visitsPerPerson;
    private final int saves;
    private final long seed;
    private final boolean onDisk;
    private final Clock clock;

    DashboardBench(int people, int visitsPerPerson, int saves, long seed, boolean onDisk, Clock clock) {
        this.people = people;
        this.visitsPerPerson = visitsPerPerson;
        this.saves = saves;
        this.seed = seed;
        this.onDisk = onDisk;
        this.clock = clock;
    }

    List<SearchBench.Figure> run(Progress progress, Consumer<String> note, boolean explain) {
        Path dir = BenchFolder.create();
        try {
            try (AppContext ctx = BenchFolder.context(dir, onDisk, clock)) {
                // A throwaway folder of generated people: nobody's data, so the benchmark acts as the test identity.
                ctx.session().login(AppContext.TEST_IDENTITY, clock.instant());
                ctx.actAs(() -> "bench");
                List<SearchBench.Figure> figures = measure(ctx, progress, note, explain);
                if (onDisk) {
                    figures.add(new SearchBench.Figure("database_size", BenchFolder.size(dir) / (1024 * 1024), "MB"));
                }
                return figures;
            }
        } finally {
            BenchFolder.delete(dir);
        }
    }

    private List<SearchBench.Figure> measure(AppContext ctx, Progress progress, Consumer<String> note,
            boolean explain) {
        LocalDate today = LocalDate.now(clock);
        long started = System.nanoTime();
        new SyntheticPeople(seed, 0, today).registerInto(ctx.people(), people, progress);
        double peopleSeconds = (System.nanoTime() - started) / 1e9;
        note.accept(I18n.get("cli.bench.visits", visitsPerPerson));
        started = System.nanoTime();
        long visits = ctx.syntheticVisits().generate(seed, visitsPerPerson, progress);
        double visitSeconds = (System.nanoTime() - started) / 1e9;

        SplittableRandom random = new SplittableRandom(seed);
        List<PersonRow> sample = sample(ctx, random);
        addIncidents(ctx, sample, random);
        List<String> staff = ctx.board().responsibleStaff();
        List<String> buildings = ctx.board().buildings();
        List<WorkListFilter> filters = List.of(WorkListFilter.ALL,
                WorkListFilter.staff(staff.isEmpty() ? null : staff.get(0)),
                WorkListFilter.building(buildings.isEmpty() ? null : buildings.get(buildings.size() / 2)));
        if (explain) {
            ctx.queryPlans().all(today, sample.get(0).id()).forEach((name, plan) -> note.accept(
                    I18n.get("cli.bench.plan", name, QueryPlans.accessPaths(plan))));
        }

        note.accept(I18n.get("cli.bench.measuring"));
        Map<String, Runnable> queries = queries(ctx, filters, sample, today);
        for (int i = 0; i < WARM_UP; i++) {
            queries.values().forEach(Runnable::run);
        }
        // Wall time, and CPU time of this thread (H2 runs the query in the caller's thread): the query's own cost,
        // apart from other programs and the collector competing for the processor.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        Map<String, double[]> times = new LinkedHashMap<>();
        Map<String, double[]> cpuTimes = new LinkedHashMap<>();
        queries.keySet().forEach(k -> {
            times.put(k, new double[REPEATS]);
            cpuTimes.put(k, new double[REPEATS]);
        });
        for (int i = 0; i < REPEATS; i++) {
            int round = i;
            queries.forEach((name, q) -> {
                long c0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
                long t0 = System.nanoTime();
                q.run();
                times.get(name)[round] = (System.nanoTime() - t0) / 1e6;
                cpuTimes.get(name)[round] = cpu ? (threads.getCurrentThreadCpuTime() - c0) / 1e6 : 0;
            });
        }
        double[] saveTimes = saveVisits(ctx, sample, random);

        List<SearchBench.Figure> figures = new ArrayList<>();
        figures.add(new SearchBench.Figure("people", ctx.people().count(), "count"));
        figures.add(new SearchBench.Figure("visits", visits, "count"));
        figures.add(new SearchBench.Figure("generate_people_time", peopleSeconds, "s"));
        figures.add(new SearchBench.Figure("generate_visits_time", visitSeconds, "s"));
        times.forEach((name, t) -> {
            Arrays.sort(t);
            figures.add(new SearchBench.Figure(name + "_p50", SearchBench.percentile(t, 50), "ms"));
            figures.add(new SearchBench.Figure(name + "_p95", SearchBench.percentile(t, 95), "ms"));
            if (cpu) {
                double[] c = cpuTimes.get(name);
                Arrays.sort(c);
                figures.add(new SearchBench.Figure(name + "_cpu_p95", SearchBench.percentile(c, 95), "ms"));
            }
        });
        Arrays.sort(saveTimes);
        figures.add(new SearchBench.Figure("save_visit_p50", SearchBench.percentile(saveTimes, 50), "ms"));
        figures.add(new SearchBench.Figure("save_visit_p95", SearchBench.percentile(saveTimes, 95), "ms"));
        figures.add(new SearchBench.Figure("save_visit_count", saveTimes.length, "count"));
        return figures;
    }

    /** Active people spread over the registry: whom the person queries and the saves are about. */
    private List<PersonRow> sample(AppContext ctx, SplittableRandom random) {
        int total = ctx.people().count();
        List<PersonRow> rows = new ArrayList<>();
        int wanted = Math.min(total, Math.max(REPEATS, saves));
        while (rows.size() < wanted) {
            int offset = random.nextInt(Math.max(1, total - PAGE));
            Page<PersonRow> page = ctx.people().search(new PersonQuery(null, null, null, null, null,
                    PersonQuery.Sort.CREATED, true, offset, PAGE));
            for (PersonRow r : page.items()) {
                if (rows.size() < wanted) {
                    rows.add(r);
                }
            }
        }
        return rows;
    }

    /** About one open incident per 2,000 people, half of them older than the 24 hours allowed. */
    private void addIncidents(AppContext ctx, List<PersonRow> sample, SplittableRandom random) {
        int count = Math.max(3, people / 2_000);
        LocalDateTime now = LocalDateTime.now(clock);
        for (int i = 0; i < count && i < sample.size(); i++) {
            PersonRow p = sample.get(sample.size() - 1 - i);
            ctx.incidents().record(new IncidentDraft(p.id(), now.minusHours(i % 2 == 0 ? 2 : 30),
                    IncidentType.values()[random.nextInt(IncidentType.values().length)], null, "联系家属，送医",
                    Set.of(), null));
        }
    }

    private static Map<String, Runnable> queries(AppContext ctx, List<WorkListFilter> filters,
            List<PersonRow> sample, LocalDate today) {
        int[] turn = {0};
        Map<String, Runnable> q = new LinkedHashMap<>();
        q.put("home_today", () -> ctx.workList().today(next(filters, turn), 20));
        q.put("home_overdue", () -> ctx.workList().overdue(next(filters, turn), 0, PAGE));
        q.put("home_due_week", () -> ctx.workList().dueThisWeek(next(filters, turn), 0, PAGE));
        q.put("home_terms", () -> ctx.workList().termsEnding(next(filters, turn), 0, PAGE));
        q.put("home_missing_consent", () -> ctx.workList().missingConsent(next(filters, turn), 0, PAGE));
        q.put("home_open_incidents", () -> ctx.workList().openIncidents(next(filters, turn), 0, PAGE));
        q.put("home_missing_details", () -> ctx.workList().missingDetails(next(filters, turn), 0, PAGE));
        q.put("board_counts", () -> ctx.board().colourCounts(next(filters, turn)));
        q.put("board_visits_per_month", () -> ctx.board().visitsPerMonth(next(filters, turn), 12));
        q.put("board_red", () -> ctx.board().redPeople(next(filters, turn), 0, PAGE));
        q.put("board_people", () -> ctx.board().people(next(filters, turn), Category.MENTAL_DISORDER, null, 0,
                PAGE));
        q.put("board_visits_in_month", () -> ctx.board().visitsIn(YearMonth.from(today).minusMonths(1),
                next(filters, turn), 0, PAGE));
        int[] who = {0};
        q.put("person_visit_history", () -> ctx.visits().history(sample.get(who[0]++ % sample.size()).id(), 0,
                20));
        q.put("person_colour_timeline", () -> ctx.colours().timeline(sample.get(who[0]++ % sample.size()).id()));
        return q;
    }

    private static WorkListFilter next(List<WorkListFilter> filters, int[] turn) {
        return filters.get(turn[0]++ % filters.size());
    }

    /** Saves one visit per sampled person, with the part their category asks for; milliseconds each, unsorted. */
    private double[] saveVisits(AppContext ctx, List<PersonRow> sample, SplittableRandom random) {
        int n = Math.min(saves, sample.size());
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            PersonRow p = sample.get(i);
            VisitSubject s = ctx.visits().subject(p.id());
            VisitPerson part = VisitPerson.of(p.id());
            if (s.drugUser()) {
                part = part.withUrine(random.nextInt(20) == 0 ? UrineResult.POSITIVE : UrineResult.NEGATIVE, null);
            }
            if (s.mentalDisorder()) {
                part = part.withMental(s.mentalRiskLevel() == null ? 0 : s.mentalRiskLevel(), null, null, null, true);
            }
            VisitDraft d = new VisitDraft(LocalDateTime.now(clock), VisitType.HOME, "李建华", null, List.of(part),
                    Set.of(), "情况稳定", null, null);
            long t0 = System.nanoTime();
            ctx.visits().save(d);
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        return t;
    }

}
