package org.caredesk.board;

import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Category;
import org.caredesk.people.Page;
import org.caredesk.risk.WorkListFilter;

/**
 * The three-colour warning board (三色预警看板). Needs {@code VISITS_READ}. Every number can list the people behind
 * it. Only active files count.
 */
public interface BoardService {

    /**
     * Runs {@code reads} against a board that answers from one read-only transaction, so the numbers they return
     * belong to one moment (decision 0016): a save committed meanwhile is in all of them or in none.
     */
    <T> T atOneMoment(Function<BoardService, T> reads);

    /** Colour counts for each category, then one line for everyone (category null). */
    List<ColourCount> colourCounts(WorkListFilter filter);

    /** Person-visits per month for the last {@code months} months, the current month last. */
    List<MonthCount> visitsPerMonth(WorkListFilter filter, int months);

    /** Red people with the reason and their last visit, longest without a visit first. */
    Page<BoardPerson> redPeople(WorkListFilter filter, int offset, int limit);

    /** The people behind a colour count ({@code category} null: every category; {@code colour} null: any). */
    Page<BoardPerson> people(WorkListFilter filter, Category category, RiskColour colour, int offset, int limit);

    /** The person-visits behind a month's count, newest first. */
    Page<VisitLine> visitsIn(YearMonth month, WorkListFilter filter, int offset, int limit);

    /** Responsible staff names in use, for the filter. */
    List<String> responsibleStaff();

    /** Buildings in use, for the filter. */
    List<String> buildings();
}
