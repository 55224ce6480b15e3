package org.caredesk.report.data;

import static org.caredesk.db.generated.Tables.BULK_WRITE;
import static org.caredesk.db.generated.Tables.COLOUR_CHANGE;
import static org.caredesk.db.generated.Tables.COMMUNITY;
import static org.caredesk.db.generated.Tables.INCIDENT;
import static org.caredesk.db.generated.Tables.PERSON;
import static org.caredesk.db.generated.Tables.PERSON_CATEGORY;
import static org.caredesk.db.generated.Tables.VISIT;
import static org.caredesk.db.generated.Tables.VISIT_PERSON;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caredesk.common.IncidentType;
import org.caredesk.common.RiskColour;
import org.caredesk.common.UrineResult;
import org.caredesk.db.BulkWriteKind;
import org.caredesk.db.TextOrder;
import org.caredesk.people.Category;
import org.caredesk.people.Enums;
import org.caredesk.people.Membership;
import org.caredesk.report.ReportScope;
import org.caredesk.report.data.ReportFacts.ColourFact;
import org.caredesk.report.data.ReportFacts.IncidentFact;
import org.caredesk.report.data.ReportFacts.PersonFact;
import org.caredesk.report.data.ReportFacts.VisitFact;
import org.caredesk.visits.VisitType;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The report's reads: plain range reads of the tables, the rules applied in Java by the report's engine. Call
 * inside one {@code ConsistentRead}, so all of them see the same moment.
 */
public final class ReportRepository {
    /** The same mark as the people list's: the bulk write of the demo or {@code generate} wrote the person. */
    private static final Field<Boolean> FICTITIOUS = DSL.field(DSL.exists(DSL.selectOne().from(BULK_WRITE)
            .where(BULK_WRITE.ID.eq(PERSON.BULK_WRITE_ID))
            .and(BULK_WRITE.KIND.in(BulkWriteKind.GENERATE.name(), BulkWriteKind.DEMO.name())))).as("fictitious");

    /** Everything a report of the month ending {@code end} reads, for the people of {@code scope}. */
    public ReportFacts read(DSLContext dsl, ReportScope scope, LocalDate end) {
        LocalDateTime before = end.plusDays(1).atStartOfDay();
        Condition who = PERSON.CREATED_AT.lt(before);
        if (scope.building() != null) {
            who = who.and(PERSON.BUILDING.eq(scope.building()));
        }
        if (scope.responsible() != null) {
            who = who.and(PERSON.RESPONSIBLE_STAFF.eq(scope.responsible()));
        }
        Map<UUID, List<Membership>> memberships = new HashMap<>();
        dsl.select(PERSON_CATEGORY.fields()).from(PERSON_CATEGORY).join(PERSON)
                .on(PERSON.ID.eq(PERSON_CATEGORY.PERSON_ID)).where(who)
                .forEach(r -> memberships.computeIfAbsent(r.get(PERSON_CATEGORY.PERSON_ID), k -> new ArrayList<>())
                        .add(membership(r)));
        List<PersonFact> people = new ArrayList<>();
        Map<UUID, PersonFact> byId = new LinkedHashMap<>();
        for (Record r : dsl.select(PERSON.ID, PERSON.NAME, PERSON.ID_NUMBER, PERSON.BUILDING,
                PERSON.RESPONSIBLE_STAFF, PERSON.CREATED_AT, PERSON.CLOSE_DATE, PERSON.CLOSE_REASON, PERSON.STATUS,
                PERSON.UPDATED_AT, FICTITIOUS).from(PERSON).where(who)
                .orderBy(TextOrder.binary(PERSON.NAME_PINYIN), PERSON.ID).fetch()) {
            UUID id = r.get(PERSON.ID);
            List<Membership> ms = memberships.getOrDefault(id, new ArrayList<>());
            ms.sort(Comparator.comparing(Membership::category));
            LocalDate closeDate = r.get(PERSON.CLOSE_DATE);
            if (closeDate == null && Enums.PersonStatus.CLOSED.name().equals(r.get(PERSON.STATUS))) {
                // A closed file always carries its date; should one not, its last change is the best day known.
                closeDate = r.get(PERSON.UPDATED_AT).toLocalDate();
            }
            String reason = r.get(PERSON.CLOSE_REASON);
            PersonFact p = new PersonFact(id, r.get(PERSON.NAME), r.get(PERSON.ID_NUMBER), r.get(PERSON.BUILDING),
                    r.get(PERSON.RESPONSIBLE_STAFF), r.get(PERSON.CREATED_AT).toLocalDate(), closeDate,
                    reason == null ? null : Enums.CloseReason.valueOf(reason), Boolean.TRUE.equals(r.get(FICTITIOUS)),
                    List.copyOf(ms));
            people.add(p);
            byId.put(id, p);
        }
        Map<UUID, List<ColourFact>> colours = new HashMap<>();
        dsl.select(COLOUR_CHANGE.PERSON_ID, COLOUR_CHANGE.CHANGED_AT, COLOUR_CHANGE.FROM_COLOUR,
                COLOUR_CHANGE.TO_COLOUR).from(COLOUR_CHANGE).where(COLOUR_CHANGE.CHANGED_AT.lt(before))
                .orderBy(COLOUR_CHANGE.CHANGED_AT, COLOUR_CHANGE.ID).forEach(r -> {
                    if (byId.containsKey(r.value1())) {
                        colours.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(new ColourFact(r.value1(),
                                r.value2(), r.value3() == null ? null : RiskColour.valueOf(r.value3()),
                                RiskColour.valueOf(r.value4())));
                    }
                });
        Map<UUID, List<VisitFact>> visits = new HashMap<>();
        dsl.select(VISIT_PERSON.VISIT_ID, VISIT_PERSON.PERSON_ID, VISIT_PERSON.VISIT_DATE, VISIT.VISIT_TYPE,
                VISIT_PERSON.URINE_RESULT, VISIT_PERSON.URINE_DATE, VISIT_PERSON.MENTAL_RISK_LEVEL,
                VISIT_PERSON.MENTAL_MEDICATION, VISIT_PERSON.MENTAL_CONSENT, VISIT_PERSON.NEXT_VISIT_DATE,
                VISIT.VISITED_AT).from(VISIT_PERSON).join(VISIT).on(VISIT.ID.eq(VISIT_PERSON.VISIT_ID))
                .where(VISIT_PERSON.VISIT_DATE.le(end))
                .orderBy(VISIT_PERSON.VISIT_DATE, VISIT.VISITED_AT, VISIT_PERSON.VISIT_ID).forEach(r -> {
                    UUID person = r.get(VISIT_PERSON.PERSON_ID);
                    if (byId.containsKey(person)) {
                        visits.computeIfAbsent(person, k -> new ArrayList<>()).add(visit(r));
                    }
                });
        List<IncidentFact> incidents = new ArrayList<>();
        dsl.select(INCIDENT.ID, INCIDENT.PERSON_ID, INCIDENT.OCCURRED_AT, INCIDENT.INCIDENT_TYPE, INCIDENT.CLOSED_AT)
                .from(INCIDENT).where(INCIDENT.OCCURRED_AT.lt(before)).orderBy(INCIDENT.OCCURRED_AT, INCIDENT.ID)
                .forEach(r -> {
                    if (byId.containsKey(r.value2())) {
                        incidents.add(new IncidentFact(r.value1(), r.value2(), r.value3(),
                                IncidentType.valueOf(r.value4()), r.value5()));
                    }
                });
        String community = dsl.select(COMMUNITY.NAME).from(COMMUNITY).orderBy(COMMUNITY.CREATED_AT).limit(1)
                .fetchOne(COMMUNITY.NAME);
        return new ReportFacts(community == null ? "" : community, people, colours, visits, incidents);
    }

