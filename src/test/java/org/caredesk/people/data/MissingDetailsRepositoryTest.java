package org.caredesk.people.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.caredesk.app.AppContext;
import org.caredesk.common.IdNumber;
import org.caredesk.db.ConsistentRead;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.Enums.CorrectionType;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.DisabilityKind;
import org.caredesk.people.Enums.DrugProgramme;
import org.caredesk.people.Membership;
import org.caredesk.people.MissingDetails;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonField;
import org.caredesk.people.PersonMissingDetails;
import org.caredesk.people.service.MissingDetailsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** Who is 资料待补, as the monthly report reads it inside its own transaction. */
@OnBothDatabases
class MissingDetailsRepositoryTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;
    private AppContext ctx;
    private int sequence;

    @BeforeEach
    void open() {
        ctx = database.context(dir, Clock.systemDefaultZone());
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private Person register(String name, Membership... memberships) {
        String first17 = "11010519800101" + String.format("%03d", ++sequence);
        return ctx.people().register(PersonDraft.minimal(name, first17 + IdNumber.checkChar(first17),
                List.of(memberships)));
    }

    private static Membership complete(Category c) {
        LocalDate d = LocalDate.of(2024, 5, 6);
        return switch (c) {
            case RELEASED_PRISONER -> Membership.releasedPrisoner(d, null, null);
            case DRUG_USER -> Membership.drugUser(DrugProgramme.COMMUNITY_DETOX, d);
            case CORRECTION -> Membership.correction(CorrectionType.PROBATION, d, d.plusYears(1),
                    CorrectionLevel.NORMAL);
            case MENTAL_DISORDER -> Membership.mentalDisorder(Diagnosis.BIPOLAR, 2, null, null);
            case DISABLED -> Membership.disabled(DisabilityKind.VISUAL, null, null);
            default -> throw new IllegalArgumentException(c.name());
        };
    }

    private static Membership without(Membership m, PersonField f) {
        Membership.Builder b = m.toBuilder();
        switch (f) {
            case RELEASE_DATE -> b.releaseDate(null);
            case DRUG_PROGRAMME -> b.drugProgramme(null);
            case DRUG_START_DATE -> b.drugStartDate(null);
            case CORRECTION_TYPE -> b.correctionType(null);
            case CORRECTION_START -> b.correctionStart(null);
            case CORRECTION_END -> b.correctionEnd(null);
            case CORRECTION_LEVEL -> b.correctionLevel(null);
            case DIAGNOSIS -> b.diagnosis(null);
            case MENTAL_RISK_LEVEL -> b.mentalRiskLevel(null);
            case DISABILITY_KIND -> b.disabilityKind(null);
            default -> throw new IllegalArgumentException(f.name());
        }
        return b.build();
    }

    @Test
    void theSqlAndTheJavaRule_agreeOnEveryFieldThatMayWait() {
        int expected = 0;
        for (Map.Entry<Category, List<PersonField>> e : MissingDetails.pending().entrySet()) {
            Membership full = complete(e.getKey());
            register("完整" + e.getKey().ordinal(), full);
            for (PersonField f : e.getValue()) {
                Person p = register("缺" + f.ordinal(), without(full, f));
                expected++;
                assertThat(new MissingDetailsRepository().fieldsOf(ctx.database().dsl(), List.of(p.id())))
                        .as(f.name()).containsExactly(Map.entry(p.id(), List.of(f)));
            }
        }
        assertThat(new MissingDetailsService().activePeople(ctx.database().dsl())).hasSize(expected);
    }

    @Test
    void activePeople_withEveryMissingFieldOfEveryCategory_byName_closedOnesLeftOut() {
        Person wang = register("王芳", Membership.releasedPrisoner(null, null, null),
                Membership.mentalDisorder(Diagnosis.BIPOLAR, null, null, null));
        Person li = register("李强", Membership.disabled(null, 2, null), Membership.of(Category.ELDERLY_ALONE));
        register("赵静", Membership.releasedPrisoner(LocalDate.of(2022, 3, 1), null, null));
        register("钱刚", Membership.of(Category.ELDERLY_ALONE));
        Person sun = register("孙伟", Membership.drugUser(null, null));
        ctx.people().close(sun.id(), CloseReason.MOVED_AWAY, LocalDate.now(), null, sun.version());

        List<PersonMissingDetails> people = ConsistentRead.read(ctx.database().dsl(),
                tx -> new MissingDetailsService().activePeople(tx));

        assertThat(people).extracting(PersonMissingDetails::personId, PersonMissingDetails::fields).containsExactly(
                tuple(li.id(), List.of(PersonField.DISABILITY_KIND)),
                tuple(wang.id(), List.of(PersonField.RELEASE_DATE, PersonField.MENTAL_RISK_LEVEL)));
        assertThat(people.get(1).name()).isEqualTo("王芳");
    }
}
