package org.caredesk.people.ui.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.caredesk.app.AppContext;
import org.caredesk.app.AppShell;
import org.caredesk.app.ControllerFactory;
import org.caredesk.app.DemoCommunity;
import org.caredesk.common.I18n;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.service.ImportProblem;
import org.caredesk.people.service.RosterExporter;
import org.caredesk.people.service.RosterImporter;
import org.caredesk.settings.AppSettings;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.ui.ViewLoader;
import org.caredesk.ui.testing.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Drives the roster actions as a user would: choose a file, read the problems, import, export. */
@ExtendWith(ApplicationExtension.class)
class FxRosterActionsTest {
    @TempDir
    Path dir;
    private AppContext ctx;
    private Stage stage;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final AtomicInteger afterImport = new AtomicInteger();
    private FxRosterActions actions;

    @Start
    void start(Stage primary) {
        I18n.setLocale(I18n.CHINESE);
        stage = primary;
        ctx = AppContext.inMemory(dir.resolve("data"), Clock.systemDefaultZone());
        ControllerFactory controllers = new ControllerFactory().register(ImportView.class, c -> new ImportView());
        actions = new FxRosterActions(new RosterImporter(ctx.people()),
                new RosterExporter(ctx.people(), ctx.tempDir()), new DirectTaskRunner(), dialogs,
                new ViewLoader(controllers), () -> stage, ctx.tempDir());
        Button importButton = new Button("导入");
        importButton.setId("importRoster");
        importButton.setOnAction(e -> actions.importRoster(afterImport::incrementAndGet));
        VBox root = new VBox(importButton);
        AppShell.style(root, AppSettings.DEFAULTS);
        stage.setScene(new Scene(root, 1366, 768));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> w != stage)
                .forEach(Window::hide));
        ctx.close();
    }

    private static List<String> shownTexts(FxRobot robot, String columnId) {
        List<String> texts = new ArrayList<>();
        for (Node n : robot.lookup(".table-cell").queryAll()) {
            TableCell<?, ?> cell = (TableCell<?, ?>) n;
            if (cell.getTableColumn() == null || !columnId.equals(cell.getTableColumn().getId()) || cell.isEmpty()) {
                continue;
            }
            // Long sentences are drawn by a wrapping Text graphic, short ones as the cell's own text.
            String shown = cell.getGraphic() instanceof Text t ? t.getText() : cell.getText();
            if (shown != null) {
                texts.add(shown);
            }
        }
        return texts;
    }

    @Test
    void errorSample_showsEveryProblemInTheTable_andWritesNothing(FxRobot robot) {
        dialogs.chooseFile(Path.of("sample-data", "people-with-errors.xlsx"));

        robot.clickOn("#importRoster");

        TableView<ImportProblem> table = robot.lookup("#problemTable").queryTableView();
        assertThat(table.getItems()).hasSize(10);
        Label summary = robot.lookup("#summaryLabel").queryAs(Label.class);
        assertThat(summary.getText()).isEqualTo("共读取 13 行，发现 10 个问题，没有导入任何人员。请在 Excel 中改正后重新导入。");
        assertThat(table.getColumns().get(0).getCellData(0)).isEqualTo("3");
        assertThat(table.getColumns().get(1).getCellData(0)).isEqualTo("证件号码");
        assertThat(table.getColumns().get(2).getCellData(0)).isEqualTo("身份证号码最后一位校验码不对，请核对是否有某一位输错了。");
        assertThat(table.getColumns().get(0).getCellData(2)).isEqualTo("5");
        assertThat((String) table.getColumns().get(2).getCellData(2)).startsWith("证件号码被存成了数字。Excel 的数字最多只保留 15 位");
        assertThat(table.getColumns().get(1).getCellData(6)).isEqualTo("矫正结束日期");
        assertThat(table.getColumns().get(2).getCellData(7)).isEqualTo("危险性等级应为 0 到 5，现在是 7。");

        List<String> shownRows = shownTexts(robot, "rowColumn");
        assertThat(shownRows).startsWith("3", "4", "5", "6", "7");
        assertThat(shownTexts(robot, "problemColumn")).contains("请填写姓名。",
                "身份证号码应为 18 位，现在是 17 位。");
        assertThat(robot.lookup("#importButton").queryButton().isDisabled()).isTrue();
        assertThat(ctx.people().count()).isZero();
        assertThat(afterImport.get()).isZero();

        robot.clickOn("#closeButton");
        assertThat(robot.lookup("#problemTable").tryQuery()).isEmpty();
        try (var left = Files.list(ctx.tempDir())) {
            assertThat(left).as("the checked copy is deleted with the dialog").isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void goodSample_isCheckedAndCounted_thenImported(FxRobot robot) {
        dialogs.chooseFile(Path.of("sample-data", "people.xlsx"));

        robot.clickOn("#importRoster");

        assertThat(robot.lookup("#summaryLabel").queryAs(Label.class).getText()).isEqualTo("检查通过：可以导入 105 人。");
        assertThat(robot.lookup("#problemTable").queryTableView().getItems()).isEmpty();
        assertThat(ctx.people().count()).as("the dry run writes nothing").isZero();

        robot.clickOn("#importButton");

        assertThat(dialogs.infos()).containsExactly("已导入 105 人。");
        assertThat(ctx.people().count()).isEqualTo(105);
        assertThat(afterImport.get()).isEqualTo(1);
        assertThat(robot.lookup("#problemTable").tryQuery()).isEmpty();
    }

    @Test
    void notAnExcelFile_getsOneSentence(FxRobot robot) throws Exception {
        Path fake = Files.writeString(dir.resolve("名单.xlsx"), "姓名,证件号码\n");
        dialogs.chooseFile(fake);

        robot.clickOn("#importRoster");

        assertThat(dialogs.errors()).hasSize(1);
        assertThat(dialogs.errors().get(0)).startsWith("“名单.xlsx”不是 Excel 工作簿（.xlsx）");
        assertThat(robot.lookup("#problemTable").tryQuery()).isEmpty();
    }

    @Test
    void export_writesTheListAndSaysHowMany(FxRobot robot) {
        robot.interact(() -> DemoCommunity.create(ctx));
        Path target = dir.resolve("导出");
        dialogs.chooseFile(target);

        robot.interact(() -> actions.exportRoster(PersonQuery.all()));

        assertThat(dir.resolve("导出.xlsx")).isRegularFile();
        assertThat(dialogs.infos()).containsExactly("已导出 105 人，保存在“导出.xlsx”。身份证号码和电话号码已部分遮盖。");
    }

    @Test
    void template_isWrittenWhereChosen(FxRobot robot) {
        Path target = dir.resolve("模板.xlsx");
        dialogs.chooseFile(target);

        robot.interact(() -> actions.writeTemplate());

        assertThat(target).isRegularFile();
        assertThat(dialogs.infos()).hasSize(1);
        assertThat(dialogs.infos().get(0)).startsWith("导入模板已保存到“模板.xlsx”");
    }
}