    private static VisitFact visit(Record r) {
        String urine = r.get(VISIT_PERSON.URINE_RESULT);
        String medication = r.get(VISIT_PERSON.MENTAL_MEDICATION);
        return new VisitFact(r.get(VISIT_PERSON.VISIT_ID), r.get(VISIT_PERSON.PERSON_ID),
                r.get(VISIT_PERSON.VISIT_DATE), VisitType.valueOf(r.get(VISIT.VISIT_TYPE)),
                urine == null ? null : UrineResult.valueOf(urine), r.get(VISIT_PERSON.URINE_DATE),
                r.get(VISIT_PERSON.MENTAL_RISK_LEVEL),
                medication == null ? null : Enums.Medication.valueOf(medication), r.get(VISIT_PERSON.MENTAL_CONSENT),
                r.get(VISIT_PERSON.NEXT_VISIT_DATE));
    }

    private static Membership membership(Record c) {
        return new Membership(Category.valueOf(c.get(PERSON_CATEGORY.CATEGORY)), c.get(PERSON_CATEGORY.RELEASE_DATE),
                c.get(PERSON_CATEGORY.OFFENCE), c.get(PERSON_CATEGORY.SENTENCE),
                value(Enums.DrugProgramme.class, c.get(PERSON_CATEGORY.DRUG_PROGRAMME)),
                c.get(PERSON_CATEGORY.DRUG_START_DATE),
                value(Enums.CorrectionType.class, c.get(PERSON_CATEGORY.CORRECTION_TYPE)),
                c.get(PERSON_CATEGORY.CORRECTION_START), c.get(PERSON_CATEGORY.CORRECTION_END),
                value(Enums.CorrectionLevel.class, c.get(PERSON_CATEGORY.CORRECTION_LEVEL)),
                value(Enums.Diagnosis.class, c.get(PERSON_CATEGORY.MENTAL_DIAGNOSIS)),
                c.get(PERSON_CATEGORY.MENTAL_RISK_LEVEL), c.get(PERSON_CATEGORY.MENTAL_CONSENT_DATE),
                value(Enums.Medication.class, c.get(PERSON_CATEGORY.MENTAL_MEDICATION)),
                value(Enums.DisabilityKind.class, c.get(PERSON_CATEGORY.DISABILITY_KIND)),
                c.get(PERSON_CATEGORY.DISABILITY_GRADE), c.get(PERSON_CATEGORY.DISABILITY_CERTIFICATE),
                c.get(PERSON_CATEGORY.OTHER_TEXT));
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
