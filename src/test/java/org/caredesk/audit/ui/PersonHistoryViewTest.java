package org.caredesk.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.caredesk.app.AppContext;
import org.caredesk.app.AppShell;
import org.caredesk.audit.ui.PersonHistoryViewModel.Line;
import org.caredesk.common.IdNumber;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.settings.AppSettings;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.ui.testing.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A person's change history as the shell builds it, over the real people service and audit log. */
@ExtendWith(ApplicationExtension.class)
class PersonHistoryViewTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private AppContext ctx;
    private PersonHistoryView view;
    private Person person;
    private AppShell shell;
    private Stage owner;

    @Start
    void start(Stage stage) {
        ctx = AppContext.inMemory(Path.of("target", "history-view-test"), CLOCK);
        ctx.settings().createCommunity("测试社区", false);
        String first17 = "11010519800101011";
        String id = first17 + IdNumber.checkChar(first17);
        ctx.actAs(() -> "wang");
        person = ctx.people().register(new PersonDraft("张三丰", null, id, null, "13800138000", null, null, null, null,
                null, null, null, null, null, null, null, null, List.of(Membership.of(Category.ELDERLY_ALONE))));
        ctx.actAs(() -> "li");
        Person edited = ctx.people().update(person.id(), new PersonDraft("张三丰", null, id, null, "13900139000", null,
                null, null, null, null, null, null, null, null, null, null, "每周电话",
                List.of(Membership.of(Category.ELDERLY_ALONE))), 0);
        ctx.people().close(person.id(), CloseReason.MOVED_AWAY, LocalDate.now(CLOCK), null, edited.version());
        ctx.people().view(person.id());
        owner = stage;
        shell = new AppShell(ctx, new DirectTaskRunner(), new ScriptedDialogs(), saved -> { });
        var loaded = shell.loader().load(PersonHistoryView.class);
        view = loaded.controller();
        AppShell.style(loaded.root(), AppSettings.DEFAULTS);
        stage.setScene(new Scene(loaded.root(), 900, 560));
        stage.show();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @SuppressWarnings("unchecked")
    private static String cell(TableView<Line> table, String columnId, int row) {
        TableColumn<Line, ?> col = (TableColumn<Line, ?>) table.getColumns().stream()
                .filter(c -> columnId.equals(c.getId())).findFirst().orElseThrow();
        Object v = col.getCellData(row);
        return v == null ? null : v.toString();
    }

    @Test
    void showsWhoChangedWhatAndWhen_newestFirst_withoutViews(FxRobot robot) {
        robot.interact(() -> view.load(person.id(), "张三丰"));

        TableView<Line> table = robot.lookup("#historyTable").queryTableView();
        assertThat(robot.lookup("#titleLabel").queryAs(Label.class).getText()).isEqualTo("变更记录：张三丰");
        assertThat(table.isEditable()).isFalse();
        assertThat(cell(table, "actionColumn", 0)).isEqualTo("销册");
        assertThat(cell(table, "userColumn", 0)).isEqualTo("li");
        assertThat(cell(table, "fieldColumn", 0)).isEqualTo("档案状态");
        assertThat(cell(table, "oldColumn", 0)).isEqualTo("在册");
        assertThat(cell(table, "newColumn", 0)).isEqualTo("已销册");
        assertThat(table.getItems()).extracting(Line::action).doesNotContain("查看档案");
        int update = table.getItems().indexOf(table.getItems().stream()
                .filter(l -> l.action().equals("修改档案")).findFirst().orElseThrow());
        assertThat(cell(table, "fieldColumn", update)).isEqualTo("联系电话");
        assertThat(cell(table, "oldColumn", update)).isEqualTo("138****8000");
        assertThat(cell(table, "newColumn", update)).isEqualTo("139****9000");
        assertThat(cell(table, "fieldColumn", update + 1)).isEqualTo("备注");
        assertThat(cell(table, "userColumn", update + 1)).as("time, user, action only on an entry's first line")
                .isEmpty();
        Line last = table.getItems().get(table.getItems().size() - 1);
        assertThat(last.action()).isEqualTo("新建档案");
        assertThat(last.user()).isEqualTo("wang");
    }

    @Test
    void show_opensItsOwnWindowOverTheOwner_andCloseClosesIt(FxRobot robot) {
        robot.interact(() -> shell.loader().load(PersonHistoryView.class).controller()
                .show(owner, person.id(), "张三丰"));

        Stage window = (Stage) robot.lookup("#historyTable").match(n -> n.getScene().getWindow() != owner)
                .query().getScene().getWindow();
        assertThat(window.getTitle()).isEqualTo("变更记录：张三丰");
        assertThat(window.getOwner()).isSameAs(owner);

        robot.interact(() -> robot.lookup("#closeButton").match(n -> n.getScene().getWindow() == window)
                .queryButton().fire());
        assertThat(window.isShowing()).isFalse();
    }
}
