package org.caredesk.people.data;

import static org.caredesk.db.generated.Tables.PERSON;
import static org.caredesk.db.generated.Tables.PERSON_CATEGORY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caredesk.db.TextOrder;
import org.caredesk.db.generated.tables.records.PersonCategoryRecord;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.PersonStatus;
import org.caredesk.people.MissingDetails;
import org.caredesk.people.PersonField;
import org.caredesk.people.PersonMissingDetails;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * 资料待补 in SQL: the {@code person_category} rows with a detail that may wait still empty. The condition is built
 * from {@link MissingDetails#pending()}, so the lists and the form can never disagree on what counts as missing.
 */
public final class MissingDetailsRepository {

    /** True for a {@code person_category} row with at least one detail still to be filled in. */
    public static Condition anyMissing() {
        List<Condition> perCategory = new ArrayList<>();
        for (Map.Entry<Category, List<PersonField>> e : MissingDetails.pending().entrySet()) {
            Condition empty = DSL.or(e.getValue().stream().map(f -> column(f).isNull()).toList());
            perCategory.add(PERSON_CATEGORY.CATEGORY.eq(e.getKey().name()).and(empty));
        }
        // The IN first lets the database read the category index instead of every category row.
        return PERSON_CATEGORY.CATEGORY.in(MissingDetails.pending().keySet().stream().map(Category::name).toList())
                .and(DSL.or(perCategory));
    }

    /** The column of a detail that may wait. */
    static Field<?> column(PersonField f) {
        switch (f) {
            case RELEASE_DATE:
                return PERSON_CATEGORY.RELEASE_DATE;
            case DRUG_PROGRAMME:
                return PERSON_CATEGORY.DRUG_PROGRAMME;
            case DRUG_START_DATE:
                return PERSON_CATEGORY.DRUG_START_DATE;
            case CORRECTION_TYPE:
                return PERSON_CATEGORY.CORRECTION_TYPE;
            case CORRECTION_START:
                return PERSON_CATEGORY.CORRECTION_START;
            case CORRECTION_END:
                return PERSON_CATEGORY.CORRECTION_END;
            case CORRECTION_LEVEL:
                return PERSON_CATEGORY.CORRECTION_LEVEL;
            case DIAGNOSIS:
                return PERSON_CATEGORY.MENTAL_DIAGNOSIS;
            case MENTAL_RISK_LEVEL:
                return PERSON_CATEGORY.MENTAL_RISK_LEVEL;
            case DISABILITY_KIND:
                return PERSON_CATEGORY.DISABILITY_KIND;
            default:
                throw new IllegalArgumentException(f.name());
        }
    }

    /**
     * The missing details of the given people (those without any are left out), read from their category rows.
     */
    public Map<UUID, List<PersonField>> fieldsOf(DSLContext dsl, List<UUID> ids) {
        Map<UUID, List<PersonField>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (PersonCategoryRecord r : dsl.selectFrom(PERSON_CATEGORY).where(PERSON_CATEGORY.PERSON_ID.in(ids))
                .and(anyMissing()).orderBy(PERSON_CATEGORY.PERSON_ID, PERSON_CATEGORY.CATEGORY).fetch()) {
            List<PersonField> fields = MissingDetails.of(PersonRepository.toMembership(r));
            out.computeIfAbsent(r.getPersonId(), k -> new ArrayList<>()).addAll(fields);
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    /** Every active person marked 资料待补, in name (pinyin) order. */
    public List<PersonMissingDetails> active(DSLContext dsl) {
        Map<UUID, PersonMissingDetails> people = new LinkedHashMap<>();
        Map<UUID, List<PersonField>> fields = new LinkedHashMap<>();
        for (Record r : dsl.select(PERSON_CATEGORY.fields()).select(PERSON.NAME, PERSON.BUILDING,
                        PERSON.RESPONSIBLE_STAFF)
                .from(PERSON_CATEGORY).join(PERSON).on(PERSON.ID.eq(PERSON_CATEGORY.PERSON_ID))
                .where(anyMissing()).and(PERSON.STATUS.eq(PersonStatus.ACTIVE.name()))
                .orderBy(TextOrder.binary(PERSON.NAME_PINYIN), PERSON.ID, PERSON_CATEGORY.CATEGORY).fetch()) {
            UUID id = r.get(PERSON_CATEGORY.PERSON_ID);
            people.computeIfAbsent(id, k -> new PersonMissingDetails(id, r.get(PERSON.NAME), r.get(PERSON.BUILDING),
                    r.get(PERSON.RESPONSIBLE_STAFF), List.of()));
            fields.computeIfAbsent(id, k -> new ArrayList<>())
                    .addAll(MissingDetails.of(PersonRepository.toMembership(r.into(PERSON_CATEGORY))));
        }
        List<PersonMissingDetails> out = new ArrayList<>(people.size());
        for (PersonMissingDetails p : people.values()) {
            List<PersonField> f = fields.get(p.personId());
            f.sort(null);
            out.add(new PersonMissingDetails(p.personId(), p.name(), p.building(), p.responsibleStaff(), f));
        }
        return out;
    }
}
