package org.caredesk.audit.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caredesk.audit.service.PersonAuditTest.CLOCK;
import static org.caredesk.audit.service.PersonAuditTest.validId;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditQuery;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.common.I18n;
import org.caredesk.common.UserException;
import org.caredesk.common.ValidationException;
import org.caredesk.db.Database;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Enums.DisabilityKind;
import org.caredesk.people.Enums.IdType;
import org.caredesk.people.Enums.LivingSituation;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonNumbers;
import org.caredesk.people.data.PersonRepository;
import org.caredesk.people.service.PeopleRules;
import org.caredesk.people.service.PersonService;
import org.caredesk.security.AccessDeniedException;
import org.caredesk.security.Role;
import org.caredesk.security.Session;
import org.caredesk.security.UserIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Masked by default, full numbers only through {@link PersonService#revealNumbers}, logged in the same transaction;
 * a file opened masked can be edited without the numbers ever being sent to the screen.
 */
@OnBothDatabases
class RevealNumbersTest {
    @Parameter
    TestDatabase database;

    private static final String ID = validId("19800101", 11);
    private static final String CERTIFICATE = ID + "42";

    private Database db;
    private AuditLog audit;
    private PersonService people;
    private final Session session = new Session();
    private Person zhang;

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        db = database.open();
        audit = new AuditLog(db.dsl(), new AuditRepository(), CLOCK, session);
        people = new PersonService(db.dsl(), new PersonRepository(), CLOCK, PeopleRules.DEFAULTS, audit,
                () -> session.identity().userName(), session);
        as("lixia", Role.FRONT_DESK);
        zhang = people.register(new PersonDraft("张三丰", IdType.RESIDENT_ID, ID, "汉族", "13800138000", "13900139001",
                "锦绣小区", "3栋", "2单元", "301", null, LivingSituation.ALONE, "张小", "女儿", "01062345678", "王社工",
                null, List.of(Membership.disabled(DisabilityKind.PHYSICAL, 2, CERTIFICATE))));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void as(String name, Role... roles) {
        session.login(new UserIdentity(UUID.randomUUID(), name, name, EnumSet.of(roles[0], roles)),
                CLOCK.instant());
    }

    private List<AuditEntry> entries(AuditAction action) {
        Session reader = new Session();
        reader.login(new UserIdentity(UUID.randomUUID(), "audit", "audit", EnumSet.of(Role.AUDITOR)), CLOCK.instant());
        List<AuditEntry> all = new ArrayList<>();
        new AuditLog(db.dsl(), new AuditRepository(), CLOCK, reader).forEachMatching(AuditQuery.all(), all::add);
        return all.stream().filter(e -> e.knownAction().filter(action::equals).isPresent()).toList();
    }

    @Test
    void view_masksEveryNumber_asTheListDoes() {
        PersonDraft shown = people.view(zhang.id()).orElseThrow().data();

        assertThat(shown.idNumber()).isEqualTo(ID.substring(0, 3) + "***********" + ID.substring(14));
        assertThat(shown.phone1()).isEqualTo("138****8000");
        assertThat(shown.phone2()).isEqualTo("139****9001");
        assertThat(shown.emergencyPhone()).isEqualTo("010****5678");
        assertThat(shown.memberships().get(0).disabilityCertificate())
                .isEqualTo(CERTIFICATE.substring(0, 3) + "*".repeat(13) + CERTIFICATE.substring(16));
        assertThat(shown.name()).isEqualTo("张三丰");
        assertThat(shown.building()).isEqualTo("3栋");
    }

    @Test
    void reveal_givesTheFullNumbers_andRecordsWhoSawWhoseFile() {
        as("wangli", Role.CASEWORKER);

        PersonNumbers full = people.revealNumbers(zhang.id());

        assertThat(full).isEqualTo(new PersonNumbers(ID, "13800138000", "13900139001", "01062345678", CERTIFICATE));
        List<AuditEntry> revealed = entries(AuditAction.NUMBERS_REVEALED);
        assertThat(revealed).singleElement().satisfies(e -> {
            assertThat(e.userName()).isEqualTo("wangli");
            assertThat(e.objectType()).isEqualTo("PERSON");
            assertThat(e.objectId()).isEqualTo(zhang.id().toString());
            assertThat(e.objectLabel()).isEqualTo("张三丰");
            assertThat(e.detailText()).isEqualTo("查看了完整的证件号码和电话号码");
            assertThat(e.detailText()).doesNotContain(ID);
        });
    }

    @Test
    void reveal_byAFrontDeskUser_isRefused_andLeavesNoEntry() {
        assertThatThrownBy(() -> people.revealNumbers(zhang.id())).isInstanceOf(AccessDeniedException.class);

        assertThat(entries(AuditAction.NUMBERS_REVEALED)).isEmpty();
    }

    @Test
    void reveal_ofAnUnknownPerson_saysSo_andLeavesNoEntry() {
        as("boss", Role.DIRECTOR);

        assertThatThrownBy(() -> people.revealNumbers(UUID.randomUUID())).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).key()).isEqualTo("error.personNotFound");
        assertThat(entries(AuditAction.NUMBERS_REVEALED)).isEmpty();
    }

    @Test
    void savingTheMaskedFileBack_keepsTheStoredNumbers_andChangesTheRest() {
        Person shown = people.view(zhang.id()).orElseThrow();
        PersonDraft edited = new PersonDraft(shown.data().name(), shown.data().idType(), shown.data().idNumber(),
                shown.data().ethnicity(), shown.data().phone1(), shown.data().phone2(), shown.data().estate(), "5栋",
                shown.data().unit(), shown.data().room(), null, shown.data().livingSituation(),
                shown.data().emergencyName(), shown.data().emergencyRelation(), shown.data().emergencyPhone(),
                shown.data().responsibleStaff(), null, shown.data().memberships());

        people.update(zhang.id(), edited, shown.version());

        Person stored = people.find(zhang.id()).orElseThrow();
        assertThat(PersonNumbers.of(stored.data())).isEqualTo(PersonNumbers.of(zhang.data()));
        assertThat(stored.data().building()).isEqualTo("5栋");
        assertThat(entries(AuditAction.PERSON_UPDATED)).singleElement()
                .satisfies(e -> assertThat(e.changes()).extracting(c -> c.field()).containsExactly("field.BUILDING"));
    }

    @Test
    void aNumberRetypedInFull_replacesTheStoredOne_withoutSeeingIt() {
        Person shown = people.view(zhang.id()).orElseThrow();
        PersonNumbers typed = new PersonNumbers(shown.data().idNumber(), "13700137000", shown.data().phone2(),
                shown.data().emergencyPhone(), shown.data().memberships().get(0).disabilityCertificate());

        people.update(zhang.id(), typed.applyTo(shown.data()), shown.version());

        PersonNumbers stored = PersonNumbers.of(people.find(zhang.id()).orElseThrow().data());
        assertThat(stored.phone1()).isEqualTo("13700137000");
        assertThat(stored.idNumber()).isEqualTo(ID);
        assertThat(stored.disabilityCertificate()).isEqualTo(CERTIFICATE);
    }

    @Test
    void aMaskEditedByHand_isRefused_namingTheField() {
        Person shown = people.view(zhang.id()).orElseThrow();
        PersonNumbers typed = new PersonNumbers(shown.data().idNumber(), "138****8001", shown.data().phone2(),
                shown.data().emergencyPhone(), "110****");

        assertThatThrownBy(() -> people.update(zhang.id(), typed.applyTo(shown.data()), shown.version()))
                .isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.problems())
                        .extracting(p -> p.localized()).containsExactly(
                                "联系电话是遮盖后的号码（带 *），不是完整号码。请删去后输入完整的号码。",
                                "残疾证号是遮盖后的号码（带 *），不是完整号码。请删去后输入完整的号码。"));
        assertThat(PersonNumbers.of(people.find(zhang.id()).orElseThrow().data()))
                .isEqualTo(PersonNumbers.of(zhang.data()));
    }

    @Test
    void aMaskedNumber_cannotBeRegistered() {
        PersonDraft copied = PersonDraft.minimal("李四", "110***********0113", List.of(Membership.disabled(
                DisabilityKind.VISUAL, 1, null)));

        assertThatThrownBy(() -> people.register(copied)).isInstanceOfSatisfying(ValidationException.class,
                v -> assertThat(v.localized()).isEqualTo(
                        "证件号码是遮盖后的号码（带 *），不是完整号码。请删去后输入完整的号码。"));
    }
}
