package org.caredesk.people.data;

import static org.caredesk.db.generated.Tables.BULK_WRITE;
import static org.caredesk.db.generated.Tables.PERSON;
import static org.caredesk.db.generated.Tables.PERSON_CATEGORY;
import static org.caredesk.db.generated.Tables.PERSON_SEARCH;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.caredesk.common.IdNumber;
import org.caredesk.common.PhoneNumber;
import org.caredesk.common.RiskColour;
import org.caredesk.common.Sex;
import org.caredesk.db.BulkWriteKind;
import org.caredesk.db.TextOrder;
import org.caredesk.db.generated.tables.records.PersonCategoryRecord;
import org.caredesk.db.generated.tables.records.PersonRecord;
import org.caredesk.db.generated.tables.records.PersonSearchRecord;
import org.caredesk.people.Category;
import org.caredesk.people.Enums;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Enums.IdType;
import org.caredesk.people.Enums.PersonStatus;
import org.caredesk.people.Membership;
import org.caredesk.people.Page;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.PersonRow;
import org.caredesk.people.UnmaskedRow;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * SQL for people and their categories. Portable jOOQ only (the same code must run on PostgreSQL later); every
 * method takes the {@link DSLContext} to use, so services decide the transaction.
 */
public final class PersonRepository {
    /** Search keys derived from a person, stored so that search is plain SQL. */
    public record SearchKeys(String pinyin, String initials, String searchText) {}

    /** Who already holds an ID number. */
    public record Owner(UUID id, String name, PersonStatus status) {}

    /**
     * A person written by the demo or by {@code generate} (issue 8): invented, so no export or report may count them
     * as a real resident without saying so. The mark is the bulk write that wrote them, kept for good.
     */
    private static final Condition FICTITIOUS = DSL.exists(DSL.selectOne().from(BULK_WRITE)
            .where(BULK_WRITE.ID.eq(PERSON.BULK_WRITE_ID))
            .and(BULK_WRITE.KIND.in(BulkWriteKind.GENERATE.name(), BulkWriteKind.DEMO.name())));
    private static final Field<Boolean> FICTITIOUS_FIELD = DSL.field(FICTITIOUS).as("fictitious");

    private static final Field<String> CATEGORY_LIST = DSL.field(
            DSL.select(DSL.listAgg(PERSON_CATEGORY.CATEGORY, ",").withinGroupOrderBy(PERSON_CATEGORY.CATEGORY))
                    .from(PERSON_CATEGORY).where(PERSON_CATEGORY.PERSON_ID.eq(PERSON.ID)))
            .as("category_list");

    public void insert(DSLContext dsl, Person p, SearchKeys keys) {
        PersonRecord r = dsl.newRecord(PERSON);
        fill(r, p, keys);
        r.setId(p.id());
        r.setCreatedAt(p.createdAt());
        r.insert();
        searchRecord(dsl, p, keys).insert();
        insertCategories(dsl, p.id(), p.data().memberships());
    }

    /** Batch insert for imports and generated data: one statement per table per chunk. */
    public void insertAll(DSLContext dsl, List<Person> people, List<SearchKeys> keys) {
        insertAll(dsl, people, keys, null);
    }

