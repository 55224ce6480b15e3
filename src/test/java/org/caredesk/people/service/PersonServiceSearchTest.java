package org.caredesk.people.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caredesk.people.service.PersonServiceTest.ELDERLY;
import static org.caredesk.people.service.PersonServiceTest.TODAY;
import static org.caredesk.people.service.PersonServiceTest.validId;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.caredesk.common.RiskColour;
import org.caredesk.db.Database;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.Enums.CorrectionType;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.IdType;
import org.caredesk.people.Enums.PersonStatus;
import org.caredesk.people.Membership;
import org.caredesk.people.Page;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.PersonQuery.Sort;
import org.caredesk.people.PersonRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Search, filters, sorting and paging in SQL. One small community shared by all tests (they only read it):
 *
 * <pre>
 * name          pinyin          categories                colour  building  status
 * 张三丰        zhangsanfeng    mental level 3            RED     3栋       active, phone 138 0013 8000
 * 李四          lisi            correction 普管            YELLOW  3栋       active
 * 王五          wangwu          elderly                   GREEN   5栋       active
 * 艾青          aiqing          mental level 1, elderly   YELLOW  -         active
 * 买买提·艾力    maimaitiaili    elderly                   GREEN   5栋       active
 * 曾小华        zeng/cengxiaohua correction 严管           RED     5栋       active
 * 王百分%        wangbaifen      elderly                   GREEN   1栋       active
 * 赵六          zhaoliu         elderly                   GREEN   3栋       closed
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnBothDatabases
class PersonServiceSearchTest {
    @Parameter
    TestDatabase database;

    private Database db;
    private PersonService service;
    private Person zhang;
    private Person li;
    private Person wang;
    private Person ai;
    private Person maimaiti;
    private Person zeng;
    private Person percent;
    private Person zhao;

    private static PersonDraft draft(String name, String idNumber, String phone, String building,
            Membership... memberships) {
        return new PersonDraft(name, IdType.RESIDENT_ID, idNumber, null, phone, null, "锦绣小区", building, null, null,
                null, null, null, null, null, "王社工", null, List.of(memberships));
    }

