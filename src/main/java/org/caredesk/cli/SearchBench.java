package org.caredesk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
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
 * Search as you type over a fresh in-memory registry of synthetic people, never the user's data. Every query goes
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
    private final Clock clock;

    /** Enough searches for a steady p95 at the default size, fewer for the small runs of tests. */
    static int targetsFor(int people) {
        return Math.min(DEFAULT_TARGETS, Math.max(10, people / 100));
    }

    SearchBench(int people, long seed, int targets, Clock clock) {
        this.people = people;
        this.seed = seed;
        this.targets = Math.min(targets, people);
        this.clock = clock;
    }

    List<Figure> run(Progress progress, Runnable onSearching) {
        Path dir;
        try {
            dir = Files.createTempDirectory("caredesk-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (AppContext ctx = AppContext.inMemory(dir, clock)) {
            return measure(ctx.people(), progress, onSearching);
        } finally {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // An empty folder left in the system temp folder harms nobody; the figures matter more.
            }
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
        for (List<String> texts : warmUp.values()) {
            for (String t : texts) {
                service.search(PersonQuery.text(t));
            }
        }
        Map<Kind, double[]> millis = new EnumMap<>(Kind.class);
        Map<Kind, double[]> cpuMillis = new EnumMap<>(Kind.class);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        int total = 0;
        // Kinds interleaved, query by query, so that a slow phase of the machine does not land on one kind only.
        Map<Kind, Integer> next = new EnumMap<>(Kind.class);
        timed.forEach((k, texts) -> {
            millis.put(k, new double[texts.size()]);
            cpuMillis.put(k, new double[texts.size()]);
            next.put(k, 0);
        });
        boolean any = true;
        while (any) {
            any = false;
            for (Kind k : Kind.values()) {
                List<String> texts = timed.get(k);
                int i = next.get(k);
                if (i < texts.size()) {
                    long c0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
                    long t0 = System.nanoTime();
                    service.search(PersonQuery.text(texts.get(i)));
                    millis.get(k)[i] = (System.nanoTime() - t0) / 1e6;
                    cpuMillis.get(k)[i] = cpu ? (threads.getCurrentThreadCpuTime() - c0) / 1e6 : 0;
                    next.put(k, i + 1);
                    total++;
                    any = true;
                }
            }
        }

        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("people", service.count(), "count"));
        figures.add(new Figure("generate_time", generateSeconds, "s"));
        for (Kind k : Kind.values()) {
            double[] m = millis.get(k);
            Arrays.sort(m);
            figures.add(new Figure("search_" + k.label() + "_p50", percentile(m, 50), "ms"));
            figures.add(new Figure("search_" + k.label() + "_p95", percentile(m, 95), "ms"));
            if (cpu) {
                double[] c = cpuMillis.get(k);
                Arrays.sort(c);
                figures.add(new Figure("search_" + k.label() + "_cpu_p95", percentile(c, 95), "ms"));
            }
        }
        figures.add(new Figure("search_queries", total, "count"));
        figures.add(new Figure("heap_used", heapUsedMegabytes(), "MB"));
        return figures;
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
