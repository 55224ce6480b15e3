package org.caredesk.board;

import java.time.YearMonth;
import java.util.List;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Category;
import org.caredesk.people.Page;
import org.caredesk.risk.WorkListFilter;

/**
 * The three-colour warning board (三色预警看板). Needs {@code VISITS_READ}. Every number can list the people behind
 * it. Only active files count.
 */
public interface BoardService {

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
