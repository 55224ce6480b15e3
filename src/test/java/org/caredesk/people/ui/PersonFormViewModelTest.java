package org.caredesk.people.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.caredesk.audit.AuditQuery;
import org.caredesk.app.AppContext;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.DrugProgramme;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonField;
import org.caredesk.people.PersonNumbers;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.service.PersonService;
import org.caredesk.security.Role;
import org.caredesk.security.UserIdentity;
import org.caredesk.ui.DirectTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersonFormViewModelTest {
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    private static final String ZHANG_ID = "11010519491231002X";
    private AppContext ctx;
    private PersonService people;
    private PersonFormViewModel vm;
    private final List<Person> saved = new ArrayList<>();

    @BeforeEach
    void open() {
        ctx = AppContext.inMemory(Path.of("target", "test-data"),
                Clock.fixed(TODAY.atStartOfDay(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault()));
        people = ctx.people();
        vm = new PersonFormViewModel(people, new DirectTaskRunner());
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private String message(PersonField field) {
        PersonFormViewModel.FieldMessage m = vm.messagesProperty().get().get(field.name());
        return m == null ? null : m.text();
    }

    private void fillMinimal(String name, String id) {
        vm.nameProperty().set(name);
        vm.idNumberProperty().set(id);
        vm.categoryProperty(Category.ELDERLY_ALONE).set(true);
    }

    @Test
    void freshForm_cannotBeSavedButIsNotAWallOfRed() {
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.messagesProperty().get()).isEmpty();
    }

    @Test
    void todo_namesTheFieldsThatStillStopSaving() {
        assertThat(vm.todoProperty().get()).isEqualTo("保存前还需要填写或改正：姓名、证件号码、人员类别。");
        fillMinimal("张三丰", ZHANG_ID);
        vm.phone1Property().set("12345");
        assertThat(vm.todoProperty().get()).isEqualTo("保存前还需要填写或改正：联系电话。");
        vm.phone1Property().set("");
        assertThat(vm.todoProperty().get()).isEmpty();
    }

    @Test
    void clearingATouchedRequiredField_saysWhatToFillIn() {
        vm.nameProperty().set("张");
        vm.nameProperty().set("  ");
        assertThat(message(PersonField.NAME)).isEqualTo("请填写姓名。");
        assertThat(message(PersonField.ID_NUMBER)).as("not touched yet").isNull();
    }

    @Test
    void wrongChecksum_blocksSavingAndExplains() {
        fillMinimal("张三丰", "110105194912310021");
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(message(PersonField.ID_NUMBER)).isEqualTo("身份证号码最后一位校验码不对，请核对是否有某一位输错了。");

        vm.idNumberProperty().set("11010519491231002x");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(message(PersonField.ID_NUMBER)).isNull();
    }

    @Test
    void validId_showsBirthDateAndSex() {
        vm.idNumberProperty().set("１１０１０５１９４９１２３１００２Ｘ");
        assertThat(vm.idDerivedProperty().get()).isEqualTo("出生日期 1949-12-31，性别 女");
        vm.idNumberProperty().set("1101051949");
        assertThat(vm.idDerivedProperty().get()).isEmpty();
        assertThat(message(PersonField.ID_NUMBER)).isEqualTo("身份证号码应为 18 位，现在是 10 位。");
    }

    @Test
    void birthBefore1900_isShownAsAWarningThatDoesNotBlockSaving() {
        fillMinimal("李老", "440524188001010014");
        PersonFormViewModel.FieldMessage m = vm.messagesProperty().get().get(PersonField.ID_NUMBER.name());
        assertThat(m.warning()).isTrue();
        assertThat(m.text()).contains("1880");
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void categoryDetails_mayWait_withTheNoteAndUnknownEnds_andEndDatesAreComputedOnceKnown() {
        fillMinimal("张三丰", ZHANG_ID);
        assertThat(vm.missingDetailsProperty().get()).isEmpty();
        vm.categoryProperty(Category.RELEASED_PRISONER).set(true);
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.missingDetailsProperty().get()).isEqualTo("资料待补：释放日期。可以先保存，知道后再补录。");
        assertThat(vm.helpEndProperty().get()).isEqualTo("未知（资料待补）");
        vm.details().releaseDate().textProperty().set("2021-03-15");
        assertThat(vm.helpEndProperty().get()).isEqualTo("2026-03-15");
        assertThat(vm.missingDetailsProperty().get()).isEmpty();

        vm.categoryProperty(Category.DRUG_USER).set(true);
        assertThat(vm.drugEndProperty().get()).isEqualTo("未知（资料待补）");
        vm.details().drugProgrammeProperty().set(DrugProgramme.COMMUNITY_REHAB);
        vm.details().drugStartDate().textProperty().set("2023/7/1");
        assertThat(vm.drugEndProperty().get()).isEqualTo("2026-07-01");
        assertThat(vm.validProperty().get()).isTrue();

        vm.categoryProperty(Category.MENTAL_DISORDER).set(true);
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.missingDetailsProperty().get()).isEqualTo("资料待补：诊断、危险性等级。可以先保存，知道后再补录。");
        vm.categoryProperty(Category.MENTAL_DISORDER).set(false);
        assertThat(vm.missingDetailsProperty().get()).isEmpty();

        // 其他类别说明 never waits: required while ticked, and only then.
        vm.categoryProperty(Category.OTHER).set(true);
        assertThat(vm.validProperty().get()).isFalse();
        vm.categoryProperty(Category.OTHER).set(false);
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void unparseableDate_isAFieldErrorNotAnException() {
        fillMinimal("张三丰", ZHANG_ID);
        vm.categoryProperty(Category.RELEASED_PRISONER).set(true);
        vm.details().releaseDate().textProperty().set("2021-13-45");
        assertThat(message(PersonField.RELEASE_DATE))
                .isEqualTo("释放日期“2021-13-45”不是有效日期，请按 2024-03-15 的格式填写，或点右边的日历选择。");
        assertThat(vm.validProperty().get()).isFalse();

        vm.details().releaseDate().textProperty().set("2030-01-01");
        assertThat(message(PersonField.RELEASE_DATE)).isEqualTo("释放日期不能晚于今天。");
    }

    @Test
    void save_registersThePerson() {
        fillMinimal("张三丰", ZHANG_ID);
        vm.phone1Property().set("+86 138-0013-8000");
        vm.save(saved::add);
        assertThat(saved).hasSize(1);
        Person p = saved.get(0);
        assertThat(p.data().phone1()).isEqualTo("13800138000");
        assertThat(people.search(PersonQuery.text("zsf")).items()).extracting(r -> r.name()).containsExactly("张三丰");
        assertThat(vm.isDirty()).isFalse();
    }

    @Test
    void duplicateId_isShownNextToTheIdNumberNamingWhoHasIt() {
        TestPeople.elderly(people, "张三丰", ZHANG_ID, "1号楼");
        fillMinimal("张三", ZHANG_ID);
        vm.save(saved::add);

        assertThat(saved).isEmpty();
        assertThat(message(PersonField.ID_NUMBER)).isEqualTo(
                "证件号码 11010519491231002X 已经登记给了 张三丰，同一证件号码不能登记两次。");
        assertThat(vm.validProperty().get()).as("saving again would fail the same way").isFalse();

        vm.idNumberProperty().set(TestPeople.id("19800101", 5));
        assertThat(message(PersonField.ID_NUMBER)).isNull();
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void edit_loadsEveryDetailAndUpdates() {
        Person p = people.register(new org.caredesk.people.PersonDraft("张三丰", null, ZHANG_ID, "汉族", "13800138000",
                null, "锦绣花园", "3号楼", "2单元", "301", null, null, "张小", "女儿", "13900139000", "王社工", null,
                List.of(Membership.releasedPrisoner(LocalDate.of(2021, 3, 15), "盗窃罪", "有期徒刑三年"))));
        vm.load(p);
        assertThat(vm.titleProperty().get()).isEqualTo("编辑人员档案：张三丰");
        assertThat(vm.isEditing()).isTrue();
        assertThat(vm.categoryProperty(Category.RELEASED_PRISONER).get()).isTrue();
        assertThat(vm.details().releaseDate().textProperty().get()).isEqualTo("2021-03-15");
        assertThat(vm.details().offenceProperty().get()).isEqualTo("盗窃罪");
        assertThat(vm.helpEndProperty().get()).isEqualTo("2026-03-15");
        assertThat(vm.messagesProperty().get()).isEmpty();
        assertThat(vm.isDirty()).isFalse();

        vm.buildingProperty().set("5号楼");
        assertThat(vm.isDirty()).isTrue();
        vm.save(saved::add);
        assertThat(saved).hasSize(1);
        Person after = people.find(p.id()).orElseThrow();
        assertThat(after.data().building()).isEqualTo("5号楼");
        assertThat(after.version()).isEqualTo(p.version() + 1);
        assertThat(after.data().memberships()).hasSize(1);
    }

    @Test
    void editingAStaleCopy_saysSomeoneElseChangedIt() {
        Person p = TestPeople.elderly(people, "张三丰", ZHANG_ID, "1号楼");
        vm.load(p);
        people.update(p.id(), p.data(), p.version());
        vm.noteProperty().set("补充说明");
        vm.save(saved::add);
        assertThat(saved).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo("张三丰 的档案刚被别人修改过。请关闭后重新打开，再做修改。");
    }

    // ---------------------------------------------------------------- masked numbers and revealing them

    private Person registerWithNumbers() {
        return people.register(new org.caredesk.people.PersonDraft("张三丰", null, ZHANG_ID, null, "13800138000",
                null, "锦绣花园", "3号楼", null, null, null, null, "张小", "女儿", "13900139000", "王社工", null,
                List.of(Membership.of(Category.ELDERLY_ALONE))));
    }

    private void logInAs(Role role) {
        ctx.session().login(new UserIdentity(UUID.randomUUID(), "u", "u", EnumSet.of(role)), ctx.clock().instant());
        vm = new PersonFormViewModel(people, new DirectTaskRunner());
    }

    @Test
    void frontDesk_seesTheNumbersMasked_withoutReveal_andSavesOtherChangesKeepingThem() {
        Person p = registerWithNumbers();
        logInAs(Role.FRONT_DESK);

        vm.load(people.view(p.id()).orElseThrow());

        assertThat(vm.idNumberProperty().get()).isEqualTo("110***********002X");
        assertThat(vm.phone1Property().get()).isEqualTo("138****8000");
        assertThat(vm.emergencyPhoneProperty().get()).isEqualTo("139****9000");
        assertThat(vm.maskedProperty().get()).isTrue();
        assertThat(vm.canRevealProperty().get()).isFalse();
        assertThat(vm.numbersNoteProperty().get()).startsWith("证件号码和电话号码已部分遮盖。");
        assertThat(vm.idDerivedProperty().get()).as("from the stored number").isEqualTo("出生日期 1949-12-31，性别 女");
        assertThat(vm.messagesProperty().get()).isEmpty();
        assertThat(vm.isDirty()).isFalse();

        vm.buildingProperty().set("5号楼");
        vm.save(saved::add);

        assertThat(saved).singleElement().satisfies(s -> {
            assertThat(s.data().idNumber()).as("the saved file stays masked on screen").isEqualTo("110***********002X");
            assertThat(s.data().phone1()).isEqualTo("138****8000");
        });
        Person stored = people.find(p.id()).orElseThrow();
        assertThat(stored.data().building()).isEqualTo("5号楼");
        assertThat(PersonNumbers.of(stored.data())).isEqualTo(PersonNumbers.of(p.data()));
    }

    @Test
    void frontDesk_replacesAPhone_byTypingTheWholeNewNumber() {
        Person p = registerWithNumbers();
        logInAs(Role.FRONT_DESK);
        vm.load(people.view(p.id()).orElseThrow());

        vm.phone1Property().set("138****8001");
        assertThat(message(PersonField.PHONE1))
                .isEqualTo("联系电话是遮盖后的号码（带 *），不是完整号码。请删去后输入完整的号码。");
        assertThat(vm.validProperty().get()).isFalse();

        vm.phone1Property().set("13700137000");
        assertThat(vm.validProperty().get()).isTrue();
        vm.save(saved::add);

        Person stored = people.find(p.id()).orElseThrow();
        assertThat(stored.data().phone1()).isEqualTo("13700137000");
        assertThat(stored.data().idNumber()).isEqualTo(ZHANG_ID);
        assertThat(stored.data().emergencyPhone()).isEqualTo("13900139000");
    }

    @Test
    void caseworker_revealsThisPersonsNumbers_whichIsNotAChange_andIsLogged() {
        Person p = registerWithNumbers();
        logInAs(Role.CASEWORKER);
        vm.load(people.view(p.id()).orElseThrow());
        assertThat(vm.canRevealProperty().get()).isTrue();

        vm.phone1Property().set("13700137000");
        vm.revealNumbers();

        assertThat(vm.idNumberProperty().get()).isEqualTo(ZHANG_ID);
        assertThat(vm.emergencyPhoneProperty().get()).isEqualTo("13900139000");
        assertThat(vm.phone1Property().get()).as("what the user typed stays").isEqualTo("13700137000");
        assertThat(vm.maskedProperty().get()).isFalse();
        assertThat(vm.canRevealProperty().get()).isFalse();
        assertThat(vm.numbersNoteProperty().get()).isEqualTo("已显示这个人的完整号码，这次查看已记入审计日志。");
        vm.phone1Property().set("13800138000");
        assertThat(vm.isDirty()).as("revealing changes nothing to save").isFalse();

        ctx.session().login(new UserIdentity(UUID.randomUUID(), "a", "a", EnumSet.of(Role.AUDITOR)),
                ctx.clock().instant());
        assertThat(ctx.audit().search(AuditQuery.all()).entries()).filteredOn(e -> "NUMBERS_REVEALED".equals(
                e.action())).singleElement().satisfies(e -> assertThat(e.objectId()).isEqualTo(p.id().toString()));
    }

    @Test
    void aNewForm_hasNothingMaskedAndNoReveal() {
        assertThat(vm.maskedProperty().get()).isFalse();
        assertThat(vm.canRevealProperty().get()).isFalse();
        assertThat(vm.numbersNoteProperty().get()).isEmpty();
    }
}
