package org.caredesk.people.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.caredesk.common.IdNumber;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Enums.PersonStatus;
import org.caredesk.people.Person;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.PersonRow;
import org.caredesk.ui.FxTaskRunner;
import org.caredesk.ui.testing.ShellScreen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The people list and form driven as a front-desk worker would: typing, ticking, clicking, reading the table. Work
 * runs on the real background threads ({@link FxTaskRunner}), so the test waits for results like a person would.
 */
@ExtendWith(ApplicationExtension.class)
class PeopleViewTest {
    private final FxTaskRunner tasks = new FxTaskRunner();
    private PeopleScreen screen;

    @Start
    void start(Stage stage) {
        screen = new PeopleScreen(stage, tasks, ctx -> {
            TestPeople.elderly(ctx.people(), "李四", TestPeople.id("19700101", 3), "2号楼");
            TestPeople.strictCorrection(ctx.people(), "王五", TestPeople.id("19800101", 4), "1号楼");
        });
    }

    @AfterEach
    void close() {
        tasks.close();
        screen.ctx.close();
    }

    private TableView<PersonRow> table(FxRobot robot) {
        return robot.lookup("#peopleTable").queryTableView();
    }

    @SuppressWarnings("unchecked")
    private String cell(FxRobot robot, String columnId, int row) {
        TableColumn<PersonRow, ?> col = (TableColumn<PersonRow, ?>) table(robot).getColumns().stream()
                .filter(c -> columnId.equals(c.getId())).findFirst().orElseThrow();
        Object v = col.getCellData(row);
        return v == null ? null : v.toString();
    }

    /** Scrolls a field of the form into view (the form scrolls to the focused field) and clicks it. */
    private void clickInForm(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        robot.interact(n::requestFocus);
        robot.clickOn(n);
    }

    private void typeInForm(FxRobot robot, String query, String text) {
        clickInForm(robot, query);
        robot.write(text);
    }

