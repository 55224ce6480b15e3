package org.caredesk.incidents.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.caredesk.common.I18n;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Person;
import org.caredesk.people.PersonRow;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.risk.ColourSource;
import org.caredesk.incidents.Incident;
import org.caredesk.incidents.IncidentStatus;
import org.caredesk.common.IncidentType;
import org.caredesk.incidents.NotifiedParty;
import org.caredesk.visits.VisitsFixture;
import org.caredesk.risk.WorkListFilter;
import org.caredesk.ui.TimeText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incident form without a toolkit: finding the person, checking the fields, recording, completing, closing. */
class IncidentFormViewModelTest {
    @TempDir
    Path dir;
    private VisitsFixture f;
    private IncidentFormViewModel vm;
    private Person green;
    private final List<Incident> saved = new ArrayList<>();

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        f = new VisitsFixture(dir);
        green = f.register("张桂兰", "3栋", "周敏", VisitsFixture.elderly());
        f.register("张桂芳", "4栋", "周敏", VisitsFixture.elderly());
        vm = form();
    }

    private IncidentFormViewModel form() {
        return new IncidentFormViewModel(f.ctx.incidents(), f.ctx.people(), new DirectTaskRunner(), f.clock);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private void fillFor(Person p) {
        vm.personSearchProperty().set(p.name());
        vm.searchPeople();
        vm.choose(vm.personResults().get(0));
        vm.typeProperty().set(IncidentType.MISSING);
        vm.actionsTakenProperty().set("通知家属，一起寻找");
    }

    private RiskColour colourOf(Person p) {
        return f.ctx.board().people(WorkListFilter.ALL, null, null, 0, 50).items().stream()
                .filter(b -> b.personId().equals(p.id())).findFirst().orElseThrow().colour();
    }

    @Test
    void aNewForm_startsNow_andSaysWhatIsMissing() {
        assertThat(vm.date().value()).isEqualTo(f.today());
        assertThat(vm.timeProperty().get()).isEqualTo("09:00");
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.todoProperty().get()).isEqualTo("还需填写：事件当事人、事件类型、处置措施");
        assertThat(vm.titleProperty().get()).isEqualTo("记录应急事件");
    }

    @Test
    void thePeopleSearch_findsByPinyinInitials_andChoosingTakesThePerson() {
        vm.personSearchProperty().set("zgl");
        vm.searchPeople();
        assertThat(vm.personResults()).extracting(PersonRow::name).containsExactly("张桂兰");
        vm.choose(vm.personResults().get(0));
        assertThat(vm.subjectProperty().get()).isEqualTo(new IncidentFormViewModel.Subject(green.id(), "张桂兰"));
        assertThat(vm.personResults()).isEmpty();
        assertThat(vm.personSearchProperty().get()).as("the search is done").isEmpty();

        vm.personSearchProperty().set("不存在的人");
        vm.searchPeople();
        assertThat(vm.personResults()).isEmpty();
        assertThat(vm.searchNoteProperty().get()).startsWith("没有找到这个人");
    }

    @Test
    void save_recordsTheIncident_andThePersonIsRedAtOnce() {
        assertThat(colourOf(green)).isEqualTo(RiskColour.GREEN);
        fillFor(green);
        vm.notifiedProperty(NotifiedParty.FAMILY).set(true);
        vm.notifiedProperty(NotifiedParty.POLICE).set(true);
        vm.timeProperty().set("8:15");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.canCloseProperty().get()).as("closing needs an outcome").isFalse();

        vm.save(saved::add);

        assertThat(saved).hasSize(1);
        Incident i = saved.get(0);
        assertThat(i.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(i.data().occurredAt()).isEqualTo(LocalDateTime.of(2025, 6, 2, 8, 15));
        assertThat(i.data().notified()).containsExactly(NotifiedParty.POLICE, NotifiedParty.FAMILY);
        assertThat(f.ctx.incidents().forPerson(green.id())).hasSize(1);
        assertThat(colourOf(green)).isEqualTo(RiskColour.RED);
        List<org.caredesk.risk.ColourChange> timeline = f.ctx.colours().timeline(green.id());
        assertThat(timeline.get(timeline.size() - 1).source()).isEqualTo(ColourSource.INCIDENT);
    }

    @Test
    void aTimeThatCannotBeRead_orLaterThanNow_isNamedUnderTheField() {
        fillFor(green);
        vm.timeProperty().set("25:00");
        assertThat(vm.messagesProperty().get().get(IncidentFormViewModel.OCCURRED_AT))
                .isEqualTo("发生时间“25:00”看不懂，请写成 09:30 这样。");
        assertThat(vm.validProperty().get()).isFalse();
        vm.timeProperty().set("10:30");
        assertThat(vm.messagesProperty().get().get(IncidentFormViewModel.OCCURRED_AT))
                .isEqualTo("发生时间不能晚于现在。");
        vm.date().textProperty().set("2025-06-31");
        assertThat(vm.messagesProperty().get().get(IncidentFormViewModel.OCCURRED_AT)).contains("2025-06-31");
        vm.date().textProperty().set("2025-06-01");
        assertThat(vm.messagesProperty().get()).isEmpty();
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void times_asPeopleTypeThem() {
        assertThat(TimeText.parse("9:05")).contains(LocalTime.of(9, 5));
        assertThat(TimeText.parse(" 21：30 ")).contains(LocalTime.of(21, 30));
        assertThat(TimeText.parse("７.４５")).contains(LocalTime.of(7, 45));
        assertThat(TimeText.parse("24:00")).isEmpty();
        assertThat(TimeText.parse("9点")).isEmpty();
        assertThat(TimeText.parse("")).isEmpty();
    }

    @Test
    void aTooLongText_isRefusedBeforeSaving() {
        fillFor(green);
        vm.descriptionProperty().set("字".repeat(IncidentFormViewModel.TEXT_LENGTH + 1));
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.messagesProperty().get().get(IncidentFormViewModel.DESCRIPTION))
                .isEqualTo("事件经过最多 2000 个字。");
    }

    @Test
    void saveAndClose_recordsAndClosesWithTheOutcome() {
        fillFor(green);
        vm.saveAndClose(saved::add);
        assertThat(saved).as("no outcome, nothing saved").isEmpty();
        assertThat(vm.messagesProperty().get().get(IncidentFormViewModel.OUTCOME)).isEqualTo("办结前请填写处置结果。");
        assertThat(f.ctx.incidents().forPerson(green.id())).isEmpty();

        vm.outcomeProperty().set("当晚在公园找到，已送回家");
        assertThat(vm.canCloseProperty().get()).isTrue();
        vm.saveAndClose(saved::add);
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(f.ctx.incidents().open(0, 10).total()).isZero();
        assertThat(colourOf(green)).as("red until someone has looked at the person again").isEqualTo(RiskColour.RED);
    }

    @Test
    void anOpenIncident_isCompletedThenClosed_keepingItsPerson() {
        fillFor(green);
        vm.save(saved::add);
        f.advance(Duration.ofHours(2));

        IncidentFormViewModel edit = form();
        edit.load(f.ctx.incidents().find(saved.get(0).id()).orElseThrow());
        assertThat(edit.isEditing()).isTrue();
        assertThat(edit.titleProperty().get()).isEqualTo("张桂兰 的应急事件：补充或办结");
        assertThat(edit.explainProperty().get()).startsWith("caseworker 于 2025-06-02 09:00 记录。");
        assertThat(edit.actionsTakenProperty().get()).isEqualTo("通知家属，一起寻找");
        edit.choose(new PersonRow(java.util.UUID.randomUUID(), "别人", "", "", Set.of(), RiskColour.GREEN, null,
                null, null, null));
        assertThat(edit.subjectProperty().get().id()).as("the person stays").isEqualTo(green.id());

        edit.notifiedProperty(NotifiedParty.HOSPITAL).set(true);
        edit.save(saved::add);
        assertThat(saved.get(1).version()).isEqualTo(1);
        assertThat(saved.get(1).data().notified()).containsExactly(NotifiedParty.HOSPITAL);

        IncidentFormViewModel closing = form();
        closing.load(saved.get(1));
        closing.outcomeProperty().set("已找到");
        closing.saveAndClose(saved::add);
        assertThat(saved.get(2).status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(saved.get(2).data().outcome()).isEqualTo("已找到");
    }

    @Test
    void anEditByTwoPeopleAtOnce_isOneSentence_andTheFormStays() {
        fillFor(green);
        vm.save(saved::add);
        IncidentFormViewModel first = form();
        first.load(saved.get(0));
        IncidentFormViewModel second = form();
        second.load(saved.get(0));
        first.descriptionProperty().set("先保存的");
        first.save(saved::add);
        second.descriptionProperty().set("后保存的");
        second.save(saved::add);
        assertThat(saved).hasSize(2);
        assertThat(second.errorProperty().get()).isEqualTo("这条应急事件刚被别人修改过。请关闭后重新打开，再做修改。");
        assertThat(second.descriptionProperty().get()).isEqualTo("后保存的");
        assertThat(second.validProperty().get()).isTrue();
    }

    @Test
    void fromThePersonsFile_thePersonIsChosenAlready() {
        vm.forPerson(green.id(), green.name());
        vm.typeProperty().set(IncidentType.DISPUTE);
        vm.actionsTakenProperty().set("调解");
        assertThat(vm.validProperty().get()).isTrue();
        vm.save(saved::add);
        assertThat(saved.get(0).data().personId()).isEqualTo(green.id());
    }
}
