package org.caredesk.risk.data;

import static org.caredesk.db.generated.Tables.PERSON_CATEGORY;
import static org.caredesk.db.generated.Tables.PERSON_SCHEDULE;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.caredesk.people.Category;
import org.caredesk.risk.WorkListFilter;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * SQL pieces of the lists that read the schedule rows this room keeps ({@code person_schedule}): the home screen,
 * the board and the open incidents filter and page them the same way.
 */
public final class ScheduleSql {
    private ScheduleSql() {}

    /** The staff / building filter on the schedule's copies of those columns. */
    public static Condition filter(WorkListFilter f) {
        Condition c = DSL.noCondition();
        if (f.responsibleStaff() != null) {
            c = c.and(PERSON_SCHEDULE.RESPONSIBLE_STAFF.eq(f.responsibleStaff()));
        }
        if (f.building() != null) {
            c = c.and(PERSON_SCHEDULE.BUILDING.eq(f.building()));
        }
        return c;
    }

    /** The categories of a page's people, in one query. */
    public static Map<UUID, Set<Category>> categories(DSLContext dsl, List<UUID> ids) {
        Map<UUID, Set<Category>> map = new HashMap<>();
        if (ids.isEmpty()) {
            return map;
        }
        dsl.select(PERSON_CATEGORY.PERSON_ID, PERSON_CATEGORY.CATEGORY).from(PERSON_CATEGORY)
                .where(PERSON_CATEGORY.PERSON_ID.in(ids)).forEach(r -> map
                        .computeIfAbsent(r.value1(), k -> EnumSet.noneOf(Category.class))
                        .add(Category.valueOf(r.value2())));
        return map;
    }

    /** The rows of a page in the order of its IDs (the ID query sorted them). */
    public static <T> List<T> inOrder(List<UUID> ids, Map<UUID, T> rows) {
        List<T> list = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            T t = rows.get(id);
            if (t != null) {
                list.add(t);
            }
        }
        return list;
    }

    /** The plan the database chooses for a query (the benchmark prints them). */
    public static String plan(DSLContext dsl, Select<?> query) {
        return dsl.explain(query).plan();
    }
}
