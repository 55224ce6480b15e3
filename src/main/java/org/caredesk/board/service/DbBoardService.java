package org.caredesk.board.service;

import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;
import org.caredesk.common.RiskColour;
import org.caredesk.db.ConsistentRead;
import org.caredesk.people.Category;
import org.caredesk.people.Page;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.caredesk.board.BoardPerson;
import org.caredesk.board.BoardService;
import org.caredesk.board.ColourCount;
import org.caredesk.board.MonthCount;
import org.caredesk.board.VisitLine;
import org.caredesk.risk.WorkListFilter;
import org.caredesk.board.data.BoardRepository;
import org.jooq.DSLContext;
import org.caredesk.risk.service.CareKeeper;

/** The warning board on the database. */
public final class DbBoardService implements BoardService {
    private final DSLContext dsl;
    private final BoardRepository board;
    private final CareKeeper keeper;
    private final Session session;

    public DbBoardService(DSLContext dsl, BoardRepository board, CareKeeper keeper, Session session) {
        this.dsl = dsl;
        this.board = board;
        this.keeper = keeper;
        this.session = session;
    }

    @Override
    public <T> T atOneMoment(Function<BoardService, T> reads) {
        session.require(Permission.VISITS_READ);
        return ConsistentRead.read(dsl, tx -> reads.apply(new DbBoardService(tx, board, keeper, session)));
    }

    @Override
    public List<ColourCount> colourCounts(WorkListFilter filter) {
        session.require(Permission.VISITS_READ);
        return board.colourCounts(dsl, filter);
    }

    @Override
    public List<MonthCount> visitsPerMonth(WorkListFilter filter, int months) {
        session.require(Permission.VISITS_READ);
        YearMonth last = YearMonth.from(keeper.today());
        return board.visitsPerMonth(dsl, filter, last.minusMonths(Math.max(1, months) - 1L), last);
    }

    @Override
    public Page<BoardPerson> redPeople(WorkListFilter filter, int offset, int limit) {
        return people(filter, null, RiskColour.RED, offset, limit);
    }

    @Override
    public Page<BoardPerson> people(WorkListFilter filter, Category category, RiskColour colour, int offset,
            int limit) {
        session.require(Permission.VISITS_READ);
        return board.people(dsl, filter, category, colour, Math.max(0, offset), limit <= 0 ? 50 : limit);
    }

    @Override
    public Page<VisitLine> visitsIn(YearMonth month, WorkListFilter filter, int offset, int limit) {
        session.require(Permission.VISITS_READ);
        return board.visitsIn(dsl, month, filter, Math.max(0, offset), limit <= 0 ? 50 : limit);
    }

    @Override
    public List<String> responsibleStaff() {
        session.require(Permission.VISITS_READ);
        return board.responsibleStaff(dsl);
    }

    @Override
    public List<String> buildings() {
        session.require(Permission.VISITS_READ);
        return board.buildings(dsl);
    }
}
