package org.caredesk.visits.data;

import static org.caredesk.db.generated.Tables.INCIDENT;
import static org.caredesk.db.generated.Tables.PERSON;
import static org.caredesk.db.generated.Tables.PERSON_CATEGORY;
import static org.caredesk.db.generated.Tables.PERSON_SCHEDULE;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Category;
import org.caredesk.people.Page;
import org.caredesk.visits.ConsentItem;
import org.caredesk.visits.DueItem;
import org.caredesk.visits.IncidentStatus;
import org.caredesk.visits.IncidentType;
import org.caredesk.visits.OpenIncident;
import org.caredesk.visits.TermItem;
import org.caredesk.visits.TermKind;
import org.caredesk.visits.WorkListFilter;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The home screen's queries. Each list is a range of an index of the narrow {@code person_schedule} table (or of
 * {@code person_category}'s dates, or of open incidents); the wide {@code person} rows are read only for the page
 * shown. Date bounds come from Java, so the SQL compares plain columns and stays portable.
 */
public final class WorkListRepository {

    /** Which dates of a term a query compares, with the bounds computed by the caller. */
    public record TermQuery(TermKind kind, LocalDate from, LocalDate to, int years) {}

    /** People whose earliest due date lies in [from, to] (from null: any earlier date), earliest first. */
    public Page<DueItem> due(DSLContext dsl, WorkListFilter f, LocalDate from, LocalDate to, int offset, int limit) {
        Condition c = PERSON_SCHEDULE.NEXT_DUE.le(to).and(filter(f));
        if (from != null) {
            c = c.and(PERSON_SCHEDULE.NEXT_DUE.ge(from));
        }
        int total = dsl.fetchCount(PERSON_SCHEDULE, c);
        if (total == 0 || offset >= total) {
            return new Page<>(List.of(), offset, total);
        }
        List<UUID> ids = dsl.select(PERSON_SCHEDULE.PERSON_ID).from(PERSON_SCHEDULE).where(c)
                .orderBy(PERSON_SCHEDULE.NEXT_DUE, PERSON_SCHEDULE.PERSON_ID).limit(limit).offset(offset)
                .fetch(PERSON_SCHEDULE.PERSON_ID);
        Map<UUID, Set<Category>> categories = categories(dsl, ids);
        Map<UUID, DueItem> rows = new HashMap<>();
        for (Record r : dsl.select(PERSON_SCHEDULE.fields()).select(PERSON.NAME).from(PERSON_SCHEDULE).join(PERSON)
                .on(PERSON.ID.eq(PERSON_SCHEDULE.PERSON_ID)).where(PERSON_SCHEDULE.PERSON_ID.in(ids)).fetch()) {
            UUID id = r.get(PERSON_SCHEDULE.PERSON_ID);
            rows.put(id, new DueItem(id, r.get(PERSON.NAME), categories.getOrDefault(id, Set.of()),
                    RiskColour.valueOf(r.get(PERSON_SCHEDULE.COLOUR)), r.get(PERSON_SCHEDULE.BUILDING),
                    r.get(PERSON_SCHEDULE.RESPONSIBLE_STAFF), r.get(PERSON_SCHEDULE.LAST_VISIT_DATE),
                    r.get(PERSON_SCHEDULE.NEXT_VISIT_DUE), r.get(PERSON_SCHEDULE.NEXT_URINE_DUE),
                    r.get(PERSON_SCHEDULE.NEXT_DUE)));
        }
        return new Page<>(inOrder(ids, rows), offset, total);
    }

    /** Terms ending in the given ranges, end date first (few: the warning window is a month). */
    public List<TermItem> termsEnding(DSLContext dsl, WorkListFilter f, List<TermQuery> queries) {
        List<TermItem> items = new ArrayList<>();
        for (TermQuery q : queries) {
            Field<LocalDate> date;
            Category category;
            switch (q.kind()) {
                case CORRECTION_END:
                    date = PERSON_CATEGORY.CORRECTION_END;
                    category = Category.CORRECTION;
                    break;
                case RELEASE_HELP_END:
                    date = PERSON_CATEGORY.RELEASE_DATE;
                    category = Category.RELEASED_PRISONER;
                    break;
                default:
                    date = PERSON_CATEGORY.DRUG_START_DATE;
                    category = Category.DRUG_USER;
                    break;
            }
            for (Record r : dsl.select(PERSON_CATEGORY.PERSON_ID, date, PERSON.NAME, PERSON_SCHEDULE.BUILDING,
                    PERSON_SCHEDULE.RESPONSIBLE_STAFF).from(PERSON_CATEGORY).join(PERSON_SCHEDULE)
                    .on(PERSON_SCHEDULE.PERSON_ID.eq(PERSON_CATEGORY.PERSON_ID)).join(PERSON)
                    .on(PERSON.ID.eq(PERSON_CATEGORY.PERSON_ID)).where(date.between(q.from(), q.to()))
                    .and(PERSON_CATEGORY.CATEGORY.eq(category.name())).and(PERSON_SCHEDULE.ACTIVE.isTrue())
                    .and(filter(f)).fetch()) {
                items.add(new TermItem(r.get(PERSON_CATEGORY.PERSON_ID), r.get(PERSON.NAME), q.kind(),
                        r.get(date).plusYears(q.years()), r.get(PERSON_SCHEDULE.BUILDING),
                        r.get(PERSON_SCHEDULE.RESPONSIBLE_STAFF)));
            }
        }
        items.sort(Comparator.comparing(TermItem::endDate).thenComparing(TermItem::name)
                .thenComparing(TermItem::personId));
        return items;
    }

