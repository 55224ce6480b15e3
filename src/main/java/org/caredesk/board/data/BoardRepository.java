package org.caredesk.board.data;

import static org.caredesk.db.generated.Tables.PERSON;
import static org.caredesk.db.generated.Tables.PERSON_CATEGORY;
import static org.caredesk.db.generated.Tables.PERSON_SCHEDULE;
import static org.caredesk.db.generated.Tables.VISIT;
import static org.caredesk.db.generated.Tables.VISIT_MONTH;
import static org.caredesk.db.generated.Tables.VISIT_PERSON;
import static org.caredesk.risk.data.ScheduleSql.categories;
import static org.caredesk.risk.data.ScheduleSql.filter;
import static org.caredesk.risk.data.ScheduleSql.inOrder;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.caredesk.common.RiskColour;
import org.caredesk.db.TextOrder;
import org.caredesk.people.Category;
import org.caredesk.people.Page;
import org.caredesk.board.BoardPerson;
import org.caredesk.board.ColourCount;
import org.caredesk.risk.ColourReason;
import org.caredesk.risk.ColourSource;
import org.caredesk.board.MonthCount;
import org.caredesk.board.VisitLine;
import org.caredesk.visits.VisitType;
import org.caredesk.risk.WorkListFilter;
import org.caredesk.risk.data.ScheduleSql;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record3;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** The warning board's queries, over the narrow schedule table; person rows only for the page shown. */
public final class BoardRepository {

    /**
     * Colour counts per category (active files), then one for everyone: one pass over the narrow schedule rows,
     * grouped by colour and category bits, added up per category in Java.
     */
    public List<ColourCount> colourCounts(DSLContext dsl, WorkListFilter f) {
        Map<Category, Map<RiskColour, Integer>> byCategory = new EnumMap<>(Category.class);
        Map<RiskColour, Integer> all = new EnumMap<>(RiskColour.class);
        for (Record3<String, Integer, Integer> r : byBits(dsl, f).fetch()) {
            RiskColour colour = RiskColour.valueOf(r.value1());
            int bits = r.value2();
            int n = r.value3();
            all.merge(colour, n, Integer::sum);
            for (Category c : Category.values()) {
                if ((bits & (1 << c.ordinal())) != 0) {
                    byCategory.computeIfAbsent(c, k -> new EnumMap<>(RiskColour.class)).merge(colour, n,
                            Integer::sum);
                }
            }
        }
        List<ColourCount> counts = new ArrayList<>();
        for (Category c : Category.values()) {
            counts.add(count(c, byCategory.getOrDefault(c, Map.of())));
        }
        counts.add(count(null, all));
        return counts;
    }

    private static Select<Record3<String, Integer, Integer>> byBits(DSLContext dsl, WorkListFilter f) {
        return dsl.select(PERSON_SCHEDULE.COLOUR, PERSON_SCHEDULE.CATEGORIES, DSL.count()).from(PERSON_SCHEDULE)
                .where(PERSON_SCHEDULE.ACTIVE.isTrue()).and(filter(f))
                .groupBy(PERSON_SCHEDULE.COLOUR, PERSON_SCHEDULE.CATEGORIES);
    }