    /** Opens a combo box and clicks one of its choices in the popup list. */
    private void choose(FxRobot robot, String comboQuery, String text) {
        robot.clickOn(comboQuery);
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match((javafx.scene.control.ListCell<?> c) -> text.equals(c.getText())).queryAs(Node.class));
    }

    private Node header(FxRobot robot, String columnId) {
        return robot.lookup(".column-header").match((javafx.scene.control.skin.TableColumnHeader h) ->
                h.getTableColumn() != null && columnId.equals(h.getTableColumn().getId())).query();
    }

    private void waitForList(FxRobot robot, int rows) {
        ShellScreen.waitUntil(() -> table(robot).getItems().size() == rows);
    }

    private void search(FxRobot robot, String text) {
        robot.clickOn("#searchField");
        robot.interact(() -> ((TextField) robot.lookup("#searchField").query()).clear());
        robot.write(text);
    }

    @Test
    void buildingFilter_typingPartOfTheName_narrowsTheChoices_andAChoiceFiltersTheList(FxRobot robot) {
        waitForList(robot, 2);
        ShellScreen.waitUntil(() -> robot.lookup("#buildingFilter").queryComboBox().getItems().size() == 3);
        robot.clickOn("#buildingFilter");
        robot.write("2");
        ShellScreen.waitUntil(() -> robot.lookup(".combo-box-popup .list-cell").queryAll().stream()
                .map(n -> ((javafx.scene.control.ListCell<?>) n).getText())
                .filter(t -> t != null && !t.isEmpty()).toList().equals(java.util.List.of("2号楼")));
        Node choice = robot.lookup(".combo-box-popup .list-cell").queryAll().stream()
                .filter(n -> "2号楼".equals(((javafx.scene.control.ListCell<?>) n).getText())).findFirst()
                .orElseThrow();
        robot.clickOn(choice);

        waitForList(robot, 1);
        assertThat(table(robot).getItems().get(0).name()).isEqualTo("李四");
        assertThat(robot.lookup("#buildingFilter").queryComboBox().getValue()).isEqualTo("2号楼");
    }

    @Test
    void registerThroughTheForm_thenFindByPinyinInitials(FxRobot robot) {
        waitForList(robot, 2);
        robot.clickOn("#newButton");
        typeInForm(robot, "#nameField", "张三丰");
        typeInForm(robot, "#idNumberField", "11010519491231002x");
        assertThat(robot.lookup("#idDerivedLabel").queryAs(Label.class).getText())
                .isEqualTo("出生日期 1949-12-31，性别 女");
        typeInForm(robot, "#phone1Field", "138 0013 8000");
        typeInForm(robot, "#buildingField", "3号楼");
        clickInForm(robot, "#releasedCheck");
        typeInForm(robot, "#releaseDatePicker", "2021-03-15");
        typeInForm(robot, "#offenceField", "盗窃罪");
        typeInForm(robot, "#sentenceField", "有期徒刑三年");
        assertThat(robot.lookup("#helpEndLabel").queryAs(Label.class).getText()).isEqualTo("2026-03-15");

        Button save = robot.lookup("#saveButton").queryButton();
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn(save);
        waitForList(robot, 3);
        assertThat(save.getScene().getWindow().isShowing()).as("the form closes after saving").isFalse();

        search(robot, "zsf");
        waitForList(robot, 1);
        assertThat(cell(robot, "nameColumn", 0)).isEqualTo("张三丰");
        assertThat(cell(robot, "idColumn", 0)).isEqualTo("110***********002X");
        assertThat(cell(robot, "categoriesColumn", 0)).isEqualTo("刑满释放人员");
        assertThat(cell(robot, "colourColumn", 0)).isEqualTo(RiskColour.GREEN.name());
        assertThat(cell(robot, "buildingColumn", 0)).isEqualTo("3号楼");
        assertThat(cell(robot, "statusColumn", 0)).isEqualTo("在册");
        assertThat(robot.lookup(".colour-badge").queryAs(Label.class).getText()).isEqualTo("绿");
        assertThat(robot.lookup("#pageLabel").queryAs(Label.class).getText()).isEqualTo("第 1 / 1 页，共 1 人");

        Person stored = screen.ctx.people().search(PersonQuery.text("张三丰")).items().stream().findFirst()
                .flatMap(r -> screen.ctx.people().find(r.id())).orElseThrow();
        assertThat(stored.data().phone1()).isEqualTo("13800138000");
        assertThat(stored.data().memberships().get(0).offence()).isEqualTo("盗窃罪");
    }

    @Test
    void saveButton_staysDisabledWhileTheIdChecksumIsWrong(FxRobot robot) {
        waitForList(robot, 2);
        robot.clickOn("#newButton");
        typeInForm(robot, "#nameField", "张三丰");
        typeInForm(robot, "#idNumberField", "110105194912310021");
        clickInForm(robot, "#elderlyCheck");

        Button save = robot.lookup("#saveButton").queryButton();
        assertThat(save.isDisabled()).isTrue();
        Label problem = robot.lookup("#error-ID_NUMBER").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).isEqualTo("身份证号码最后一位校验码不对，请核对是否有某一位输错了。");
        assertThat(robot.lookup("#idNumberField").query().getStyleClass()).contains("field-error");

        clickInForm(robot, "#idNumberField");
        robot.type(KeyCode.END);
        robot.type(KeyCode.BACK_SPACE);
        robot.write("X");
        assertThat(save.isDisabled()).isFalse();
        assertThat(problem.isVisible()).isFalse();
    }

    @Test
    void aRequiredFieldEmptied_andAWrongNumber_markTheirInputsWithTheSentence_untilTheyAreRight(FxRobot robot) {
        waitForList(robot, 2);
        robot.clickOn("#newButton");
        TextField name = robot.lookup("#nameField").queryAs(TextField.class);
        TextField phone = robot.lookup("#phone1Field").queryAs(TextField.class);
        assertThat(name.getStyleClass()).as("a fresh form is not a wall of red").doesNotContain("field-error");
        assertThat(name.getTooltip()).isNull();

        typeInForm(robot, "#nameField", "张");
        robot.type(KeyCode.BACK_SPACE);
        String required = robot.lookup("#error-NAME").queryAs(Label.class).getText();
        assertThat(required).isNotEmpty();
        assertThat(name.getStyleClass()).contains("field-error");
        assertThat(name.getTooltip().getText()).isEqualTo(required);

        typeInForm(robot, "#phone1Field", "1380013");
        String wrong = robot.lookup("#error-PHONE1").queryAs(Label.class).getText();
        assertThat(wrong).isNotEmpty();
        assertThat(phone.getStyleClass()).contains("field-error");
        assertThat(phone.getTooltip().getText()).isEqualTo(wrong);

        typeInForm(robot, "#nameField", "张三丰");
        assertThat(name.getStyleClass()).doesNotContain("field-error");
        assertThat(name.getTooltip()).isNull();
        typeInForm(robot, "#phone1Field", "8000");
        assertThat(phone.getStyleClass()).doesNotContain("field-error");
        assertThat(phone.getTooltip()).isNull();
    }

    @Test
    void mistypedDate_staysInTheFieldWithItsProblem(FxRobot robot) {
        waitForList(robot, 2);
        robot.clickOn("#newButton");
        typeInForm(robot, "#nameField", "张三丰");
        typeInForm(robot, "#idNumberField", "11010519491231002X");
        clickInForm(robot, "#releasedCheck");
        typeInForm(robot, "#releaseDatePicker", "2021-02-30");
        clickInForm(robot, "#offenceField");
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.DatePicker picker = robot.lookup("#releaseDatePicker").query();
        assertThat(picker.getEditor().getText()).isEqualTo("2021-02-30");
        assertThat(robot.lookup("#error-RELEASE_DATE").queryAs(Label.class).getText()).contains("不是有效日期");
        assertThat(robot.lookup("#saveButton").queryButton().isDisabled()).isTrue();

        typeInForm(robot, "#releaseDatePicker", "");
        robot.interact(() -> picker.getEditor().setText("2021-2-28"));
        clickInForm(robot, "#offenceField");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(picker.getValue()).isEqualTo(java.time.LocalDate.of(2021, 2, 28));
        assertThat(robot.lookup("#helpEndLabel").queryAs(Label.class).getText()).isEqualTo("2026-02-28");
        assertThat(robot.lookup("#saveButton").queryButton().isDisabled()).isFalse();
    }

    @Test
    void doubleClickARow_editsThePerson(FxRobot robot) {
        waitForList(robot, 2);
        robot.doubleClickOn("李四");
        ShellScreen.waitUntil(() -> robot.lookup("#nameField").tryQuery().isPresent());
        TextField name = robot.lookup("#nameField").queryAs(TextField.class);
        assertThat(name.getText()).isEqualTo("李四");
        // The form shows the ID masked, as the list does, until someone with the right reveals it.
        assertThat(robot.lookup("#idNumberField").queryAs(TextField.class).getText())
                .isEqualTo(IdNumber.mask(TestPeople.id("19700101", 3)));

        TextField building = robot.lookup("#buildingField").queryAs(TextField.class);
        robot.interact(building::requestFocus);
        robot.doubleClickOn(building);
        robot.interact(building::clear);
        robot.write("6号楼");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);

        ShellScreen.waitUntil(() -> "6号楼".equals(cell(robot, "buildingColumn", 0))
                || "6号楼".equals(cell(robot, "buildingColumn", 1)));
        assertThat(robot.lookup("#noticeLabel").queryAs(Label.class).getText()).isEqualTo("已保存 李四 的档案。");
        PersonRow li = table(robot).getItems().stream().filter(r -> r.name().equals("李四")).findFirst().orElseThrow();
        assertThat(screen.ctx.people().find(li.id()).orElseThrow().data().idNumber())
                .as("the masked number saved back keeps the stored one").isEqualTo(TestPeople.id("19700101", 3));
    }

    @Test
    void enterOnASelectedRow_opensTheFormToEdit(FxRobot robot) {
        waitForList(robot, 2);
        robot.clickOn("王五");
        robot.type(KeyCode.ENTER);
        ShellScreen.waitUntil(() -> robot.lookup("#nameField").tryQuery().isPresent());
        assertThat(robot.lookup("#nameField").queryAs(TextField.class).getText()).isEqualTo("王五");
        assertThat(robot.lookup("#correctionCheck").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
    }

    @Test
    void closeAFile_thenFindItUnderClosed(FxRobot robot) {
        waitForList(robot, 2);
        robot.clickOn("李四");
        robot.clickOn("#closeButton");
        ShellScreen.waitUntil(() -> robot.lookup("#reasonBox").tryQuery().isPresent());
        assertThat(robot.lookup("#questionLabel").queryAs(Label.class).getText()).isEqualTo("确定要为 李四 销册吗？");
        Button confirm = robot.lookup("#confirmButton").queryButton();
        assertThat(confirm.isDisabled()).as("a reason must be chosen").isTrue();
        choose(robot, "#reasonBox", "迁出");
        robot.clickOn(confirm);

        waitForList(robot, 1);
        assertThat(cell(robot, "nameColumn", 0)).isEqualTo("王五");
        choose(robot, "#statusFilter", "已销册");
        ShellScreen.waitUntil(() -> table(robot).getItems().size() == 1 && "李四".equals(cell(robot, "nameColumn", 0)));
        assertThat(cell(robot, "statusColumn", 0)).isEqualTo("已销册");
        robot.clickOn("李四");
        assertThat(robot.lookup("#closeButton").queryButton().isDisabled()).as("already closed").isTrue();
        assertThat(screen.ctx.people().find(table(robot).getItems().get(0).id()).orElseThrow().status())
                .isEqualTo(PersonStatus.CLOSED);
    }

    @Test
    void clickingTheRiskHeader_sortsInTheDatabase(FxRobot robot) {
        waitForList(robot, 2);
        assertThat(cell(robot, "nameColumn", 0)).as("by name: li before wang").isEqualTo("李四");
        robot.clickOn(header(robot, "colourColumn"));
        ShellScreen.waitUntil(() -> "李四".equals(cell(robot, "nameColumn", 0)));
        robot.clickOn(header(robot, "colourColumn"));
        ShellScreen.waitUntil(() -> "王五".equals(cell(robot, "nameColumn", 0)));
        assertThat(cell(robot, "colourColumn", 0)).isEqualTo(RiskColour.RED.name());
    }

    @Test
    void toolbar_handsImportExportAndTemplateToTheRosterActions(FxRobot robot) {
        waitForList(robot, 2);
        choose(robot, "#colourFilter", "红");
        waitForList(robot, 1);
        robot.clickOn("#exportButton");
        robot.clickOn("#importButton");
        robot.clickOn("#templateButton");
        assertThat(screen.roster.calls).containsExactly("export", "import", "template");
        assertThat(screen.roster.exports.get(0).colour()).isEqualTo(RiskColour.RED);
        assertThat(screen.roster.exports.get(0).status()).isEqualTo(PersonStatus.ACTIVE);
    }

    @Test
    void shortcuts_ctrlFFocusesSearch_ctrlNOpensTheForm(FxRobot robot) {
        waitForList(robot, 2);
        robot.clickOn("李四");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(robot.lookup("#searchField").query().isFocused()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        ShellScreen.waitUntil(() -> robot.lookup("#nameField").tryQuery().isPresent());
        assertThat(robot.lookup("#nameField").query().getScene().getWindow()).isNotEqualTo(
                robot.lookup("#peopleTable").query().getScene().getWindow());
    }

    @Test
    void noMatch_showsAFriendlySentence(FxRobot robot) {
        waitForList(robot, 2);
        search(robot, "不存在");
        waitForList(robot, 0);
        Label placeholder = robot.lookup("#emptyPlaceholder").queryAs(Label.class);
        assertThat(placeholder.getText()).startsWith("没有找到符合条件的人员");
        assertThat(placeholder.isVisible()).isTrue();
    }
}
