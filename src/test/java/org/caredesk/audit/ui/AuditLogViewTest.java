package org.caredesk.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.caredesk.app.AppContext;
import org.caredesk.app.AppShell;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditEntry;
import org.caredesk.common.IdNumber;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.settings.AppSettings;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.ui.MainWindow;
import org.caredesk.ui.testing.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import java.util.Set;
import java.util.UUID;
import java.time.LocalDateTime;
import org.caredesk.settings.Community;
import org.caredesk.app.UsersModule;
import org.caredesk.security.Role;
import org.caredesk.security.UserIdentity;

/** The auditor's screen driven as an auditor would: open it, filter, check the chain, export. */
@ExtendWith(ApplicationExtension.class)
class AuditLogViewTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    static Path dir;

    private AppContext ctx;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    static String id(int sequence) {
        String first17 = "110105" + "19800101" + String.format("%03d", sequence);
        return first17 + IdNumber.checkChar(first17);
    }

    @Start
    void start(Stage stage) {
        ctx = AppContext.inMemory(dir.resolve("data"), CLOCK);
        // The shell needs a community to show; not stored, so the log holds only the entries made below.
        Community community = new Community(UUID.randomUUID(), "测试社区", false, LocalDateTime.now(CLOCK));
        ctx.actAs(() -> "wang");
        Person zhang = ctx.people().register(PersonDraft.minimal("张三丰", id(11),
                List.of(Membership.of(Category.ELDERLY_ALONE))));
        ctx.people().update(zhang.id(), PersonDraft.minimal("张三丰", id(11),
                List.of(Membership.of(Category.DISABLED).toBuilder()
                        .disabilityKind(org.caredesk.people.Enums.DisabilityKind.PHYSICAL).build())), 0);
        ctx.actAs(() -> "li");
        ctx.people().register(PersonDraft.minimal("李四", id(12), List.of(Membership.of(Category.ELDERLY_ALONE))));
        ctx.actAs(() -> "auditor");
        UsersModule.session(ctx).login(new UserIdentity(UUID.randomUUID(), "auditor", "审计员",
                Set.of(Role.AUDITOR)), Instant.EPOCH);
        AppShell shell = new AppShell(ctx, new DirectTaskRunner(), dialogs, saved -> { });
        MainWindow main = shell.build(community);
        AppShell.style(main.root(), AppSettings.DEFAULTS);
        stage.setScene(new Scene(main.root(), 1366, 768));
        stage.show();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private TableView<AuditEntry> table(FxRobot robot) {
        return robot.lookup("#auditTable").queryTableView();
    }

    @Test
    void opening_showsEveryEntryNewestFirst_readOnly(FxRobot robot) {
        robot.clickOn("#nav-audit");

        TableView<AuditEntry> table = table(robot);
        assertThat(table.getItems()).extracting(AuditEntry::action)
                .containsExactly("PERSON_CREATED", "PERSON_UPDATED", "PERSON_CREATED");
        assertThat(table.isEditable()).isFalse();
        assertThat(robot.lookup("#pageLabel").queryAs(Label.class).getText()).isEqualTo("第 1 / 1 页，共 3 条");
        // Nothing on the screen offers to change an entry: its only buttons read, check, export and page.
        List<String> buttons = robot.lookup(".button").queryAll().stream().map(Node::getId)
                .filter(id -> id != null && !id.startsWith("nav-")).toList();
        assertThat(buttons).containsExactlyInAnyOrder("verifyButton", "exportButton", "clearButton",
                "cancelExportButton", "previousButton", "nextButton");
        assertThat(robot.lookup("#detailArea").queryAs(TextArea.class).isEditable()).isFalse();
    }

    @Test
    void selectingAnEntry_showsItsChanges(FxRobot robot) {
        robot.clickOn("#nav-audit");

        robot.clickOn("张三丰");

        String shown = robot.lookup("#detailArea").queryAs(TextArea.class).getText();
        assertThat(shown).contains("wang").contains("修改档案").contains("人员类别：独居老人 → （空）");
    }

    @Test
    void filteringByUserAndText_narrowsTheTable(FxRobot robot) {
        robot.clickOn("#nav-audit");
        ComboBox<String> users = robot.lookup("#userFilter").queryComboBox();
        assertThat(users.getItems()).containsExactly(null, "li", "wang");

        robot.interact(() -> users.setValue("wang"));
        assertThat(table(robot).getItems()).extracting(AuditEntry::userName).containsOnly("wang").hasSize(2);

        robot.clickOn("#clearButton");
        robot.clickOn("#textField").write("李");
        robot.sleep(400);
        assertThat(table(robot).getItems()).extracting(AuditEntry::objectLabel).containsExactly("李四");

        ComboBox<AuditAction> actions = robot.lookup("#actionFilter").queryComboBox();
        robot.interact(() -> actions.setValue(AuditAction.PERSON_UPDATED));
        assertThat(table(robot).getItems()).isEmpty();
        assertThat(robot.lookup("#auditPlaceholder").queryAs(Label.class).getText())
                .startsWith("没有符合条件的记录");
    }

    @Test
    void checkTheLog_saysItIsIntact_thenNamesTheTamperedEntry(FxRobot robot) throws Exception {
        robot.clickOn("#nav-audit");

        robot.clickOn("#verifyButton");
        assertThat(robot.lookup("#checkLabel").queryAs(Label.class).getText()).isEqualTo("审计日志完整，共 3 条。");
        assertThat(robot.lookup("#checkBox").query().getStyleClass()).contains("intact");

        try (Connection c = ctx.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update audit_log set user_name = 'li' where seq = 2");
        }
        robot.clickOn("#verifyButton");

        assertThat(robot.lookup("#checkLabel").queryAs(Label.class).getText())
                .isEqualTo("第 2 条记录（2025-06-01 10:00:00）在程序之外被改动过，内容与当初写下的不一致。");
        assertThat(robot.lookup("#checkBox").query().getStyleClass()).contains("broken");
        assertThat(robot.lookup("#adviceLabel").queryAs(Label.class).isVisible()).isTrue();
    }

    @Test
    void export_writesTheFileAndTheExportAppearsInTheLog(FxRobot robot) {
        Path file = dir.resolve("审计导出");
        dialogs.chooseFile(file);
        robot.clickOn("#nav-audit");

        robot.clickOn("#exportButton");

        assertThat(Files.exists(dir.resolve("审计导出.xlsx"))).isTrue();
        assertThat(robot.lookup("#noticeLabel").queryAs(Label.class).getText()).startsWith("已导出 3 条记录");
        AuditEntry newest = table(robot).getItems().get(0);
        assertThat(newest.knownAction()).contains(AuditAction.EXPORT);
        assertThat(newest.userName()).isEqualTo("auditor");
        assertThat(robot.lookup("#exportButton").queryAs(Button.class).isDisabled()).isFalse();
    }
}