    /** Person-visits per month in [first, last] (whole months), every month present, oldest first. */
    public List<MonthCount> visitsPerMonth(DSLContext dsl, WorkListFilter f, YearMonth first, YearMonth last) {
        Map<YearMonth, Integer> found = new HashMap<>();
        if (f.responsibleStaff() == null && f.building() == null) {
            // Everyone: the counters kept with every insert of visits.
            dsl.selectFrom(VISIT_MONTH).where(VISIT_MONTH.MONTH_START.between(first.atDay(1), last.atDay(1)))
                    .forEach(r -> found.put(YearMonth.from(r.getMonthStart()), r.getPersonVisits()));
        } else {
            perMonth(dsl, f, first, last).forEach(r -> found.put(YearMonth.of(r.value1(), r.value2()), r.value3()));
        }
        List<MonthCount> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(new MonthCount(m, found.getOrDefault(m, 0)));
        }
        return months;
    }

    private static Select<Record3<Integer, Integer, Integer>> perMonth(DSLContext dsl, WorkListFilter f,
            YearMonth first, YearMonth last) {
        Field<Integer> year = DSL.year(VISIT_PERSON.VISIT_DATE);
        Field<Integer> month = DSL.month(VISIT_PERSON.VISIT_DATE);
        Condition c = VISIT_PERSON.VISIT_DATE.between(first.atDay(1), last.atEndOfMonth());
        boolean filtered = f.responsibleStaff() != null || f.building() != null;
        Table<?> parts = filtered ? VISIT_PERSON.join(PERSON_SCHEDULE)
                .on(PERSON_SCHEDULE.PERSON_ID.eq(VISIT_PERSON.PERSON_ID)) : VISIT_PERSON;
        return dsl.select(year, month, DSL.count()).from(parts).where(filtered ? c.and(filter(f)) : c)
                .groupBy(year, month);
    }

    /**
     * Active people, optionally of one category and one colour, longest without a visit first (never visited
     * first of all): the people behind a count, and the red list.
     */
    public Page<BoardPerson> people(DSLContext dsl, WorkListFilter f, Category category, RiskColour colour,
            int offset, int limit) {
        Condition c = peopleCondition(f, category, colour);
        Table<?> from = peopleFrom(category);
        int total = dsl.fetchCount(dsl.selectOne().from(from).where(c));
        if (total == 0 || offset >= total) {
            return new Page<>(List.of(), offset, total);
        }
        List<UUID> ids = peopleIds(dsl, from, c, offset, limit).fetch(PERSON_SCHEDULE.PERSON_ID);
        return new Page<>(rows(dsl, ids), offset, total);
    }

    /** One category's people are found through its index; everyone's through the schedule alone. */
    private static Table<?> peopleFrom(Category category) {
        return category == null ? PERSON_SCHEDULE : PERSON_CATEGORY.join(PERSON_SCHEDULE)
                .on(PERSON_SCHEDULE.PERSON_ID.eq(PERSON_CATEGORY.PERSON_ID));
    }

    private static Condition peopleCondition(WorkListFilter f, Category category, RiskColour colour) {
        Condition c = PERSON_SCHEDULE.ACTIVE.isTrue().and(filter(f));
        if (colour != null) {
            c = c.and(PERSON_SCHEDULE.COLOUR.eq(colour.name()));
        }
        return category == null ? c : c.and(PERSON_CATEGORY.CATEGORY.eq(category.name()));
    }

    private static Select<Record1<UUID>> peopleIds(DSLContext dsl, Table<?> from, Condition c, int offset,
            int limit) {
        return dsl.select(PERSON_SCHEDULE.PERSON_ID).from(from).where(c)
                .orderBy(PERSON_SCHEDULE.LAST_VISIT_DATE.asc().nullsFirst(), PERSON_SCHEDULE.PERSON_ID).limit(limit)
                .offset(offset);
    }

    private static List<BoardPerson> rows(DSLContext dsl, List<UUID> ids) {
        Map<UUID, Set<Category>> cats = categories(dsl, ids);
        Map<UUID, BoardPerson> rows = new HashMap<>();
        for (Record r : dsl.select(PERSON_SCHEDULE.fields()).select(PERSON.NAME).from(PERSON_SCHEDULE).join(PERSON)
                .on(PERSON.ID.eq(PERSON_SCHEDULE.PERSON_ID)).where(PERSON_SCHEDULE.PERSON_ID.in(ids)).fetch()) {
            UUID id = r.get(PERSON_SCHEDULE.PERSON_ID);
            rows.put(id, new BoardPerson(id, r.get(PERSON.NAME), cats.getOrDefault(id, Set.of()),
                    RiskColour.valueOf(r.get(PERSON_SCHEDULE.COLOUR)),
                    ColourSource.valueOf(r.get(PERSON_SCHEDULE.COLOUR_SOURCE)),
                    ColourReason.valueOf(r.get(PERSON_SCHEDULE.COLOUR_REASON)), r.get(PERSON_SCHEDULE.COLOUR_DETAIL),
                    r.get(PERSON_SCHEDULE.LAST_VISIT_DATE), r.get(PERSON_SCHEDULE.NEXT_VISIT_DUE),
                    r.get(PERSON_SCHEDULE.BUILDING), r.get(PERSON_SCHEDULE.RESPONSIBLE_STAFF)));
        }
        return inOrder(ids, rows);
    }

    /** The person-visits of a month, newest first: keys from the date index, the rows only for the page. */
    public Page<VisitLine> visitsIn(DSLContext dsl, YearMonth month, WorkListFilter f, int offset, int limit) {
        Condition c = VISIT_PERSON.VISIT_DATE.between(month.atDay(1), month.atEndOfMonth());
        boolean filtered = f.responsibleStaff() != null || f.building() != null;
        Table<?> parts = filtered ? VISIT_PERSON.join(PERSON_SCHEDULE)
                .on(PERSON_SCHEDULE.PERSON_ID.eq(VISIT_PERSON.PERSON_ID)) : VISIT_PERSON;
        Condition where = filtered ? c.and(filter(f)) : c;
        int total = dsl.fetchCount(dsl.selectOne().from(parts).where(where));
        if (total == 0 || offset >= total) {
            return new Page<>(List.of(), offset, total);
        }
        List<Record2<UUID, UUID>> keys = visitKeys(dsl, parts, where, offset, limit).fetch();
        Map<List<UUID>, VisitLine> lines = new HashMap<>();
        dsl.select(VISIT_PERSON.VISIT_ID, VISIT_PERSON.PERSON_ID, PERSON.NAME, VISIT_PERSON.VISIT_DATE,
                VISIT.VISIT_TYPE, VISIT.STAFF).from(VISIT_PERSON).join(VISIT).on(VISIT.ID.eq(VISIT_PERSON.VISIT_ID))
                .join(PERSON).on(PERSON.ID.eq(VISIT_PERSON.PERSON_ID))
                .where(VISIT_PERSON.VISIT_ID.in(keys.stream().map(Record2::value1).toList()))
                .forEach(r -> lines.put(List.of(r.value1(), r.value2()), new VisitLine(r.value1(), r.value2(),
                        r.value3(), r.value4(), VisitType.valueOf(r.value5()), r.value6())));
        List<VisitLine> ordered = new ArrayList<>(keys.size());
        for (Record2<UUID, UUID> k : keys) {
            VisitLine line = lines.get(List.of(k.value1(), k.value2()));
            if (line != null) {
                ordered.add(line);
            }
        }
        return new Page<>(ordered, offset, total);
    }

    /** In the date index's order, read backwards: newest day first, then key. */
    private static Select<Record2<UUID, UUID>> visitKeys(DSLContext dsl, Table<?> parts, Condition where, int offset,
            int limit) {
        return dsl.select(VISIT_PERSON.VISIT_ID, VISIT_PERSON.PERSON_ID).from(parts).where(where)
                .orderBy(VISIT_PERSON.VISIT_DATE.desc(), VISIT_PERSON.VISIT_ID.desc(), VISIT_PERSON.PERSON_ID.desc())
                .limit(limit).offset(offset);
    }

    /** The plans of the board's queries, by name (the benchmark prints them). */
    public Map<String, String> plans(DSLContext dsl, WorkListFilter f, YearMonth month) {
        Map<String, String> plans = new LinkedHashMap<>();
        plans.put("board_counts_by_category", ScheduleSql.plan(dsl, byBits(dsl, f)));
        plans.put("board_visits_per_month_building", ScheduleSql.plan(dsl, perMonth(dsl,
                new WorkListFilter(f.responsibleStaff(), "1"), month.minusMonths(11), month)));
        plans.put("board_red_page", ScheduleSql.plan(dsl, peopleIds(dsl, peopleFrom(null),
                peopleCondition(f, null, RiskColour.RED), 0, 50)));
        plans.put("board_category_page", ScheduleSql.plan(dsl, peopleIds(dsl,
                peopleFrom(Category.MENTAL_DISORDER), peopleCondition(f, Category.MENTAL_DISORDER, null), 0, 50)));
        plans.put("board_visits_in_month_page", ScheduleSql.plan(dsl, visitKeys(dsl, VISIT_PERSON,
                VISIT_PERSON.VISIT_DATE.between(month.atDay(1), month.atEndOfMonth()), 0, 50)));
        return plans;
    }

    public List<String> responsibleStaff(DSLContext dsl) {
        return dsl.select(PERSON_SCHEDULE.RESPONSIBLE_STAFF).from(PERSON_SCHEDULE)
                .where(PERSON_SCHEDULE.ACTIVE.isTrue()).and(PERSON_SCHEDULE.RESPONSIBLE_STAFF.isNotNull())
                .groupBy(PERSON_SCHEDULE.RESPONSIBLE_STAFF).orderBy(TextOrder.binary(PERSON_SCHEDULE.RESPONSIBLE_STAFF))
                .fetch(PERSON_SCHEDULE.RESPONSIBLE_STAFF);
    }

    public List<String> buildings(DSLContext dsl) {
        return dsl.select(PERSON_SCHEDULE.BUILDING).from(PERSON_SCHEDULE)
                .where(PERSON_SCHEDULE.ACTIVE.isTrue()).and(PERSON_SCHEDULE.BUILDING.isNotNull())
                .groupBy(PERSON_SCHEDULE.BUILDING).orderBy(TextOrder.binary(PERSON_SCHEDULE.BUILDING))
                .fetch(PERSON_SCHEDULE.BUILDING);
    }

    private static ColourCount count(Category c, Map<RiskColour, Integer> m) {
        return new ColourCount(c, m.getOrDefault(RiskColour.RED, 0), m.getOrDefault(RiskColour.YELLOW, 0),
                m.getOrDefault(RiskColour.GREEN, 0));
    }
}
