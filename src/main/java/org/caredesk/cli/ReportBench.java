package org.caredesk.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.people.service.SyntheticPeople;
import org.caredesk.report.DetailRow;
import org.caredesk.report.MonthlyReport;
import org.caredesk.report.Period;
import org.caredesk.report.ReportScope;
import org.caredesk.report.service.ReportService;

/**
 * {@code bench report}: the monthly report over a throwaway database file of synthetic people and visits (never
 * the user's data). The people are registered two years back (a first context with its clock set then), the visits
 * over the last year (a second context on today's clock), so last month's report has people, dues and visits to
 * count. Printed: the whole month's figures (p50, p95 of 5 runs), the workbook with its detail sheets, the peak heap,
 * and, in the same run, two baselines: the report's own read of the facts without computing a figure (the floor of
 * any computation from these rows), and bare SXSSF writing as many detail rows of as many cells, so the ratios show.
 */
final class ReportBench {
    static final int DEFAULT_PEOPLE = 50_000;
    static final int DEFAULT_VISITS = 20;
    private static final int RUNS = 5;
    /** The detail sheets' columns: 序号, 姓名, 证件号码, 楼栋, 帮扶责任人, 日期, 说明, 虚构人员. */
    private static final int DETAIL_COLUMNS = 8;

    private final int people;
    private final int visitsPerPerson;
    private final long seed;
    private final Clock clock;

    ReportBench(int people, int visitsPerPerson, long seed, Clock clock) {
        this.people = people;
        this.visitsPerPerson = visitsPerPerson;
        this.seed = seed;
        this.clock = clock;
    }

    List<SearchBench.Figure> run(Progress progress, Consumer<String> note) {
        Path dir = BenchFolder.create();
        List<SearchBench.Figure> figures = new ArrayList<>();
        try {
            Clock then = Clock.offset(clock, Duration.ofDays(-730));
            try (AppContext ctx = BenchFolder.context(dir, true, then)) {
                login(ctx);
                new SyntheticPeople(seed, 0, LocalDate.now(then)).registerInto(ctx.people(), people, progress);
            }
            try (AppContext ctx = BenchFolder.context(dir, true, clock)) {
                login(ctx);
                note.accept(I18n.get("cli.bench.visits", visitsPerPerson));
                long visits = ctx.syntheticVisits().generate(seed, visitsPerPerson, progress);
                figures.add(new SearchBench.Figure("people", ctx.people().count(), "count"));
                figures.add(new SearchBench.Figure("visits", visits, "count"));
                note.accept(I18n.get("cli.bench.report.measuring"));
                measure(ctx, figures);
            }
            figures.add(new SearchBench.Figure("database_size", BenchFolder.size(dir) / (1024 * 1024), "MB"));
            return figures;
        } finally {
            BenchFolder.delete(dir);
        }
    }

    private static void login(AppContext ctx) {
        // A throwaway folder of generated people: nobody's data, so the benchmark acts as the test identity.
        ctx.session().login(AppContext.TEST_IDENTITY, ctx.clock().instant());
        ctx.actAs(() -> "bench");
    }

    private void measure(AppContext ctx, List<SearchBench.Figure> figures) {
        ReportService reports = ctx.service(ReportService.class);
        YearMonth month = YearMonth.now(clock).minusMonths(1);
        resetPeaks();
        double[] compute = new double[RUNS];
        MonthlyReport report = null;
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            report = reports.compute(month, ReportScope.ALL);
            compute[i] = (System.nanoTime() - t) / 1e6;
        }
        double[] read = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            reports.readFactsOnly(month, ReportScope.ALL);
            read[i] = (System.nanoTime() - t) / 1e6;
        }
        // Never inside the data folder (the export refuses it): a folder of its own, deleted afterwards.
        Path out = BenchFolder.create();
        Path file = out.resolve("report.xlsx");
        double workbook;
        double bare;
        long detailRows = detailRows(report);
        long workbookSize;
        try {
            long t = System.nanoTime();
            reports.export(report, file, false);
            workbook = (System.nanoTime() - t) / 1e6;
            workbookSize = size(file);
            t = System.nanoTime();
            bareSxssf(out.resolve("bare.xlsx"), detailRows);
            bare = (System.nanoTime() - t) / 1e6;
        } finally {
            BenchFolder.delete(out);
        }
        java.util.Arrays.sort(compute);
        java.util.Arrays.sort(read);
        figures.add(new SearchBench.Figure("report_figures_p50", SearchBench.percentile(compute, 50), "ms"));
        figures.add(new SearchBench.Figure("report_figures_p95", SearchBench.percentile(compute, 95), "ms"));
        figures.add(new SearchBench.Figure("baseline_read_facts_p95", SearchBench.percentile(read, 95), "ms"));
        figures.add(new SearchBench.Figure("report_workbook_time", workbook, "ms"));
        figures.add(new SearchBench.Figure("report_workbook_detail_rows", detailRows, "count"));
        figures.add(new SearchBench.Figure("baseline_bare_sxssf_time", bare, "ms"));
        figures.add(new SearchBench.Figure("report_workbook_size", workbookSize / (1024 * 1024.0), "MB"));
        figures.add(new SearchBench.Figure("peak_heap", peakHeap() / (1024 * 1024), "MB"));
        figures.add(new SearchBench.Figure("max_heap", Runtime.getRuntime().maxMemory() / (1024 * 1024), "MB"));
    }

    /** The rows the detail sheets hold: every count's list, for the month and the year. */
    private static long detailRows(MonthlyReport report) {
        long rows = 0;
        for (Map<Period, List<DetailRow>> byPeriod : report.rows().values()) {
            for (List<DetailRow> list : byPeriod.values()) {
                rows += list.size();
            }
        }
        return rows;
    }

    private static void bareSxssf(Path file, long rows) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            SXSSFSheet sheet = wb.createSheet("rows");
            for (int r = 0; r < rows && r < 1_048_575; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < DETAIL_COLUMNS; c++) {
                    row.createCell(c).setCellValue("单元格" + r + "-" + c);
                }
            }
            try (var out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since the reset: an upper bound of the heap the report needed. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
