package org.caredesk.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caredesk.app.AppContext;
import org.caredesk.common.Pinyin;
import org.caredesk.common.Progress;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.service.PersonService;
import org.caredesk.people.service.SyntheticPeople;

/**
 * Search as you type over a fresh registry of synthetic people, in memory or (with {@code --on-disk}) in a
 * database file of a new temp folder: never the user's data. Every query goes
 * through {@link PersonService#search} with the list's default query (active people, by name, first page of 50
 * and the total count), exactly what the people list asks for on each pause in typing.
 *
 * <p>Besides wall-clock time, each kind's p95 of CPU time in the searching thread is printed ({@code _cpu_p95}):
 * H2 runs the query in the caller's thread, so it is the cost of the search itself, apart from other programs
 * competing for the processor.
 *
 * <p>The texts are taken from people who were generated, so they match, and each one is searched as it grows
 * while typed: 王, 王秀, 王秀英; wx, wxy; wang, wangxiu; and fragments of ID and phone numbers.
 */
final class SearchBench {
    /** People whose name, ID and phone number are searched for, per kind of search. */
    static final int DEFAULT_TARGETS = 100;
    private static final int WARM_UP_TARGETS = 30;

    /** One printed figure: {@code search_name_p95 12.3 ms}. */
    record Figure(String name, double value, String unit) {
        String line() {
            boolean whole = unit.equals("count") || unit.equals("MB");
            return name + " " + (whole ? String.valueOf(Math.round(value))
                    : String.format(Locale.ROOT, "%.1f", value)) + " " + unit;
        }
    }

    /** The kinds of text a front-desk worker types, each reported on its own. */
    enum Kind {
        NAME, INITIALS, PINYIN, ID, PHONE,
        /** The first keystroke alone, one Latin letter: what is shown if the user pauses right after it. */
        LETTER;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final int people;
    private final long seed;
    private final int targets;
    private final boolean onDisk;
    private final Clock clock;

    /** Enough searches for a steady p95 at the default size, fewer for the small runs of tests. */
    static int targetsFor(int people) {
        return Math.min(DEFAULT_TARGETS, Math.max(10, people / 100));
    }

    /**
     * @param onDisk false: an in-memory database; true: a database file, as the program uses, in a new folder of
     *               the system's temp folder that is deleted afterwards (still never the user's data)
     */
    SearchBench(int people, long seed, int targets, boolean onDisk, Clock clock) {
        this.people = people;
        this.seed = seed;
        this.targets = Math.min(targets, people);
        this.onDisk = onDisk;
        this.clock = clock;
    }

    List<Figure> run(Progress progress, Runnable onSearching) {
        Path dir = BenchFolder.create();
        try {
            try (AppContext ctx = BenchFolder.context(dir, onDisk, clock)) {
                // A throwaway folder of generated people: nobody's data, so the benchmark acts as the test identity.
                ctx.session().login(AppContext.TEST_IDENTITY, clock.instant());
                List<Figure> figures = measure(ctx.people(), progress, onSearching);
                if (onDisk) {
                    figures.add(new Figure("database_size", BenchFolder.size(dir) / (1024 * 1024), "MB"));
                }
                return figures;
            }
        } finally {
            BenchFolder.delete(dir);
        }
    }

    private List<Figure> measure(PersonService service, Progress progress, Runnable onSearching) {
        LocalDate today = service.today();
        long started = System.nanoTime();
        new SyntheticPeople(seed, 0, today).registerInto(service, people, progress);
        double generateSeconds = (System.nanoTime() - started) / 1e9;

        List<PersonDraft> sample = sample(today, targets + Math.min(WARM_UP_TARGETS, targets));
        int split = Math.min(targets, sample.size());
        Map<Kind, List<String>> timed = queries(sample.subList(0, split));
        // With very few people there is nobody left over to warm up on; the timed texts then serve twice.
        Map<Kind, List<String>> warmUp = split < sample.size() ? queries(sample.subList(split, sample.size()))
                : timed;

        onSearching.run();
        warmUp.values().forEach(texts -> texts.forEach(t -> search(service, t)));
        Map<Kind, Timings> timings = time(service, timed);

        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("people", service.count(), "count"));
        figures.add(new Figure("generate_time", generateSeconds, "s"));
        int total = 0;
        for (Kind k : Kind.values()) {
            Timings t = timings.get(k);
            total += t.wall.length;
            figures.add(new Figure("search_" + k.label() + "_p50", percentile(t.wall, 50), "ms"));
            figures.add(new Figure("search_" + k.label() + "_p95", percentile(t.wall, 95), "ms"));
            if (t.cpu != null) {
                figures.add(new Figure("search_" + k.label() + "_cpu_p95", percentile(t.cpu, 95), "ms"));
            }
        }
        figures.add(new Figure("search_queries", total, "count"));
        figures.add(new Figure("heap_used", heapUsedMegabytes(), "MB"));
        return figures;
    }

