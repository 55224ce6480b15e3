package org.caredesk.people.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.caredesk.common.Ids;
import org.caredesk.common.Pinyin;
import org.caredesk.common.RiskColour;
import org.caredesk.common.Sex;
import org.caredesk.db.Database;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.Enums.CorrectionType;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.DisabilityKind;
import org.caredesk.people.Enums.DrugProgramme;
import org.caredesk.people.Enums.IdType;
import org.caredesk.people.Enums.LivingSituation;
import org.caredesk.people.Enums.Medication;
import org.caredesk.people.Enums.PersonStatus;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonQuery;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** The SQL round trip of every field, on a fresh database of each kind with every migration applied. */
@OnBothDatabases
class PersonRepositoryTest {
    @Parameter
    TestDatabase database;

    private static final LocalDateTime NOW = LocalDateTime.of(2025, 6, 1, 10, 0);
    private static final LocalDate DAY = LocalDate.of(2024, 3, 15);

    private Database db;
    private DSLContext dsl;
    private final PersonRepository repository = new PersonRepository();

    @BeforeEach
    void open() {
        db = database.open();
        dsl = db.dsl();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static List<Membership> everyCategory() {
        return List.of(
                Membership.releasedPrisoner(DAY, "盗窃罪", "有期徒刑三年"),
                Membership.drugUser(DrugProgramme.COMMUNITY_REHAB, DAY.plusDays(1)),
                Membership.correction(CorrectionType.TEMPORARY_OUTSIDE, DAY, DAY.plusYears(2), CorrectionLevel.LENIENT),
                Membership.mentalDisorder(Diagnosis.INTELLECTUAL_DISABILITY_RELATED, 4, DAY.minusDays(2),
                        Medication.INTERMITTENT),
                Membership.of(Category.ELDERLY_ALONE),
                Membership.disabled(DisabilityKind.MULTIPLE, 2, "11010519491231002X42"),
                Membership.other("低保户"));
    }

    private static Person person(String name, String idNumber, List<Membership> memberships) {
        PersonDraft d = new PersonDraft(name, IdType.RESIDENT_ID, idNumber, "回族", "13800138000", "13900139000",
                "锦绣小区", "3栋", "2单元", "301", "北京市东城区", LivingSituation.WITH_FAMILY, "张小明", "儿子",
                "01065123456", "王社工", "备注", memberships);
        return new Person(Ids.newId(), d, LocalDate.of(1949, 12, 31), Sex.FEMALE, RiskColour.RED,
                PersonStatus.ACTIVE, null, null, null, 0, NOW, NOW);
    }

    private static PersonRepository.SearchKeys keys(String text) {
        return new PersonRepository.SearchKeys("pinyin", "py", text);
    }

    @Test
    void search_listsNamesInPinyinOrder_theSameOnEveryDatabase() {
        // 陈 (chen) comes before 程 (cheng) in a dictionary; a collation that skips the space between syllables, as
        // PostgreSQL's en_US.UTF-8 does, would put 程安 (cheng an) before 陈雪 (chen xue). 曾 is read zeng as a surname.
        List<String> names = List.of("张三", "程安", "阿布", "陈雪", "曾毅", "李四", "陈安");
        for (int i = 0; i < names.size(); i++) {
            Pinyin.Spellings s = Pinyin.of(names.get(i));
            repository.insert(dsl, person(names.get(i), "1101051949123100" + (10 + i), List.of()),
                    new PersonRepository.SearchKeys(s.sortKey(), s.primaryInitials(), names.get(i)));
        }
        PersonQuery all = PersonQuery.all();
        PersonQuery descending = new PersonQuery(null, null, null, null, null, PersonQuery.Sort.NAME, false, 0, 50);

        assertThat(repository.search(dsl, all, null).items()).extracting(r -> r.name())
                .containsExactly("阿布", "陈安", "陈雪", "程安", "李四", "曾毅", "张三");
        assertThat(repository.search(dsl, descending, null).items()).extracting(r -> r.name())
                .containsExactly("张三", "曾毅", "李四", "程安", "陈雪", "陈安", "阿布");
    }

    @Test
    void everyFieldOfEveryCategory_survivesTheRoundTrip() {
        Person p = person("张三丰", "11010519491231002X", everyCategory());

        repository.insert(dsl, p, keys("张三丰"));

        assertThat(repository.findById(dsl, p.id())).contains(p);
    }

    @Test
    void closedFields_surviveTheRoundTrip() {
        Person p = person("张三丰", "11010519491231002X", List.of(Membership.of(Category.OTHER)));
        Person closed = new Person(p.id(), p.data(), null, null, RiskColour.GREEN, PersonStatus.CLOSED,
                CloseReason.OTHER, DAY, "搬去外地", 3, NOW, NOW.plusHours(1));

        repository.insert(dsl, closed, keys("张三丰"));

        assertThat(repository.findById(dsl, p.id())).contains(closed);
    }

    @Test
    void unknownId_isEmpty() {
        assertThat(repository.findById(dsl, UUID.randomUUID())).isEmpty();
    }

    @Test
    void update_checksTheVersion_andReplacesTheCategories() {
        Person p = person("张三丰", "11010519491231002X", everyCategory());
        repository.insert(dsl, p, keys("a"));
        PersonDraft changed = new PersonDraft("张三", IdType.RESIDENT_ID, "11010519491231002X", null, null, null,
                null, null, null, null, null, null, null, null, null, null, null,
                List.of(Membership.of(Category.ELDERLY_ALONE)));
        Person next = new Person(p.id(), changed, p.birthDate(), p.sex(), RiskColour.GREEN, PersonStatus.ACTIVE,
                null, null, null, 1, p.createdAt(), NOW.plusDays(1));

        assertThat(repository.update(dsl, next, keys("b"), 5)).isFalse();
        assertThat(repository.findById(dsl, p.id())).contains(p);

        assertThat(repository.update(dsl, next, keys("b"), 0)).isTrue();
        assertThat(repository.findById(dsl, p.id())).contains(next);
        assertThat(repository.update(dsl, next, keys("b"), 0)).isFalse();
    }

    @Test
    void findIdOwner_matchesTypeAndNumber() {
        Person p = person("张三丰", "11010519491231002X", everyCategory());
        repository.insert(dsl, p, keys("a"));

        assertThat(repository.findIdOwner(dsl, IdType.RESIDENT_ID, "11010519491231002X"))
                .contains(new PersonRepository.Owner(p.id(), "张三丰", PersonStatus.ACTIVE));
        assertThat(repository.findIdOwner(dsl, IdType.PASSPORT, "11010519491231002X")).isEmpty();
        assertThat(repository.findIdOwner(dsl, IdType.RESIDENT_ID, "110105194912310021")).isEmpty();
    }

    @Test
    void theDatabaseItselfRefusesADuplicateIdNumber() {
        repository.insert(dsl, person("张三丰", "11010519491231002X", List.of()), keys("a"));

        assertThatThrownBy(() -> repository.insert(dsl, person("张三", "11010519491231002X", List.of()), keys("b")))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void insertAll_writesPeopleAndTheirCategories() {
        Person a = person("张三丰", "11010519491231002X", everyCategory());
        Person b = person("李四", "440524188001010014", List.of(Membership.of(Category.ELDERLY_ALONE)));

        repository.insertAll(dsl, List.of(a, b), List.of(keys("a"), keys("b")));

        assertThat(repository.findById(dsl, a.id())).contains(a);
        assertThat(repository.findById(dsl, b.id())).contains(b);
        assertThat(repository.count(dsl)).isEqualTo(2);
        assertThat(repository.countActiveByCategory(dsl)).containsEntry(Category.ELDERLY_ALONE, 2)
                .containsEntry(Category.OTHER, 1);
    }

    @Test
    void search_matchesTheStoredSearchText() {
        repository.insert(dsl, person("张三丰", "11010519491231002X", List.of()), keys("zhangsanfeng|zsf"));
        repository.insert(dsl, person("李四", "440524188001010014", List.of()), keys("lisi|ls"));

        assertThat(repository.search(dsl, PersonQuery.all(), "sanf").items()).extracting(r -> r.name())
                .containsExactly("张三丰");
        assertThat(repository.search(dsl, PersonQuery.all(), "").total()).isEqualTo(2);
        assertThat(repository.search(dsl, PersonQuery.all(), "s_f").total()).isZero();
    }
}