    private static Membership mental(int level) {
        return Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, level, null, null);
    }

    private static Membership correction(CorrectionLevel level) {
        return Membership.correction(CorrectionType.PROBATION, TODAY.minusMonths(1), TODAY.plusYears(1), level);
    }

    @BeforeParameterizedClassInvocation
    void community() {
        db = database.open();
        service = PersonServiceTest.newService(db);
        zhang = service.register(draft("张三丰", "11010519491231002X", "138-0013-8000", "3栋", mental(3)));
        li = service.register(draft("李四", validId("19800101", 11), "13900139000", "3栋",
                correction(CorrectionLevel.NORMAL)));
        wang = service.register(draft("王五", validId("19800101", 12), null, "5栋", ELDERLY));
        ai = service.register(draft("艾青", validId("19800101", 13), null, null, mental(1), ELDERLY));
        maimaiti = service.register(draft("买买提·艾力", validId("19800101", 14), null, "5栋", ELDERLY));
        zeng = service.register(draft("曾小华", validId("19800101", 15), null, "5栋",
                correction(CorrectionLevel.STRICT)));
        percent = service.register(draft("王百分%", validId("19800101", 16), null, "1栋", ELDERLY));
        Person z = service.register(draft("赵六", validId("19800101", 17), null, "3栋", ELDERLY));
        zhao = service.close(z.id(), CloseReason.MOVED_AWAY, TODAY, null, z.version());
    }

    @AfterParameterizedClassInvocation
    void closeDatabase() {
        db.close();
    }

    private List<String> names(PersonQuery q) {
        return service.search(q).items().stream().map(PersonRow::name).toList();
    }

    private List<String> find(String text) {
        return names(PersonQuery.text(text));
    }

    private static PersonQuery query(Category category, RiskColour colour, PersonStatus status, String building) {
        return new PersonQuery(null, category, colour, status, building, Sort.NAME, true, 0, 50);
    }

    private static PersonQuery sorted(Sort sort, boolean ascending) {
        return new PersonQuery(null, null, null, PersonStatus.ACTIVE, null, sort, ascending, 0, 50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"三丰", "张三丰", "zsf", "ZSF", "zhangsanfeng", "sanfeng", "zhang san feng", "0519491231",
        "002x", "11010519491231002X", "0013-8000", "138 0013"})
    void findsZhangSanfeng(String typed) {
        assertThat(find(typed)).containsExactly("张三丰");
    }

    @Test
    void partOfTheName_findsEveryoneWhoseNameHasIt() {
        assertThat(find("王")).containsExactlyInAnyOrder("王五", "王百分%");
    }

    @ParameterizedTest
    @ValueSource(strings = {"买买提.艾力", "买买提·艾力", "买买提•艾力", "买买提", "艾力", "mmtal", "maimaiti"})
    void findsANameWithAMiddleDot_typedWithAPlainDotToo(String typed) {
        assertThat(find(typed)).contains("买买提·艾力");
    }

    @Test
    void polyphonicSurname_isFoundByEitherReading() {
        assertThat(find("zxh")).containsExactly("曾小华");
        assertThat(find("cxh")).containsExactly("曾小华");
        assertThat(find("cengxiaohua")).containsExactly("曾小华");
    }

    @Test
    void likeWildcardsTypedByTheUser_areMatchedLiterally() {
        assertThat(find("%")).containsExactly("王百分%");
        assertThat(find("分%")).containsExactly("王百分%");
        assertThat(find("_")).isEmpty();
        assertThat(find("1_8")).isEmpty();
        assertThat(find("z%f")).isEmpty();
        assertThat(find("!")).isEmpty();
        assertThat(find("!%")).isEmpty();
    }

    @Test
    void blankText_findsEveryActivePerson() {
        assertThat(find("  ")).hasSize(7).doesNotContain("赵六");
        assertThat(find(null)).hasSize(7);
    }

    @Test
    void nothingMatches() {
        assertThat(service.search(PersonQuery.text("不存在的人")).items()).isEmpty();
        assertThat(service.search(PersonQuery.text("不存在的人")).total()).isZero();
    }

    @Test
    void filterByCategory() {
        assertThat(names(query(Category.MENTAL_DISORDER, null, null, null))).containsExactly("艾青", "张三丰");
        assertThat(names(query(Category.CORRECTION, null, null, null))).containsExactlyInAnyOrder("李四", "曾小华");
        assertThat(names(query(Category.ELDERLY_ALONE, null, PersonStatus.ACTIVE, null)))
                .containsExactlyInAnyOrder("艾青", "王五", "买买提·艾力", "王百分%");
        assertThat(names(query(Category.DRUG_USER, null, null, null))).isEmpty();
    }

    @Test
    void filterByColour() {
        assertThat(names(query(null, RiskColour.RED, null, null))).containsExactlyInAnyOrder("张三丰", "曾小华");
        assertThat(names(query(null, RiskColour.YELLOW, null, null))).containsExactlyInAnyOrder("李四", "艾青");
        assertThat(names(query(null, RiskColour.GREEN, PersonStatus.ACTIVE, null)))
                .containsExactlyInAnyOrder("王五", "买买提·艾力", "王百分%");
    }

    @Test
    void filterByStatus() {
        assertThat(names(query(null, null, PersonStatus.CLOSED, null))).containsExactly("赵六");
        assertThat(names(query(null, null, PersonStatus.ACTIVE, null))).hasSize(7);
        assertThat(names(query(null, null, null, null))).hasSize(8);
    }

    @Test
    void filterByBuilding() {
        assertThat(names(query(null, null, null, "3栋"))).containsExactlyInAnyOrder("张三丰", "李四", "赵六");
        assertThat(names(query(null, null, PersonStatus.ACTIVE, "5栋")))
                .containsExactlyInAnyOrder("王五", "买买提·艾力", "曾小华");
        assertThat(names(query(null, null, null, " "))).hasSize(8);
    }

    @Test
    void filtersCombine_withTheSearchText() {
        PersonQuery q = new PersonQuery("w", Category.ELDERLY_ALONE, RiskColour.GREEN, PersonStatus.ACTIVE, "5栋",
                Sort.NAME, true, 0, 50);

        assertThat(names(q)).containsExactly("王五");
    }

    @Test
    void sortByName_followsPinyin() {
        assertThat(names(sorted(Sort.NAME, true)))
                .containsExactly("艾青", "李四", "买买提·艾力", "王百分%", "王五", "曾小华", "张三丰");
        assertThat(names(sorted(Sort.NAME, false)))
                .containsExactly("张三丰", "曾小华", "王五", "王百分%", "买买提·艾力", "李四", "艾青");
    }

    @Test
    void sortByColour_followsSeverity_thenName() {
        assertThat(names(sorted(Sort.COLOUR, false)))
                .containsExactly("曾小华", "张三丰", "艾青", "李四", "买买提·艾力", "王百分%", "王五");
        assertThat(names(sorted(Sort.COLOUR, true)))
                .containsExactly("买买提·艾力", "王百分%", "王五", "艾青", "李四", "曾小华", "张三丰");
    }

    @Test
    void sortByBuilding_putsPeopleWithoutABuildingLast() {
        List<String> names = names(sorted(Sort.BUILDING, true));

        assertThat(names).containsExactly("王百分%", "李四", "张三丰", "买买提·艾力", "王五", "曾小华", "艾青");
    }

    @Test
    void paging_givesConsecutiveSlicesAndTheTotal() {
        PersonQuery all = sorted(Sort.NAME, true);
        List<String> everyone = names(all);
        List<String> pages = new ArrayList<>();
        for (int offset = 0; offset < 7; offset += 3) {
            Page<PersonRow> page = service.search(all.withPage(offset, 3));
            assertThat(page.total()).isEqualTo(7);
            assertThat(page.offset()).isEqualTo(offset);
            assertThat(page.items()).hasSize(Math.min(3, 7 - offset));
            page.items().forEach(r -> pages.add(r.name()));
        }

        assertThat(pages).isEqualTo(everyone);
        assertThat(service.search(all.withPage(21, 3)).items()).isEmpty();
        assertThat(service.search(all.withPage(21, 3)).total()).isEqualTo(7);
    }

    @Test
    void query_defaultsAPageSizeAndAFirstPage() {
        PersonQuery q = new PersonQuery(null, null, null, null, null, null, true, -5, 0);

        assertThat(q.offset()).isZero();
        assertThat(q.limit()).isEqualTo(PersonQuery.DEFAULT_PAGE_SIZE);
        assertThat(q.sort()).isEqualTo(Sort.NAME);
    }

    @Test
    void forEachRow_streamsTheSameRowsInTheSameOrder_withoutPaging() {
        PersonQuery q = sorted(Sort.COLOUR, false).withPage(0, 2);
        List<PersonRow> streamed = new ArrayList<>();

        service.forEachRow(q, streamed::add);

        assertThat(streamed).hasSize(7);
        assertThat(streamed.subList(0, 2)).isEqualTo(service.search(q).items());
    }

    @Test
    void rows_carryMaskedNumbersAndTheCategories() {
        PersonRow row = service.search(PersonQuery.text("zsf")).items().get(0);

        assertThat(row.id()).isEqualTo(zhang.id());
        assertThat(row.maskedIdNumber()).isEqualTo("110***********002X");
        assertThat(row.maskedPhone()).isEqualTo("138****8000");
        assertThat(row.categories()).isEqualTo(Set.of(Category.MENTAL_DISORDER));
        assertThat(row.colour()).isEqualTo(RiskColour.RED);
        assertThat(row.building()).isEqualTo("3栋");
        assertThat(row.estate()).isEqualTo("锦绣小区");
        assertThat(row.responsibleStaff()).isEqualTo("王社工");
        assertThat(row.status()).isEqualTo(PersonStatus.ACTIVE);

        PersonRow aiRow = service.search(PersonQuery.text("aiqing")).items().get(0);
        assertThat(aiRow.id()).isEqualTo(ai.id());
        assertThat(aiRow.categories()).containsExactlyInAnyOrder(Category.MENTAL_DISORDER, Category.ELDERLY_ALONE);
        assertThat(aiRow.maskedPhone()).isEmpty();
    }

    @Test
    void buildingsAndCounts() {
        assertThat(service.buildings()).containsExactly("1栋", "3栋", "5栋");
        assertThat(service.count()).isEqualTo(8);
        assertThat(service.countActiveByCategory()).containsEntry(Category.ELDERLY_ALONE, 4)
                .containsEntry(Category.MENTAL_DISORDER, 2).containsEntry(Category.CORRECTION, 2)
                .doesNotContainKey(Category.DRUG_USER);
        assertThat(List.of(li, wang, maimaiti, zeng, percent, zhao)).allSatisfy(p -> assertThat(p.id()).isNotNull());
    }
}
