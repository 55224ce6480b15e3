package org.caredesk.today.data;

import static org.caredesk.db.generated.Tables.PERSON;
import static org.caredesk.db.generated.Tables.PERSON_CATEGORY;
import static org.caredesk.db.generated.Tables.PERSON_SCHEDULE;
import static org.caredesk.risk.data.ScheduleSql.categories;
import static org.caredesk.risk.data.ScheduleSql.filter;
import static org.caredesk.risk.data.ScheduleSql.inOrder;
import static org.caredesk.risk.data.ScheduleSql.plan;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Category;
import org.caredesk.people.Page;
import org.caredesk.people.PersonField;
import org.caredesk.people.PersonMissingDetails;
import org.caredesk.people.data.MissingDetailsRepository;
import org.caredesk.db.TextOrder;
import org.caredesk.today.ConsentItem;
import org.caredesk.today.DueItem;
import org.caredesk.incidents.OpenIncident;
import org.caredesk.today.TermItem;
import org.caredesk.today.TermKind;
import org.caredesk.risk.WorkListFilter;
import org.caredesk.incidents.data.IncidentRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record5;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * The home screen's queries. Each list is a range of an index of the narrow {@code person_schedule} table (or of
 * {@code person_category}'s dates, or of open incidents); the wide {@code person} rows are read only for the page
 * shown. Date bounds come from Java, so the SQL compares plain columns and stays portable.
 */
public final class WorkListRepository {
    /** The open incidents of the home screen are the incidents room's query. */
    private final IncidentRepository incidents = new IncidentRepository();
    private final MissingDetailsRepository missing = new MissingDetailsRepository();

    /** Which dates of a term a query compares, with the bounds computed by the caller. */
    public record TermQuery(TermKind kind, LocalDate from, LocalDate to, int years) {}

