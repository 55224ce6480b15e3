package org.caredesk.today.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.caredesk.app.AppContext;
import org.caredesk.app.MutableClock;
import org.caredesk.common.Progress;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.service.SyntheticPeople;
import org.caredesk.today.service.QueryPlans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home screen's and the board's queries read ranges of their indexes on a registry of synthetic people and
 * visits, rather than scanning a table: the plans H2 chooses, checked with EXPLAIN. (At 100,000 people and
 * 2,000,000 visits the benchmark prints the same plans; see docs/decisions/0014.) H2 only, unlike the other
 * database tests: it reads H2's EXPLAIN text, which PostgreSQL writes in another form and plans differently.
 */
class QueryPlansTest {
    @TempDir
    static Path dir;
    private static AppContext ctx;
    private static Map<String, String> plans;

    @BeforeAll
    static void generate() {
        MutableClock clock = MutableClock.morning();
        ctx = AppContext.inMemory(dir, clock);
        LocalDate today = LocalDate.now(clock);
        new SyntheticPeople(7, 0, today).registerInto(ctx.people(), 1_000, Progress.NONE);
        ctx.syntheticVisits().generate(7, 10, Progress.NONE);
        UUID someone = ctx.people().search(PersonQuery.all()).items().get(0).id();
        plans = ctx.queryPlans().all(today, someone);
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    private static String paths(String query) {
        assertThat(plans).containsKey(query);
        return QueryPlans.accessPaths(plans.get(query));
    }

    @Test
    void overdueAndDueThisWeek_areRangesOfTheDueDateIndex() {
        assertThat(paths("overdue_count")).isEqualTo("IX_PERSON_SCHEDULE_NEXT_DUE");
        assertThat(paths("overdue_page")).isEqualTo("IX_PERSON_SCHEDULE_NEXT_DUE");
        assertThat(paths("due_week_page")).isEqualTo("IX_PERSON_SCHEDULE_NEXT_DUE");
    }

    @Test
    void termWarnings_readACategorysDateRange() {
        assertThat(paths("terms_correction_end")).startsWith("IX_PERSON_CATEGORY_CORRECTION_END");
        assertThat(paths("terms_release_help_end")).startsWith("IX_PERSON_CATEGORY_RELEASE");
        assertThat(paths("terms_drug_programme_end")).startsWith("IX_PERSON_CATEGORY_DRUG_START");
    }

    @Test
    void aMonthsVisits_ofOneBuildingsPeople_useThePersonAndDateIndex() {
        assertThat(paths("board_visits_per_month_building")).contains("IX_VISIT_PERSON_PERSON_DATE")
                .doesNotContain("VISIT_PERSON.tableScan");
        assertThat(paths("board_visits_in_month_page")).isEqualTo("IX_VISIT_PERSON_DATE");
    }

    @Test
    void missingDetails_readTheCategoryIndex_thenTheScheduleByKey() {
        assertThat(paths("missing_details_count")).startsWith("PRIMARY_KEY").contains("IX_PERSON_CATEGORY_CATEGORY");
        assertThat(paths("missing_details_page")).startsWith("PRIMARY_KEY").contains("IX_PERSON_CATEGORY_CATEGORY");
    }

    @Test
    void noHomeScreenQuery_scansATable() {
        for (String q : new String[] {"overdue_count", "overdue_page", "due_week_page", "terms_correction_end",
            "terms_release_help_end", "terms_drug_programme_end", "missing_consent_page", "open_incidents_page",
            "person_visit_history", "missing_details_count", "missing_details_page"}) {
            assertThat(paths(q)).as(q).doesNotContain("tableScan");
        }
    }

    @Test
    void theBoardsColourCounts_groupTheScheduleAlone() {
        assertThat(paths("board_counts_by_category")).isEqualTo("PERSON_SCHEDULE.tableScan");
    }

    @Test
    void accessPaths_listsIndexesAndScansInReadingOrder() {
        assertThat(QueryPlans.accessPaths("SELECT 1 FROM A /* PUBLIC.IX_A: X = 1 */ JOIN B /* PUBLIC.B.tableScan */"))
                .isEqualTo("IX_A → B.tableScan");
    }
}