    /** Mental-disorder patients without signed consent, by name. */
    public Page<ConsentItem> missingConsent(DSLContext dsl, WorkListFilter f, int offset, int limit) {
        Condition c = PERSON_CATEGORY.CATEGORY.eq(Category.MENTAL_DISORDER.name())
                .and(PERSON_SCHEDULE.CONSENT_MISSING.isTrue()).and(filter(f));
        int total = dsl.fetchCount(dsl.selectOne().from(PERSON_CATEGORY).join(PERSON_SCHEDULE)
                .on(PERSON_SCHEDULE.PERSON_ID.eq(PERSON_CATEGORY.PERSON_ID)).where(c));
        List<ConsentItem> items = dsl.select(PERSON_SCHEDULE.PERSON_ID, PERSON.NAME, PERSON_SCHEDULE.BUILDING,
                PERSON_SCHEDULE.RESPONSIBLE_STAFF, PERSON_SCHEDULE.LAST_VISIT_DATE).from(PERSON_CATEGORY)
                .join(PERSON_SCHEDULE).on(PERSON_SCHEDULE.PERSON_ID.eq(PERSON_CATEGORY.PERSON_ID)).join(PERSON)
                .on(PERSON.ID.eq(PERSON_CATEGORY.PERSON_ID)).where(c)
                .orderBy(PERSON.NAME_PINYIN, PERSON.ID).limit(limit).offset(offset)
                .fetch(r -> new ConsentItem(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
        return new Page<>(items, offset, total);
    }

    /** Open incidents, oldest first; late: occurred before {@code lateBefore}. */
    public Page<OpenIncident> openIncidents(DSLContext dsl, WorkListFilter f, LocalDateTime lateBefore, int offset,
            int limit) {
        Condition c = INCIDENT.STATUS.eq(IncidentStatus.OPEN.name()).and(filter(f));
        int total = dsl.fetchCount(dsl.selectOne().from(INCIDENT).join(PERSON_SCHEDULE)
                .on(PERSON_SCHEDULE.PERSON_ID.eq(INCIDENT.PERSON_ID)).where(c));
        List<OpenIncident> items = dsl.select(INCIDENT.ID, INCIDENT.PERSON_ID, PERSON.NAME, INCIDENT.INCIDENT_TYPE,
                INCIDENT.OCCURRED_AT).from(INCIDENT).join(PERSON_SCHEDULE)
                .on(PERSON_SCHEDULE.PERSON_ID.eq(INCIDENT.PERSON_ID)).join(PERSON).on(PERSON.ID.eq(INCIDENT.PERSON_ID))
                .where(c).orderBy(INCIDENT.OCCURRED_AT, INCIDENT.ID).limit(limit).offset(offset)
                .fetch(r -> new OpenIncident(r.value1(), r.value2(), r.value3(), IncidentType.valueOf(r.value4()),
                        r.value5(), r.value5().isBefore(lateBefore)));
        return new Page<>(items, offset, total);
    }

    /** Open incidents that occurred before {@code lateBefore}. */
    public int countLateIncidents(DSLContext dsl, WorkListFilter f, LocalDateTime lateBefore) {
        return dsl.fetchCount(dsl.selectOne().from(INCIDENT).join(PERSON_SCHEDULE)
                .on(PERSON_SCHEDULE.PERSON_ID.eq(INCIDENT.PERSON_ID))
                .where(INCIDENT.STATUS.eq(IncidentStatus.OPEN.name())).and(INCIDENT.OCCURRED_AT.lt(lateBefore))
                .and(filter(f)));
    }

    /** The staff / building filter on the schedule's copies of those columns. */
    static Condition filter(WorkListFilter f) {
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
    static Map<UUID, Set<Category>> categories(DSLContext dsl, List<UUID> ids) {
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

    static <T> List<T> inOrder(List<UUID> ids, Map<UUID, T> rows) {
        List<T> list = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            T t = rows.get(id);
            if (t != null) {
                list.add(t);
            }
        }
        return list;
    }
}