    /**
     * As {@link #insertAll(DSLContext, List, List)}, each person tagged with the bulk write that brings them, so an
     * interrupted write can be taken back ({@link #peopleOfBulkWrite}, {@link #deletePeople}).
     */
    public void insertAll(DSLContext dsl, List<Person> people, List<SearchKeys> keys, UUID bulkWrite) {
        List<PersonRecord> persons = new ArrayList<>(people.size());
        List<PersonCategoryRecord> categories = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            PersonRecord r = dsl.newRecord(PERSON);
            fill(r, p, keys.get(i));
            r.setId(p.id());
            r.setCreatedAt(p.createdAt());
            r.setBulkWriteId(bulkWrite);
            persons.add(r);
            for (Membership m : p.data().memberships()) {
                categories.add(categoryRecord(dsl, p.id(), m));
            }
        }
        List<PersonSearchRecord> searches = new ArrayList<>(people.size());
        for (int i = 0; i < people.size(); i++) {
            searches.add(searchRecord(dsl, people.get(i), keys.get(i)));
        }
        dsl.batchInsert(persons).execute();
        dsl.batchInsert(searches).execute();
        dsl.batchInsert(categories).execute();
    }

    /** Up to {@code limit} people a bulk write brought: the next ones to take back. */
    public List<UUID> peopleOfBulkWrite(DSLContext dsl, UUID bulkWrite, int limit) {
        return dsl.select(PERSON.ID).from(PERSON).where(PERSON.BULK_WRITE_ID.eq(bulkWrite)).orderBy(PERSON.ID)
                .limit(limit).fetch(PERSON.ID);
    }

    /**
     * Deletes people with their categories and search rows: only to take back a bulk write that did not end (nobody
     * deletes a person otherwise). What other areas keep per person goes first ({@code PersonListener#removing}).
     */
    public void deletePeople(DSLContext dsl, Collection<UUID> ids) {
        dsl.deleteFrom(PERSON_CATEGORY).where(PERSON_CATEGORY.PERSON_ID.in(ids)).execute();
        dsl.deleteFrom(PERSON_SEARCH).where(PERSON_SEARCH.PERSON_ID.in(ids)).execute();
        dsl.deleteFrom(PERSON).where(PERSON.ID.in(ids)).execute();
    }

    /** Updates when the stored version is still {@code expectedVersion}; false when someone else saved first. */
    public boolean update(DSLContext dsl, Person p, SearchKeys keys, int expectedVersion) {
        PersonRecord r = dsl.newRecord(PERSON);
        fill(r, p, keys);
        r.changed(PERSON.ID, false);
        r.changed(PERSON.CREATED_AT, false);
        int n = dsl.update(PERSON).set(r).where(PERSON.ID.eq(p.id())).and(PERSON.ROW_VERSION.eq(expectedVersion))
                .execute();
        if (n == 0) {
            return false;
        }
        PersonSearchRecord search = searchRecord(dsl, p, keys);
        search.changed(PERSON_SEARCH.PERSON_ID, false);
        search.changed(PERSON_SEARCH.CREATED_AT, false);
        dsl.update(PERSON_SEARCH).set(search).where(PERSON_SEARCH.PERSON_ID.eq(p.id())).execute();
        dsl.deleteFrom(PERSON_CATEGORY).where(PERSON_CATEGORY.PERSON_ID.eq(p.id())).execute();
        insertCategories(dsl, p.id(), p.data().memberships());
        return true;
    }

    public Optional<Person> findById(DSLContext dsl, UUID id) {
        PersonRecord r = dsl.selectFrom(PERSON).where(PERSON.ID.eq(id)).fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        List<Membership> memberships = dsl.selectFrom(PERSON_CATEGORY).where(PERSON_CATEGORY.PERSON_ID.eq(id))
                .orderBy(PERSON_CATEGORY.CATEGORY).fetch(PersonRepository::toMembership);
        memberships = new ArrayList<>(memberships);
        memberships.sort(java.util.Comparator.comparing(Membership::category));
        return Optional.of(toPerson(r, memberships));
    }

    /**
     * Sets when files were registered (the demo's people, whose two years of history must not begin before their
     * registration: the report counts a person from the day the file was created).
     */
    public void setRegisteredAt(DSLContext dsl, Collection<UUID> ids, LocalDateTime at) {
        if (ids.isEmpty()) {
            return;
        }
        dsl.update(PERSON).set(PERSON.CREATED_AT, at).where(PERSON.ID.in(ids)).execute();
        dsl.update(PERSON_SEARCH).set(PERSON_SEARCH.CREATED_AT, at).where(PERSON_SEARCH.PERSON_ID.in(ids)).execute();
    }

    /** Several files at once, in no particular order (two queries, however many): for bulk work. */
    public List<Person> findAll(DSLContext dsl, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Membership>> memberships = new HashMap<>();
        dsl.selectFrom(PERSON_CATEGORY).where(PERSON_CATEGORY.PERSON_ID.in(ids))
                .orderBy(PERSON_CATEGORY.PERSON_ID, PERSON_CATEGORY.CATEGORY)
                .forEach(c -> memberships.computeIfAbsent(c.getPersonId(), k -> new ArrayList<>())
                        .add(toMembership(c)));
        List<Person> people = new ArrayList<>(ids.size());
        for (PersonRecord r : dsl.selectFrom(PERSON).where(PERSON.ID.in(ids)).fetch()) {
            List<Membership> m = new ArrayList<>(memberships.getOrDefault(r.getId(), List.of()));
            m.sort(java.util.Comparator.comparing(Membership::category));
            people.add(toPerson(r, m));
        }
        return people;
    }

    public Optional<Owner> findIdOwner(DSLContext dsl, IdType idType, String idNumber) {
        return dsl.select(PERSON.ID, PERSON.NAME, PERSON.STATUS).from(PERSON)
                .where(PERSON.ID_TYPE.eq(idType.name())).and(PERSON.ID_NUMBER.eq(idNumber))
                .fetchOptional(r -> new Owner(r.value1(), r.value2(), PersonStatus.valueOf(r.value3())));
    }

    /**
     * The owners of many ID numbers in one query, keyed by {@link #idKey}; numbers nobody holds are absent. The
     * numbers are grouped by type so the query can use the unique (type, number) index. The caller keeps the lists to
     * a few hundred numbers (a bind value each).
     */
    public Map<String, Owner> findIdOwners(DSLContext dsl, Map<IdType, ? extends Collection<String>> numbers) {
        Map<String, Owner> owners = new HashMap<>();
        List<Condition> byType = new ArrayList<>();
        numbers.forEach((type, list) -> {
            if (!list.isEmpty()) {
                byType.add(PERSON.ID_TYPE.eq(type.name()).and(PERSON.ID_NUMBER.in(list)));
            }
        });
        if (byType.isEmpty()) {
            return owners;
        }
        dsl.select(PERSON.ID, PERSON.NAME, PERSON.STATUS, PERSON.ID_TYPE, PERSON.ID_NUMBER).from(PERSON)
                .where(DSL.or(byType))
                .forEach(r -> owners.put(idKey(IdType.valueOf(r.value4()), r.value5()),
                        new Owner(r.value1(), r.value2(), PersonStatus.valueOf(r.value3()))));
        return owners;
    }

    /** An ID number is unique within its type; this key names one. */
    public static String idKey(IdType idType, String idNumber) {
        return idType.name() + ":" + idNumber;
    }

    /**
     * One scan of the narrow {@code person_search} table gives the page's keys and, through {@code count(*) over ()}
     * computed before the limit, the total; only the page's rows are then read from {@code person}. Two scans (count,
     * then page) of the wide table cost twice as much in memory and several times more on disk.
     */
    public Page<PersonRow> search(DSLContext dsl, PersonQuery q, String needle) {
        Table<?> page = dsl.select(PERSON_SEARCH.PERSON_ID.as(PAGE_ID), DSL.count().over().as(PAGE_TOTAL))
                .from(PERSON_SEARCH).where(conditions(SearchColumns.NARROW, q, needle))
                .orderBy(sort(SearchColumns.NARROW, q)).limit(q.limit()).offset(q.offset()).asTable("page");
        Field<UUID> pageId = page.field(PAGE_ID, UUID.class);
        Field<Integer> pageTotal = page.field(PAGE_TOTAL, Integer.class);
        List<Field<?>> fields = new ArrayList<>(rowFields());
        fields.add(pageTotal);
        Result<Record> records = dsl.select(fields).from(PERSON).join(page).on(PERSON.ID.eq(pageId))
                .orderBy(sort(SearchColumns.WIDE, q)).fetch();
        List<PersonRow> rows = new ArrayList<>(records.size());
        records.forEach(r -> rows.add(toRow(r)));
        int total;
        if (!records.isEmpty()) {
            total = records.get(0).get(pageTotal);
        } else {
            // Nothing on this page: past the last page the window has no row to carry the total.
            total = q.offset() == 0 ? 0 : dsl.fetchCount(PERSON_SEARCH, conditions(SearchColumns.NARROW, q, needle));
        }
        return new Page<>(rows, q.offset(), total);
    }

    /** Every matching row in list order, streamed from a cursor so a 100,000-row export stays small in memory. */
    public void forEachRow(DSLContext dsl, PersonQuery q, String needle, Consumer<PersonRow> consumer) {
        forEachRecord(dsl, q, needle, r -> consumer.accept(toRow(r)));
    }

    /** As {@link #forEachRow}, each row with its full ID number and first phone: for an export with full numbers. */
    public void forEachUnmaskedRow(DSLContext dsl, PersonQuery q, String needle, Consumer<UnmaskedRow> consumer) {
        forEachRecord(dsl, q, needle,
                r -> consumer.accept(new UnmaskedRow(toRow(r), r.get(PERSON.ID_NUMBER), r.get(PERSON.PHONE1))));
    }

    private void forEachRecord(DSLContext dsl, PersonQuery q, String needle, Consumer<Record> consumer) {
        try (var cursor = dsl.select(rowFields()).from(PERSON).where(conditions(SearchColumns.WIDE, q, needle))
                .orderBy(sort(SearchColumns.WIDE, q)).fetchSize(500).fetchLazy()) {
            for (Record r : cursor) {
                consumer.accept(r);
            }
        }
    }

    public List<String> buildings(DSLContext dsl) {
        // Grouped, not DISTINCT: PostgreSQL sorts a DISTINCT list only by the very expression it selects.
        return dsl.select(PERSON.BUILDING).from(PERSON).where(PERSON.BUILDING.isNotNull()).groupBy(PERSON.BUILDING)
                .orderBy(TextOrder.binary(PERSON.BUILDING)).fetch(PERSON.BUILDING);
    }

    public int count(DSLContext dsl) {
        return dsl.fetchCount(PERSON);
    }

    public Map<Category, Integer> countActiveByCategory(DSLContext dsl) {
        Map<Category, Integer> counts = new HashMap<>();
        dsl.select(PERSON_CATEGORY.CATEGORY, DSL.count()).from(PERSON_CATEGORY).join(PERSON)
                .on(PERSON.ID.eq(PERSON_CATEGORY.PERSON_ID)).where(PERSON.STATUS.eq(PersonStatus.ACTIVE.name()))
                .groupBy(PERSON_CATEGORY.CATEGORY)
                .forEach(r -> counts.put(Category.valueOf(r.value1()), r.value2()));
        return counts;
    }

    private static List<Field<?>> rowFields() {
        return List.of(PERSON.ID, PERSON.NAME, PERSON.ID_NUMBER, PERSON.PHONE1, PERSON.COLOUR, PERSON.ESTATE,
                PERSON.BUILDING, PERSON.RESPONSIBLE_STAFF, PERSON.STATUS, CATEGORY_LIST, FICTITIOUS_FIELD);
    }

    /** How many of the matching people are fictitious (written by the demo or by {@code generate}). */
    public int countFictitious(DSLContext dsl, PersonQuery q, String needle) {
        return dsl.fetchCount(PERSON, conditions(SearchColumns.WIDE, q, needle).and(FICTITIOUS));
    }

    /**
     * The columns a search filters and sorts on: the same in the narrow {@code person_search} table (paging) and in
     * {@code person} (the export's cursor and the page's final order), so one piece of code builds both queries.
     */
    private record SearchColumns(Field<UUID> id, Field<String> status, Field<String> colour, Field<String> building,
            Field<String> namePinyin, Field<java.time.LocalDateTime> createdAt, Field<String> searchText) {
        static final SearchColumns NARROW = new SearchColumns(PERSON_SEARCH.PERSON_ID, PERSON_SEARCH.STATUS,
                PERSON_SEARCH.COLOUR, PERSON_SEARCH.BUILDING, PERSON_SEARCH.NAME_PINYIN, PERSON_SEARCH.CREATED_AT,
                PERSON_SEARCH.SEARCH_TEXT);
        static final SearchColumns WIDE = new SearchColumns(PERSON.ID, PERSON.STATUS, PERSON.COLOUR, PERSON.BUILDING,
                PERSON.NAME_PINYIN, PERSON.CREATED_AT, PERSON.SEARCH_TEXT);
    }

    private static final String PAGE_ID = "page_id";
    private static final String PAGE_TOTAL = "page_total";

    private static Condition conditions(SearchColumns t, PersonQuery q, String needle) {
        Condition c = DSL.noCondition();
        if (needle != null && !needle.isEmpty()) {
            c = c.and(t.searchText().like(likePattern(needle), '!'));
        }
        if (q.status() != null) {
            c = c.and(t.status().eq(q.status().name()));
        }
        if (q.colour() != null) {
            c = c.and(t.colour().eq(q.colour().name()));
        }
        if (q.building() != null && !q.building().isBlank()) {
            c = c.and(t.building().eq(q.building()));
        }
        if (q.category() != null) {
            c = c.and(DSL.exists(DSL.selectOne().from(PERSON_CATEGORY)
                    .where(PERSON_CATEGORY.PERSON_ID.eq(t.id()))
                    .and(PERSON_CATEGORY.CATEGORY.eq(q.category().name()))));
        }
        return c;
    }

    /**
     * The pattern is built here, not in SQL, so the database sees one constant pattern instead of per-row replace().
     */
    static String likePattern(String needle) {
        StringBuilder b = new StringBuilder(needle.length() + 4).append('%');
        for (int i = 0; i < needle.length(); i++) {
            char ch = needle.charAt(i);
            if (ch == '!' || ch == '%' || ch == '_') {
                b.append('!');
            }
            b.append(ch);
        }
        return b.append('%').toString();
    }

    private static List<SortField<?>> sort(SearchColumns t, PersonQuery q) {
        boolean asc = q.ascending();
        List<SortField<?>> order = new ArrayList<>();
        switch (q.sort()) {
            case COLOUR:
                Field<Integer> severity = DSL.when(t.colour().eq(RiskColour.RED.name()), 3)
                        .when(t.colour().eq(RiskColour.YELLOW.name()), 2).otherwise(1);
                order.add(asc ? severity.asc() : severity.desc());
                break;
            case BUILDING:
                Field<String> building = TextOrder.binary(t.building());
                order.add(asc ? building.asc().nullsLast() : building.desc().nullsLast());
                break;
            case STATUS:
                order.add(asc ? t.status().asc() : t.status().desc());
                break;
            case CREATED:
                order.add(asc ? t.createdAt().asc() : t.createdAt().desc());
                break;
            default:
                break;
        }
        Field<String> pinyin = TextOrder.binary(t.namePinyin());
        order.add(asc || q.sort() != PersonQuery.Sort.NAME ? pinyin.asc() : pinyin.desc());
        order.add(t.id().asc());
        return order;
    }

    private static PersonRow toRow(Record r) {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        String list = r.get(CATEGORY_LIST);
        if (list != null && !list.isEmpty()) {
            for (String s : list.split(",")) {
                categories.add(Category.valueOf(s));
            }
        }
        String phone = r.get(PERSON.PHONE1);
        return new PersonRow(r.get(PERSON.ID), r.get(PERSON.NAME), IdNumber.mask(r.get(PERSON.ID_NUMBER)),
                phone == null ? "" : PhoneNumber.mask(phone), categories, RiskColour.valueOf(r.get(PERSON.COLOUR)),
                r.get(PERSON.ESTATE), r.get(PERSON.BUILDING), r.get(PERSON.RESPONSIBLE_STAFF),
                PersonStatus.valueOf(r.get(PERSON.STATUS)), Boolean.TRUE.equals(r.get(FICTITIOUS_FIELD)));
    }

    private static void fill(PersonRecord r, Person p, SearchKeys keys) {
        PersonDraft d = p.data();
        r.setName(d.name());
        r.setNamePinyin(keys.pinyin());
        r.setNameInitials(keys.initials());
        r.setIdType(d.idType().name());
        r.setIdNumber(d.idNumber());
        r.setBirthDate(p.birthDate());
        r.setSex(p.sex() == null ? null : p.sex().name());
        r.setEthnicity(d.ethnicity());
        r.setPhone1(d.phone1());
        r.setPhone2(d.phone2());
        r.setEstate(d.estate());
        r.setBuilding(d.building());
        r.setUnit(d.unit());
        r.setRoom(d.room());
        r.setHouseholdAddress(d.householdAddress());
        r.setLivingSituation(name(d.livingSituation()));
        r.setEmergencyName(d.emergencyName());
        r.setEmergencyRelation(d.emergencyRelation());
        r.setEmergencyPhone(d.emergencyPhone());
        r.setResponsibleStaff(d.responsibleStaff());
        r.setNote(d.note());
        r.setColour(p.colour().name());
        r.setStatus(p.status().name());
        r.setCloseReason(name(p.closeReason()));
        r.setCloseDate(p.closeDate());
        r.setCloseNote(p.closeNote());
        r.setSearchText(keys.searchText());
        r.setCreatedAt(p.createdAt());
        r.setUpdatedAt(p.updatedAt());
        r.setRowVersion(p.version());
    }

    private static PersonSearchRecord searchRecord(DSLContext dsl, Person p, SearchKeys keys) {
        PersonSearchRecord s = dsl.newRecord(PERSON_SEARCH);
        s.setPersonId(p.id());
        s.setStatus(p.status().name());
        s.setColour(p.colour().name());
        s.setBuilding(p.data().building());
        s.setNamePinyin(keys.pinyin());
        s.setCreatedAt(p.createdAt());
        s.setSearchText(keys.searchText());
        return s;
    }

    private void insertCategories(DSLContext dsl, UUID personId, List<Membership> memberships) {
        List<PersonCategoryRecord> records = new ArrayList<>();
        for (Membership m : memberships) {
            records.add(categoryRecord(dsl, personId, m));
        }
        if (!records.isEmpty()) {
            dsl.batchInsert(records).execute();
        }
    }

    private static PersonCategoryRecord categoryRecord(DSLContext dsl, UUID personId, Membership m) {
        PersonCategoryRecord c = dsl.newRecord(PERSON_CATEGORY);
        c.setPersonId(personId);
        c.setCategory(m.category().name());
        c.setReleaseDate(m.releaseDate());
        c.setOffence(m.offence());
        c.setSentence(m.sentence());
        c.setDrugProgramme(name(m.drugProgramme()));
        c.setDrugStartDate(m.drugStartDate());
        c.setCorrectionType(name(m.correctionType()));
        c.setCorrectionStart(m.correctionStart());
        c.setCorrectionEnd(m.correctionEnd());
        c.setCorrectionLevel(name(m.correctionLevel()));
        c.setMentalDiagnosis(name(m.diagnosis()));
        c.setMentalRiskLevel(m.mentalRiskLevel());
        c.setMentalConsentDate(m.consentDate());
        c.setMentalMedication(name(m.medication()));
        c.setDisabilityKind(name(m.disabilityKind()));
        c.setDisabilityGrade(m.disabilityGrade());
        c.setDisabilityCertificate(m.disabilityCertificate());
        c.setOtherText(m.otherText());
        return c;
    }

    static Membership toMembership(PersonCategoryRecord c) {
        return new Membership(Category.valueOf(c.getCategory()), c.getReleaseDate(), c.getOffence(), c.getSentence(),
                value(Enums.DrugProgramme.class, c.getDrugProgramme()), c.getDrugStartDate(),
                value(Enums.CorrectionType.class, c.getCorrectionType()), c.getCorrectionStart(),
                c.getCorrectionEnd(), value(Enums.CorrectionLevel.class, c.getCorrectionLevel()),
                value(Enums.Diagnosis.class, c.getMentalDiagnosis()), c.getMentalRiskLevel(),
                c.getMentalConsentDate(), value(Enums.Medication.class, c.getMentalMedication()),
                value(Enums.DisabilityKind.class, c.getDisabilityKind()), c.getDisabilityGrade(),
                c.getDisabilityCertificate(), c.getOtherText());
    }

    private static Person toPerson(PersonRecord r, List<Membership> memberships) {
        PersonDraft d = new PersonDraft(r.getName(), IdType.valueOf(r.getIdType()), r.getIdNumber(),
                r.getEthnicity(), r.getPhone1(), r.getPhone2(), r.getEstate(), r.getBuilding(), r.getUnit(),
                r.getRoom(), r.getHouseholdAddress(), value(Enums.LivingSituation.class, r.getLivingSituation()),
                r.getEmergencyName(), r.getEmergencyRelation(), r.getEmergencyPhone(), r.getResponsibleStaff(),
                r.getNote(), memberships);
        return new Person(r.getId(), d, r.getBirthDate(), value(Sex.class, r.getSex()),
                RiskColour.valueOf(r.getColour()), PersonStatus.valueOf(r.getStatus()),
                value(CloseReason.class, r.getCloseReason()), r.getCloseDate(), r.getCloseNote(),
                r.getRowVersion(), r.getCreatedAt(), r.getUpdatedAt());
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String s) {
        return s == null ? null : Enum.valueOf(type, s);
    }

}
