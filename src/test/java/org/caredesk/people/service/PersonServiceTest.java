package org.caredesk.people.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.caredesk.common.IdNumber;
import org.caredesk.common.Problem;
import org.caredesk.common.RiskColour;
import org.caredesk.common.Sex;
import org.caredesk.common.UserException;
import org.caredesk.common.ValidationException;
import org.caredesk.db.Database;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.Enums.CorrectionType;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.IdType;
import org.caredesk.people.Enums.LivingSituation;
import org.caredesk.people.Enums.Medication;
import org.caredesk.people.Enums.PersonStatus;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonField;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.data.PersonRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Register, edit and close on a fresh in-memory database with every migration applied. */
@OnBothDatabases
class PersonServiceTest {
    @Parameter
    TestDatabase database;

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), ZONE);
    static final LocalDate TODAY = LocalDate.now(CLOCK);
    static final Membership ELDERLY = Membership.of(Category.ELDERLY_ALONE);

    private Database db;
    private PersonService service;

    /** A valid resident ID number for a birth date (yyyyMMdd) and a 3-digit sequence. */
    static String validId(String birth, int sequence) {
        String first17 = "110105" + birth + String.format("%03d", sequence);
        return first17 + IdNumber.checkChar(first17);
    }

    static PersonService newService(Database db) {
        return new PersonService(db.dsl(), new PersonRepository(), CLOCK, PeopleRules.DEFAULTS,
                org.caredesk.security.TestSessions.with(org.caredesk.security.Role.CASEWORKER));
    }

    static PersonDraft person(String name, String idNumber, Membership... memberships) {
        return PersonDraft.minimal(name, idNumber, List.of(memberships));
    }

    static List<Problem> problemsOf(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e.problems();
        }
        throw new AssertionError("expected a ValidationException");
    }

    @BeforeEach
    void open() {
        db = database.open();
        service = newService(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void register_thenFind_returnsTheNormalisedRecord() {
        PersonDraft draft = new PersonDraft(" 张三丰 ", IdType.RESIDENT_ID, "１１０１０５１９４９１２３１００２ｘ", "汉族",
                "+86 138-0013-8000", null, "锦绣小区", "3栋", "2单元", "301", "北京市东城区某街 1 号",
                LivingSituation.ALONE, "张小明", "儿子", "139 0013 9000", "王社工", "每周电话",
                List.of(Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, 3, TODAY, Medication.REGULAR), ELDERLY));

        Person registered = service.register(draft);
        Person found = service.find(registered.id()).orElseThrow();

        assertThat(found).isEqualTo(registered);
        assertThat(found.name()).isEqualTo("张三丰");
        assertThat(found.data().idNumber()).isEqualTo("11010519491231002X");
        assertThat(found.data().phone1()).isEqualTo("13800138000");
        assertThat(found.data().emergencyPhone()).isEqualTo("13900139000");
        assertThat(found.data().livingSituation()).isEqualTo(LivingSituation.ALONE);
        assertThat(found.data().memberships()).extracting(Membership::category)
                .containsExactly(Category.MENTAL_DISORDER, Category.ELDERLY_ALONE);
        assertThat(found.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(found.sex()).isEqualTo(Sex.FEMALE);
        assertThat(found.colour()).isEqualTo(RiskColour.RED);
        assertThat(found.status()).isEqualTo(PersonStatus.ACTIVE);
        assertThat(found.version()).isZero();
        assertThat(found.createdAt()).isEqualTo(LocalDateTime.now(CLOCK));
        assertThat(service.count()).isEqualTo(1);
    }

    @Test
    void register_theLongestAllowedNameOfPolyphonicCharacters_fitsTheSearchColumns() {
        String name = "长乐单曾朴查解仇".repeat(4).substring(0, PersonValidator.MAX_NAME);

        Person p = service.register(person(name, validId("19800101", 11), ELDERLY));

        assertThat(service.find(p.id())).contains(p);
        assertThat(service.search(PersonQuery.text(name.substring(20))).items()).hasSize(1);
    }

    @Test
    void register_badDraft_writesNothing() {
        List<Problem> problems = problemsOf(() -> service.register(person("", "123")));

        assertThat(problems).extracting(Problem::field).contains("NAME", "ID_NUMBER", "CATEGORIES");
        assertThat(service.count()).isZero();
    }

    @Test
    void register_oldBirthYearWarning_doesNotBlock() {
        Person p = service.register(person("李老汉", "440524188001010014", ELDERLY));

        assertThat(p.birthDate()).isEqualTo(LocalDate.of(1880, 1, 1));
        assertThat(service.check(person("李老汉", "440524188001010014", ELDERLY), p.id()).problems())
                .extracting(Problem::key).containsExactly("problem.idNumber.oldBirth");
    }

    @Test
    void sameIdNumberTwice_isRefused_namingThePersonWhoHasIt() {
        service.register(person("张三丰", "11010519491231002X", ELDERLY));

        List<Problem> problems = problemsOf(() -> service.register(person("张三", "11010519491231002x", ELDERLY)));

        assertThat(problems).extracting(Problem::field, Problem::key)
                .containsExactly(tuple(PersonField.ID_NUMBER.name(), "problem.idNumber.duplicate"));
        assertThat(problems.get(0).args()).containsExactly("11010519491231002X", "张三丰");
        assertThat(problems.get(0).localized()).contains("张三丰", "11010519491231002X");
        assertThat(service.count()).isEqualTo(1);
    }

    @Test
    void sameIdNumberAsAClosedFile_isRefusedToo_sayingTheFileIsClosed() {
        Person p = service.register(person("张三丰", "11010519491231002X", ELDERLY));
        service.close(p.id(), CloseReason.MOVED_AWAY, TODAY, null, p.version());

        List<Problem> problems = problemsOf(() -> service.register(person("张三", "11010519491231002X", ELDERLY)));

        assertThat(problems).extracting(Problem::key).containsExactly("problem.idNumber.duplicateClosed");
        assertThat(problems.get(0).args()).containsExactly("11010519491231002X", "张三丰");
    }

    @Test
    void theSameNumberUnderAnotherIdType_isNotADuplicate() {
        service.register(new PersonDraft("Anna Smith", IdType.PASSPORT, "E1234567", null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, List.of(ELDERLY)));

        Person other = service.register(new PersonDraft("Anna Lee", IdType.OTHER, "E1234567", null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, List.of(ELDERLY)));

        assertThat(other.data().idNumber()).isEqualTo("E1234567");
        assertThat(service.count()).isEqualTo(2);
    }

    @Test
    void check_doesNotCountThePersonThemselvesAsADuplicate() {
        Person p = service.register(person("张三丰", "11010519491231002X", ELDERLY));

        assertThat(service.check(person("张三丰", "11010519491231002X", ELDERLY), p.id()).problems()).isEmpty();
        assertThat(service.check(person("张三丰", "11010519491231002X", ELDERLY), null).problems())
                .extracting(Problem::key).containsExactly("problem.idNumber.duplicate");
    }

    @Test
    void update_withTheCurrentVersion_savesAndRecomputes() {
        Person p = service.register(person("张三丰", validId("19800101", 11), ELDERLY));
        Membership strict = Membership.correction(CorrectionType.PROBATION, TODAY.minusMonths(1),
                TODAY.plusYears(1), CorrectionLevel.STRICT);

        Person updated = service.update(p.id(), person("李四", validId("19800101", 11), strict), p.version());

        assertThat(updated.version()).isEqualTo(1);
        Person found = service.find(p.id()).orElseThrow();
        assertThat(found).isEqualTo(updated);
        assertThat(found.name()).isEqualTo("李四");
        assertThat(found.colour()).isEqualTo(RiskColour.RED);
        assertThat(found.data().memberships()).containsExactly(strict);
        assertThat(found.createdAt()).isEqualTo(p.createdAt());
        assertThat(service.search(PersonQuery.text("lisi")).items()).extracting(r -> r.id()).containsExactly(p.id());
        assertThat(service.search(PersonQuery.text("zsf")).items()).isEmpty();
    }

    @Test
    void update_withAStaleVersion_isRefusedAndChangesNothing() {
        Person p = service.register(person("张三丰", validId("19800101", 11), ELDERLY));
        service.update(p.id(), person("张三丰", validId("19800101", 11), ELDERLY,
                Membership.other("邻居反映")), p.version());
        Person before = service.find(p.id()).orElseThrow();

        assertThatThrownBy(() -> service.update(p.id(), person("李四", validId("19800101", 11), ELDERLY),
                p.version()))
                .isInstanceOfSatisfying(UserException.class, e -> {
                    assertThat(e.key()).isEqualTo("error.personChangedMeanwhile");
                    assertThat(e.args()).containsExactly("张三丰");
                });

        assertThat(service.find(p.id())).contains(before);
    }

    @Test
    void update_toSomeoneElsesIdNumber_isRefused() {
        service.register(person("张三丰", validId("19800101", 11), ELDERLY));
        Person other = service.register(person("李四", validId("19900101", 22), ELDERLY));

        List<Problem> problems = problemsOf(() -> service.update(other.id(),
                person("李四", validId("19800101", 11), ELDERLY), other.version()));

        assertThat(problems).extracting(Problem::key).containsExactly("problem.idNumber.duplicate");
        assertThat(service.find(other.id()).orElseThrow().data().idNumber()).isEqualTo(validId("19900101", 22));
    }

    @Test
    void update_unknownPerson_isRefused() {
        assertThatThrownBy(() -> service.update(UUID.randomUUID(), person("李四", validId("19900101", 22), ELDERLY),
                0)).isInstanceOfSatisfying(UserException.class,
                        e -> assertThat(e.key()).isEqualTo("error.personNotFound"));
    }

    @Test
    void close_setsStatusReasonAndDate_andThePersonStaysFindableWithTheClosedFilter() {
        Person p = service.register(person("张三丰", validId("19800101", 11), ELDERLY));

        Person closed = service.close(p.id(), CloseReason.DECEASED, TODAY.minusDays(3), " 家属告知 ", p.version());

        Person found = service.find(p.id()).orElseThrow();
        assertThat(found).isEqualTo(closed);
        assertThat(found.status()).isEqualTo(PersonStatus.CLOSED);
        assertThat(found.isClosed()).isTrue();
        assertThat(found.closeReason()).isEqualTo(CloseReason.DECEASED);
        assertThat(found.closeDate()).isEqualTo(TODAY.minusDays(3));
        assertThat(found.closeNote()).isEqualTo("家属告知");
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.data()).isEqualTo(p.data());

        assertThat(service.search(PersonQuery.text("zsf")).items()).isEmpty();
        PersonQuery closedFilter = new PersonQuery("zsf", null, null, PersonStatus.CLOSED, null, null, true, 0, 50);
        assertThat(service.search(closedFilter).items()).extracting(r -> r.id(), r -> r.status())
                .containsExactly(tuple(p.id(), PersonStatus.CLOSED));
        assertThat(service.search(PersonQuery.all()).total()).isEqualTo(1);
        assertThat(service.countActiveByCategory()).doesNotContainKey(Category.ELDERLY_ALONE);
    }

    @Test
    void closingTwice_isRefused() {
        Person p = service.register(person("张三丰", validId("19800101", 11), ELDERLY));
        Person closed = service.close(p.id(), CloseReason.EXPIRED, TODAY, null, p.version());

        assertThatThrownBy(() -> service.close(p.id(), CloseReason.MOVED_AWAY, TODAY, null, closed.version()))
                .isInstanceOfSatisfying(UserException.class, e -> {
                    assertThat(e.key()).isEqualTo("error.personAlreadyClosed");
                    assertThat(e.args()).containsExactly("张三丰");
                });
        assertThat(service.find(p.id()).orElseThrow().closeReason()).isEqualTo(CloseReason.EXPIRED);
    }

    @Test
    void close_withAStaleVersion_isRefused() {
        Person p = service.register(person("张三丰", validId("19800101", 11), ELDERLY));
        service.update(p.id(), person("张三丰", validId("19800101", 11), ELDERLY), p.version());

        assertThatThrownBy(() -> service.close(p.id(), CloseReason.EXPIRED, TODAY, null, p.version()))
                .isInstanceOfSatisfying(UserException.class,
                        e -> assertThat(e.key()).isEqualTo("error.personChangedMeanwhile"));
        assertThat(service.find(p.id()).orElseThrow().status()).isEqualTo(PersonStatus.ACTIVE);
    }

    @Test
    void close_checksReasonDateAndNote() {
        Person p = service.register(person("张三丰", validId("19800101", 11), ELDERLY));

        assertThat(problemsOf(() -> service.close(p.id(), null, null, null, 0)))
                .extracting(Problem::field, Problem::key)
                .containsExactly(tuple("closeReason", "problem.required"), tuple("closeDate", "problem.required"));
        assertThat(problemsOf(() -> service.close(p.id(), CloseReason.EXPIRED, TODAY.plusDays(1), null, 0)))
                .extracting(Problem::field, Problem::key).containsExactly(tuple("closeDate", "problem.future"));
        assertThat(problemsOf(() -> service.close(p.id(), CloseReason.OTHER, TODAY, "  ", 0)))
                .extracting(Problem::field, Problem::key)
                .containsExactly(tuple("closeNote", "problem.closeNote.requiredForOther"));
        assertThat(problemsOf(() -> service.close(p.id(), CloseReason.EXPIRED, TODAY, "说".repeat(501), 0)))
                .extracting(Problem::field, Problem::key).containsExactly(tuple("closeNote", "problem.tooLong"));
        assertThat(service.find(p.id()).orElseThrow().status()).isEqualTo(PersonStatus.ACTIVE);
    }

    @Test
    void checkAll_findsTheOwnersInEveryBatch_asCheckDoesOneByOne() {
        Person early = service.register(person("张三丰", validId("19800101", 3), ELDERLY));
        Person late = service.register(person("李四", validId("19600101", 100), ELDERLY));
        List<PersonDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            drafts.add(person("王五" + i, validId(i < 600 ? "19800101" : "19600101", i % 600), ELDERLY));
        }
        drafts.set(7, person("坏号", "123", ELDERLY));

        List<PersonValidator.Result> all = service.checkAll(drafts);

        assertThat(all).hasSize(1_200);
        for (int i = 0; i < drafts.size(); i++) {
            assertThat(all.get(i)).as("draft %d", i).isEqualTo(service.check(drafts.get(i), null));
        }
        assertThat(all.get(3).problems()).extracting(Problem::key).containsExactly("problem.idNumber.duplicate");
        assertThat(all.get(3).problems().get(0).args()).containsExactly(early.data().idNumber(), "张三丰");
        assertThat(all.get(700).problems().get(0).args()).containsExactly(late.data().idNumber(), "李四");
        assertThat(all.stream().filter(r -> r.hasErrors()).count()).isEqualTo(3);
    }

    @Test
    void registerAll_writesEveryone() {
        List<Person> people = service.registerAll(List.of(person("张三丰", validId("19800101", 11), ELDERLY),
                person("李四", validId("19800101", 12), ELDERLY)));

        assertThat(people).hasSize(2);
        assertThat(service.count()).isEqualTo(2);
        for (Person p : people) {
            assertThat(service.find(p.id())).contains(p);
        }
    }

    @Test
    void registerAll_withOneBadDraft_writesNothing() {
        List<PersonDraft> drafts = List.of(person("张三丰", validId("19800101", 11), ELDERLY),
                person("李四", "110105198001010121", ELDERLY),
                person("王五", validId("19800101", 13), ELDERLY));

        List<Problem> problems = problemsOf(() -> service.registerAll(drafts));

        assertThat(problems).extracting(Problem::key).containsExactly("problem.idNumber.checksum");
        assertThat(service.count()).isZero();
    }

    @Test
    void registerAll_namesADuplicateWithinTheBatch() {
        List<PersonDraft> drafts = List.of(person("张三丰", validId("19800101", 11), ELDERLY),
                person("李四", validId("19800101", 12), ELDERLY),
                person("王五", validId("19800101", 11).toLowerCase(), ELDERLY));

        List<Problem> problems = problemsOf(() -> service.registerAll(drafts));

        assertThat(problems).extracting(Problem::field, Problem::key)
                .containsExactly(tuple("ID_NUMBER", "problem.idNumber.duplicateInBatch"));
        assertThat(problems.get(0).args()).containsExactly(validId("19800101", 11), "1", "3");
        assertThat(service.count()).isZero();
    }

    @Test
    void registerAll_refusesSomeoneAlreadyRegistered() {
        service.register(person("张三丰", validId("19800101", 11), ELDERLY));

        List<Problem> problems = problemsOf(() -> service.registerAll(List.of(
                person("李四", validId("19800101", 12), ELDERLY), person("张三", validId("19800101", 11), ELDERLY))));

        assertThat(problems).extracting(Problem::key).containsExactly("problem.idNumber.duplicate");
        assertThat(problems.get(0).args()).containsExactly(validId("19800101", 11), "张三丰");
        assertThat(service.count()).isEqualTo(1);
    }

    @Test
    void registerAll_largerThanOneChunk() {
        List<PersonDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 1_205; i++) {
            LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(i / 1000);
            drafts.add(person("居民" + i, validId(birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
                    i % 1000), ELDERLY));
        }

        service.registerAll(drafts);

        assertThat(service.count()).isEqualTo(1_205);
        assertThat(service.countActiveByCategory()).containsEntry(Category.ELDERLY_ALONE, 1_205);
    }
}