    /** People whose earliest due date lies in [from, to] (from null: any earlier date), earliest first. */
    public Page<DueItem> due(DSLContext dsl, WorkListFilter f, LocalDate from, LocalDate to, int offset, int limit) {
        Condition c = dueCondition(f, from, to);
        int total = dsl.fetchCount(PERSON_SCHEDULE, c);
        if (total == 0 || offset >= total) {
            return new Page<>(List.of(), offset, total);
        }
        List<UUID> ids = dueIds(dsl, c, offset, limit).fetch(PERSON_SCHEDULE.PERSON_ID);
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

    private static Condition dueCondition(WorkListFilter f, LocalDate from, LocalDate to) {
        Condition c = PERSON_SCHEDULE.NEXT_DUE.le(to).and(filter(f));
        return from == null ? c : c.and(PERSON_SCHEDULE.NEXT_DUE.ge(from));
    }

    private static Select<Record1<UUID>> dueIds(DSLContext dsl, Condition c, int offset, int limit) {
        return dsl.select(PERSON_SCHEDULE.PERSON_ID).from(PERSON_SCHEDULE).where(c)
                .orderBy(PERSON_SCHEDULE.NEXT_DUE, PERSON_SCHEDULE.PERSON_ID).limit(limit).offset(offset);
    }

    /** Terms ending in the given ranges, end date first (few: the warning window is a month). */
    public List<TermItem> termsEnding(DSLContext dsl, WorkListFilter f, List<TermQuery> queries) {
        List<TermItem> items = new ArrayList<>();
        for (TermQuery q : queries) {
            Field<LocalDate> date = termDate(q.kind());
            for (Record r : termQuery(dsl, f, q).fetch()) {
                items.add(new TermItem(r.get(PERSON_CATEGORY.PERSON_ID), r.get(PERSON.NAME), q.kind(),
                        r.get(date).plusYears(q.years()), r.get(PERSON_SCHEDULE.BUILDING),
                        r.get(PERSON_SCHEDULE.RESPONSIBLE_STAFF)));
            }
        }
        items.sort(Comparator.comparing(TermItem::endDate).thenComparing(TermItem::name)
                .thenComparing(TermItem::personId));
        return items;
    }

    private static Field<LocalDate> termDate(TermKind kind) {
        switch (kind) {
            case CORRECTION_END:
                return PERSON_CATEGORY.CORRECTION_END;
            case RELEASE_HELP_END:
                return PERSON_CATEGORY.RELEASE_DATE;
            default:
                return PERSON_CATEGORY.DRUG_START_DATE;
        }
    }

    private static Category termCategory(TermKind kind) {
        switch (kind) {
            case CORRECTION_END:
                return Category.CORRECTION;
            case RELEASE_HELP_END:
                return Category.RELEASED_PRISONER;
            default:
                return Category.DRUG_USER;
        }
    }

    private static Select<Record5<UUID, LocalDate, String, String, String>> termQuery(DSLContext dsl,
            WorkListFilter f, TermQuery q) {
        Field<LocalDate> date = termDate(q.kind());
        Category category = termCategory(q.kind());
        return dsl.select(PERSON_CATEGORY.PERSON_ID, date, PERSON.NAME, PERSON_SCHEDULE.BUILDING,
                PERSON_SCHEDULE.RESPONSIBLE_STAFF).from(PERSON_CATEGORY).join(PERSON_SCHEDULE)
                .on(PERSON_SCHEDULE.PERSON_ID.eq(PERSON_CATEGORY.PERSON_ID)).join(PERSON)
                .on(PERSON.ID.eq(PERSON_CATEGORY.PERSON_ID)).where(date.between(q.from(), q.to()))
                .and(PERSON_CATEGORY.CATEGORY.eq(category.name())).and(PERSON_SCHEDULE.ACTIVE.isTrue())
                .and(filter(f));
    }

    /**
     * Mental-disorder patients without signed consent, longest without a visit first: a range of the schedule's
     * consent index (only patients are ever flagged), the person rows only for the page.
     */
    public Page<ConsentItem> missingConsent(DSLContext dsl, WorkListFilter f, int offset, int limit) {
        Condition c = consentCondition(f);
        int total = dsl.fetchCount(PERSON_SCHEDULE, c);
        if (total == 0 || offset >= total) {
            return new Page<>(List.of(), offset, total);
        }
        List<UUID> ids = consentIds(dsl, c, offset, limit).fetch(PERSON_SCHEDULE.PERSON_ID);
        Map<UUID, ConsentItem> rows = new HashMap<>();
        dsl.select(PERSON_SCHEDULE.PERSON_ID, PERSON.NAME, PERSON_SCHEDULE.BUILDING, PERSON_SCHEDULE.RESPONSIBLE_STAFF,
                PERSON_SCHEDULE.LAST_VISIT_DATE).from(PERSON_SCHEDULE).join(PERSON)
                .on(PERSON.ID.eq(PERSON_SCHEDULE.PERSON_ID)).where(PERSON_SCHEDULE.PERSON_ID.in(ids))
                .forEach(r -> rows.put(r.value1(), new ConsentItem(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5())));
        return new Page<>(inOrder(ids, rows), offset, total);
    }

    private static Condition consentCondition(WorkListFilter f) {
        return PERSON_SCHEDULE.CONSENT_MISSING.isTrue().and(filter(f));
    }

    private static Select<Record1<UUID>> consentIds(DSLContext dsl, Condition c, int offset, int limit) {
        return dsl.select(PERSON_SCHEDULE.PERSON_ID).from(PERSON_SCHEDULE).where(c)
                .orderBy(PERSON_SCHEDULE.LAST_VISIT_DATE.asc().nullsFirst(), PERSON_SCHEDULE.PERSON_ID)
                .limit(limit).offset(offset);
    }



    /**
     * Active people marked 资料待补, in name order, with the details still to be filled in: the schedule rows (which
     * carry the filter's columns) of people with a category row that {@link MissingDetailsRepository#anyMissing()}
     * finds; the person rows only for the page.
     */
    public Page<PersonMissingDetails> missingDetails(DSLContext dsl, WorkListFilter f, int offset, int limit) {
        Condition c = missingDetailsCondition(f);
        int total = dsl.fetchCount(PERSON_SCHEDULE, c);
        if (total == 0 || offset >= total) {
            return new Page<>(List.of(), offset, total);
        }
        List<UUID> ids = missingDetailsIds(dsl, c, offset, limit).fetch(PERSON_SCHEDULE.PERSON_ID);
        Map<UUID, List<PersonField>> fields = missing.fieldsOf(dsl, ids);
        Map<UUID, PersonMissingDetails> rows = new HashMap<>();
        dsl.select(PERSON_SCHEDULE.PERSON_ID, PERSON.NAME, PERSON_SCHEDULE.BUILDING, PERSON_SCHEDULE.RESPONSIBLE_STAFF)
                .from(PERSON_SCHEDULE).join(PERSON).on(PERSON.ID.eq(PERSON_SCHEDULE.PERSON_ID))
                .where(PERSON_SCHEDULE.PERSON_ID.in(ids))
                .forEach(r -> rows.put(r.value1(), new PersonMissingDetails(r.value1(), r.value2(), r.value3(),
                        r.value4(), fields.getOrDefault(r.value1(), List.of()))));
        return new Page<>(inOrder(ids, rows), offset, total);
    }

    /** The category rows with a detail to come, then the schedule rows by key: no scan of the schedule. */
    private static Condition missingDetailsCondition(WorkListFilter f) {
        return PERSON_SCHEDULE.PERSON_ID.in(DSL.select(PERSON_CATEGORY.PERSON_ID).from(PERSON_CATEGORY)
                .where(MissingDetailsRepository.anyMissing())).and(PERSON_SCHEDULE.ACTIVE.isTrue()).and(filter(f));
    }

    private static Select<Record1<UUID>> missingDetailsIds(DSLContext dsl, Condition c, int offset, int limit) {
        return dsl.select(PERSON_SCHEDULE.PERSON_ID).from(PERSON_SCHEDULE).join(PERSON)
                .on(PERSON.ID.eq(PERSON_SCHEDULE.PERSON_ID)).where(c)
                .orderBy(TextOrder.binary(PERSON.NAME_PINYIN), PERSON.ID).limit(limit).offset(offset);
    }

    /** Open incidents, oldest first; late: occurred before {@code lateBefore}. */
    public Page<OpenIncident> openIncidents(DSLContext dsl, WorkListFilter f, LocalDateTime lateBefore, int offset,
            int limit) {
        return incidents.openIncidents(dsl, f, lateBefore, offset, limit);
    }

    /** Open incidents that occurred before {@code lateBefore}. */
    public int countLateIncidents(DSLContext dsl, WorkListFilter f, LocalDateTime lateBefore) {
        return incidents.countLateIncidents(dsl, f, lateBefore);
    }

    /**
     * The plans the database chooses for the home screen's queries, by name (the benchmark prints them), to check
     * that each reads a range of an index rather than scanning a table.
     */
    public Map<String, String> plans(DSLContext dsl, WorkListFilter f, LocalDate today, LocalDate weekEnd,
            List<TermQuery> terms) {
        Map<String, String> plans = new LinkedHashMap<>();
        Condition overdue = dueCondition(f, null, today.minusDays(1));
        plans.put("overdue_count", plan(dsl, dsl.selectCount().from(PERSON_SCHEDULE).where(overdue)));
        plans.put("overdue_page", plan(dsl, dueIds(dsl, overdue, 0, 50)));
        plans.put("due_week_page", plan(dsl, dueIds(dsl, dueCondition(f, today, weekEnd), 0, 50)));
        for (TermQuery q : terms) {
            plans.put("terms_" + q.kind().name().toLowerCase(Locale.ROOT), plan(dsl, termQuery(dsl, f, q)));
        }
        plans.put("missing_consent_page", plan(dsl, consentIds(dsl, consentCondition(f), 0, 50)));
        Condition missingDetails = missingDetailsCondition(f);
        plans.put("missing_details_count", plan(dsl, dsl.selectCount().from(PERSON_SCHEDULE).where(missingDetails)));
        plans.put("missing_details_page", plan(dsl, missingDetailsIds(dsl, missingDetails, 0, 50)));
        plans.put("open_incidents_page", incidents.openIncidentsPlan(dsl, f));
        return plans;
    }





}