    /** Wall and CPU milliseconds of one kind's searches, sorted; cpu is null where the JVM cannot measure it. */
    private record Timings(double[] wall, double[] cpu) {}

    /** Kinds interleaved, query by query, so that a slow spell of the machine does not land on one kind only. */
    private static Map<Kind, Timings> time(PersonService service, Map<Kind, List<String>> texts) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        Map<Kind, Timings> timings = new EnumMap<>(Kind.class);
        texts.forEach((k, list) -> timings.put(k, new Timings(new double[list.size()],
                cpu ? new double[list.size()] : null)));
        int longest = texts.values().stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (Kind k : Kind.values()) {
                List<String> list = texts.get(k);
                if (i >= list.size()) {
                    continue;
                }
                long c0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
                long t0 = System.nanoTime();
                search(service, list.get(i));
                timings.get(k).wall[i] = (System.nanoTime() - t0) / 1e6;
                if (cpu) {
                    timings.get(k).cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                }
            }
        }
        timings.values().forEach(t -> {
            Arrays.sort(t.wall);
            if (t.cpu != null) {
                Arrays.sort(t.cpu);
            }
        });
        return timings;
    }

    /** Every text comes from a registered person, so finding nobody means search is broken, not slow. */
    private static void search(PersonService service, String text) {
        if (service.search(PersonQuery.text(text)).total() == 0) {
            throw new IllegalStateException("Search for a registered person's \"" + text + "\" found nobody");
        }
    }

    /**
     * The same people the registry holds, regenerated from the seed (the generator is deterministic and a fresh
     * registry never makes it replace an ID), spread evenly over the whole range.
     */
    private List<PersonDraft> sample(LocalDate today, int count) {
        SyntheticPeople again = new SyntheticPeople(seed, 0, today);
        int step = Math.max(1, people / count);
        List<PersonDraft> picked = new ArrayList<>(count);
        for (int i = 0; i < people && picked.size() < count; i++) {
            PersonDraft d = again.next();
            if (i % step == 0) {
                picked.add(d);
            }
        }
        return picked;
    }

    static Map<Kind, List<String>> queries(List<PersonDraft> drafts) {
        Map<Kind, List<String>> q = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            q.put(k, new ArrayList<>());
        }
        for (PersonDraft d : drafts) {
            String name = d.name();
            List<String> syllables = new ArrayList<>();
            StringBuilder initials = new StringBuilder();
            for (int i = 0; i < name.length(); i++) {
                String s = Pinyin.of(String.valueOf(name.charAt(i))).primaryFull();
                if (!s.isEmpty()) {
                    syllables.add(s);
                    initials.append(s.charAt(0));
                }
            }
            for (int len = 1; len <= name.length(); len++) {
                q.get(Kind.NAME).add(name.substring(0, len));
            }
            for (int len = 2; len <= initials.length(); len++) {
                q.get(Kind.INITIALS).add(initials.substring(0, len));
            }
            StringBuilder full = new StringBuilder();
            for (String s : syllables) {
                full.append(s);
                q.get(Kind.PINYIN).add(full.toString());
            }
            if (initials.length() > 0) {
                q.get(Kind.LETTER).add(initials.substring(0, 1));
            }
            String id = d.idNumber();
            q.get(Kind.ID).add(id.substring(14));
            q.get(Kind.ID).add(id.substring(12));
            q.get(Kind.ID).add(id.substring(0, 6));
            q.get(Kind.ID).add(id.substring(6, 14));
            String phone = d.phone1();
            q.get(Kind.PHONE).add(phone.substring(7));
            q.get(Kind.PHONE).add(phone.substring(0, 7));
            q.get(Kind.PHONE).add(phone);
        }
        return q;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static long heapUsedMegabytes() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }
}
