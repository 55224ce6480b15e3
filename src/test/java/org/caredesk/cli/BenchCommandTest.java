package org.caredesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.caredesk.common.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    private static final Pattern FIGURE = Pattern.compile("[a-z0-9_]+ \\d+(\\.\\d)? (ms|s|count|MB)");

    @TempDir
    Path dataDir;

    @Test
    void benchSearch_printsOneLinePerFigure_andNeverTouchesTheDataFolder() {
        CliRun r = CliRun.run(dataDir, "bench", "search", "--people", "2000");

        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(r.out()).allSatisfy(line -> assertThat(line).matches(FIGURE));
        List<String> names = r.out().stream().map(l -> l.substring(0, l.indexOf(' '))).toList();
        assertThat(names).contains("people", "generate_time", "heap_used", "search_queries",
                "search_name_p50", "search_name_p95", "search_initials_p50", "search_initials_p95",
                "search_pinyin_p50", "search_pinyin_p95", "search_id_p50", "search_id_p95",
                "search_phone_p50", "search_phone_p95", "search_letter_p95");
        assertThat(r.out()).contains("people 2000 count");
        assertThat(r.err()).contains(I18n.get("cli.bench.searching"));
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void benchSearchOnDisk_alsoPrintsTheDatabaseSize() {
        CliRun r = CliRun.run(dataDir, "bench", "search", "--people=500", "--on-disk", "--seed", "3");

        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(r.out()).allSatisfy(line -> assertThat(line).matches(FIGURE));
        assertThat(r.out()).contains("people 500 count").anySatisfy(l -> assertThat(l).startsWith("database_size "));
        assertThat(r.err()).first().isEqualTo(I18n.get("cli.bench.generatingOnDisk", 500));
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void benchDashboard_timesTheHomeScreenTheBoardAndSaving_andPrintsThePlans() {
        CliRun r = CliRun.run(dataDir, "bench", "dashboard", "--people", "300", "--visits", "5", "--saves", "10",
                "--explain");

        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(r.out()).allSatisfy(line -> assertThat(line).matches(FIGURE));
        List<String> names = r.out().stream().map(l -> l.substring(0, l.indexOf(' '))).toList();
        assertThat(names).contains("people", "visits", "home_today_p95", "home_overdue_p95", "home_due_week_p95",
                "home_terms_p95", "home_missing_consent_p95", "home_open_incidents_p95", "board_counts_p95",
                "board_visits_per_month_p95", "board_red_p95", "save_visit_p50", "save_visit_p95");
        assertThat(r.out()).contains("people 300 count", "save_visit_count 10 count");
        assertThat(r.err()).anySatisfy(l -> assertThat(l).startsWith(I18n.get("cli.bench.plan", "overdue_page", ""))
                .contains("IX_PERSON_SCHEDULE_NEXT_DUE"));
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void benchImport_timesTheBareReadTheCheckAndTheImport_sideBySide() {
        CliRun r = CliRun.run(dataDir, "bench", "import", "--rows", "300");

        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(r.out()).allSatisfy(line -> assertThat(line).matches(FIGURE));
        List<String> names = r.out().stream().map(l -> l.substring(0, l.indexOf(' '))).toList();
        assertThat(names).contains("rows", "bare_read_time", "bare_read_heap_peak", "dry_run_time",
                "dry_run_heap_peak", "import_time", "import_heap_peak", "heap_max");
        // Every generated row is valid: the check finds nothing and the import writes them all.
        assertThat(r.out()).contains("rows 300 count", "dry_run_problems 0 count", "imported 300 count");
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void benchReport_timesTheFiguresTheWorkbookAndBothBaselines_overPeopleRegisteredBeforeLastMonth() {
        CliRun r = CliRun.run(dataDir, "bench", "report", "--people", "300", "--visits", "5");

        assertThat(r.exit()).as(r.errText()).isEqualTo(Cli.OK);
        assertThat(r.out()).allSatisfy(line -> assertThat(line).matches(FIGURE));
        List<String> names = r.out().stream().map(l -> l.substring(0, l.indexOf(' '))).toList();
        assertThat(names).contains("report_figures_p50", "report_figures_p95", "baseline_read_facts_p95",
                "report_workbook_time", "baseline_bare_sxssf_time", "peak_heap", "max_heap");
        assertThat(r.out()).contains("people 300 count");
        // Registered two years back, the people are on last month's register: the detail sheets have rows.
        assertThat(r.out()).noneMatch(l -> l.startsWith("report_workbook_detail_rows 0 "));
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void figureLine_formatsValuesWithoutLocaleSeparators() {
        assertThat(new SearchBench.Figure("search_name_p95", 1234.56, "ms").line())
                .isEqualTo("search_name_p95 1234.6 ms");
        assertThat(new SearchBench.Figure("people", 100000, "count").line()).isEqualTo("people 100000 count");
    }

    @Test
    void percentile_isNearestRank() {
        double[] sorted = new double[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertThat(SearchBench.percentile(sorted, 95)).isEqualTo(95.0);
        assertThat(SearchBench.percentile(sorted, 50)).isEqualTo(50.0);
        assertThat(SearchBench.percentile(new double[] {7}, 95)).isEqualTo(7.0);
    }
}
