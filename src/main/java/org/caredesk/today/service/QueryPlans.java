package org.caredesk.today.service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caredesk.people.service.PeopleRules;
import org.caredesk.today.TermKind;
import org.caredesk.risk.WorkListFilter;
import org.caredesk.board.data.BoardRepository;
import org.caredesk.visits.data.VisitRepository;
import org.caredesk.today.data.WorkListRepository;
import org.caredesk.today.data.WorkListRepository.TermQuery;
import org.jooq.DSLContext;
import org.caredesk.risk.service.CareKeeper;
import org.caredesk.risk.service.DueRules;

/**
 * The plans the database chooses for the home screen's and the board's queries (the benchmark prints them with
 * {@code --explain}), to check that each one reads a range of an index instead of scanning a table.
 */
public final class QueryPlans {
    private final DSLContext dsl;
    private final CareKeeper keeper;
    private final PeopleRules peopleRules;

    public QueryPlans(DSLContext dsl, CareKeeper keeper, PeopleRules peopleRules) {
        this.dsl = dsl;
        this.keeper = keeper;
        this.peopleRules = peopleRules;
    }

    private static final Pattern ACCESS = Pattern.compile("/\\* (PUBLIC\\.[A-Za-z0-9_.]+)");

    /**
     * The access paths of a plan in the order H2 reads the tables: index names, or {@code TABLE.tableScan} where
     * it reads a whole table.
     */
    public static String accessPaths(String plan) {
        List<String> paths = new ArrayList<>();
        Matcher m = ACCESS.matcher(plan);
        while (m.find()) {
            paths.add(m.group(1).substring("PUBLIC.".length()));
        }
        return String.join(" → ", paths);
    }

    /** Query name → plan, for everyone's lists as of {@code today} and one person's visit history. */
    public Map<String, String> all(LocalDate today, UUID person) {
        DueRules rules = keeper.dueRules();
        DueRules.DateRange window = rules.warningWindow(today);
        DueRules.DateRange releases = rules.releasesEnding(today);
        DueRules.DateRange drug = rules.drugStartsEnding(today);
        Map<String, String> plans = new LinkedHashMap<>(new WorkListRepository().plans(dsl, WorkListFilter.ALL,
                today, DueRules.weekEnd(today), List.of(
                        new TermQuery(TermKind.CORRECTION_END, window.from(), window.to(), 0),
                        new TermQuery(TermKind.RELEASE_HELP_END, releases.from(), releases.to(),
                                peopleRules.releasedFollowYears()),
                        new TermQuery(TermKind.DRUG_PROGRAMME_END, drug.from(), drug.to(),
                                peopleRules.drugMaxYears()))));
        plans.putAll(new BoardRepository().plans(dsl, WorkListFilter.ALL, YearMonth.from(today)));
        plans.put("person_visit_history", new VisitRepository().historyPlan(dsl, person));
        return plans;
    }
}
