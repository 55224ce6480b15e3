package org.caredesk.roster.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caredesk.app.AppContext;
import org.caredesk.app.AppShell;
import org.caredesk.app.DemoCommunity;
import org.caredesk.common.I18n;
import org.caredesk.people.PersonQuery;
import org.caredesk.roster.service.ImportProblem;
import org.caredesk.roster.service.RosterExporter;
import org.caredesk.roster.service.RosterImporter;
import org.caredesk.security.Role;
import org.caredesk.security.UserIdentity;
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
        // The shell's own loader: the dialog's controller must be registered where the application builds views.
        ViewLoader loader = new AppShell(ctx, new DirectTaskRunner(), dialogs, saved -> { }).loader();
        actions = new FxRosterActions(new RosterImporter(ctx.people()),
                new RosterExporter(ctx.people(), ctx.tempDir()), new DirectTaskRunner(), dialogs, loader,
                () -> stage, ctx.tempDir());
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
        } catch (IOException e) {
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
    void export_byADirector_asksFirst_andWritesTheMaskedListByDefault(FxRobot robot) throws Exception {
        robot.interact(() -> DemoCommunity.create(ctx));
        Path target = dir.resolve("导出");
        dialogs.chooseFile(target);

        robot.interact(() -> actions.exportRoster(PersonQuery.all()));
        assertThat(robot.lookup("#maskedRadio").queryAs(RadioButton.class).isSelected()).isTrue();
        robot.clickOn("#nextButton");

        assertThat(dir.resolve("导出.xlsx")).isRegularFile();
        assertThat(dialogs.infos()).containsExactly("已导出 105 人，保存在“导出.xlsx”。身份证号码和电话号码已部分遮盖。");
        assertThat(idCells(dir.resolve("导出.xlsx"))).allMatch(id -> id.contains("*"));
    }

    @Test
    void export_withFullNumbers_needsAReason_andSaysTheFileHoldsThem(FxRobot robot) throws Exception {
        robot.interact(() -> DemoCommunity.create(ctx));
        dialogs.chooseFile(dir.resolve("完整"));

        robot.interact(() -> actions.exportRoster(PersonQuery.all()));
        robot.clickOn("#fullRadio");
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).as("no reason yet").isTrue();
        robot.clickOn("#reasonArea").write("区综治中心核对名单");
        robot.clickOn("#nextButton");

        Path file = dir.resolve("完整.xlsx");
        assertThat(dialogs.infos()).containsExactly(
                "已导出 105 人，保存在“完整.xlsx”。文件中是完整的证件号码和电话号码，请妥善保管；这次导出和原因已记入审计日志。");
        assertThat(idCells(file)).hasSize(105).noneMatch(id -> id.contains("*"));
    }

    @Test
    void export_byTheFrontDesk_asksNothing_andIsMasked(FxRobot robot) throws Exception {
        robot.interact(() -> DemoCommunity.create(ctx));
        ctx.session().login(new UserIdentity(UUID.randomUUID(), "li", "li", EnumSet.of(Role.FRONT_DESK)),
                ctx.clock().instant());
        dialogs.chooseFile(dir.resolve("前台"));

        robot.interact(() -> actions.exportRoster(PersonQuery.all()));

        assertThat(robot.lookup("#fullRadio").tryQuery()).isEmpty();
        assertThat(dialogs.infos()).containsExactly("已导出 105 人，保存在“前台.xlsx”。身份证号码和电话号码已部分遮盖。");
        assertThat(idCells(dir.resolve("前台.xlsx"))).allMatch(id -> id.contains("*"));
    }

    /** The ID numbers of an exported list, below the header. */
    private static List<String> idCells(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Row row : wb.getSheetAt(0)) {
                if (row.getRowNum() > 0) {
                    ids.add(row.getCell(1).getStringCellValue());
                }
            }
        }
        return ids;
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
