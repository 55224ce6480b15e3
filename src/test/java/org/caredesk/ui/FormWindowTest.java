package org.caredesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.caredesk.ui.testing.ScriptedDialogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 16: the one form-window factory gives every window the owner's look, a size that fits and the guard. */
@ExtendWith(ApplicationExtension.class)
class FormWindowTest {
    private Stage main;

    @Start
    void start(Stage stage) {
        StackPane root = new StackPane(new Label("main"));
        root.getStylesheets().add("data:text/css,.root{-fx-base:%23ececec;}");
        root.setStyle("-fx-font-size: 18px;");
        Scene scene = new Scene(root, 300, 200);
        scene.getStylesheets().add("data:text/css,.label{-fx-text-fill:black;}");
        stage.setScene(scene);
        main = stage;
        stage.show();
    }

    @Test
    void aWindow_takesTheOwnersStylesheetsAndFontSize_andIsModalToIt(FxRobot robot) {
        AtomicReference<Stage> opened = new AtomicReference<>();
        StackPane form = new StackPane(new Label("form"));
        robot.interact(() -> opened.set(FormWindow.over(main, form).title("编辑档案").show()));

        Stage s = opened.get();
        assertThat(s.getTitle()).isEqualTo("编辑档案");
        assertThat(s.getOwner()).isSameAs(main);
        assertThat(s.getModality()).isEqualTo(Modality.WINDOW_MODAL);
        assertThat(form.getStylesheets()).containsAll(main.getScene().getStylesheets())
                .containsAll(main.getScene().getRoot().getStylesheets());
        assertThat(form.getStyle()).isEqualTo("-fx-font-size: 18px;");
        robot.interact(s::close);
    }

    @Test
    void aLargeForm_shrinksToFitTheScreen(FxRobot robot) {
        AtomicReference<Stage> opened = new AtomicReference<>();
        robot.interact(() -> opened.set(FormWindow.over(main, new StackPane()).size(5000, 5000).show()));

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = opened.get().getScene();
        assertThat(scene.getWidth()).isLessThanOrEqualTo(screen.getWidth() - 40);
        assertThat(scene.getHeight()).isLessThanOrEqualTo(screen.getHeight() - 40);
        robot.interact(opened.get()::close);
    }

    @Test
    void aSmallForm_keepsItsSize(FxRobot robot) {
        AtomicReference<Stage> opened = new AtomicReference<>();
        robot.interact(() -> opened.set(FormWindow.over(main, new StackPane()).size(620, 440).fixedSize().show()));

        assertThat(opened.get().getScene().getWidth()).isEqualTo(620);
        assertThat(opened.get().getScene().getHeight()).isEqualTo(440);
        assertThat(opened.get().isResizable()).isFalse();
        robot.interact(opened.get()::close);
    }

    @Test
    void theCloseButton_asksBeforeUnsavedInputIsLost(FxRobot robot) {
        AtomicBoolean dirty = new AtomicBoolean(true);
        ScriptedDialogs dialogs = new ScriptedDialogs();
        dialogs.answerConfirm(false).answerConfirm(true);
        DiscardGuard guard = new DiscardGuard(dirty::get, dialogs, "visitForm.discardTitle", "visitForm.discard");
        AtomicReference<Stage> opened = new AtomicReference<>();
        robot.interact(() -> opened.set(FormWindow.over(main, new StackPane()).guard(guard).show()));
        Stage s = opened.get();

        robot.interact(() -> s.fireEvent(new WindowEvent(s, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(s.isShowing()).as("the user kept the input").isTrue();
        robot.interact(() -> s.fireEvent(new WindowEvent(s, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(s.isShowing()).as("the user discarded it").isFalse();
    }

    @Test
    void withoutAnOwner_aProgressWindowBlocksTheProgram(FxRobot robot) {
        AtomicReference<Stage> opened = new AtomicReference<>();
        robot.interact(() -> opened.set(FormWindow.over(null, new StackPane()).modalWithoutOwner().build()));
        assertThat(opened.get().getModality()).isEqualTo(Modality.APPLICATION_MODAL);
    }
}
