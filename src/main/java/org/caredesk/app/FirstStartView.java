package org.caredesk.app;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.caredesk.common.I18n;
import org.caredesk.settings.Community;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.TaskRunner;

/**
 * Shown once, when a data folder has no community yet: start an empty community (its name) or open the demo.
 */
public final class FirstStartView {
    private final VBox root = new VBox(14);

    public FirstStartView(AppContext ctx, TaskRunner tasks, Consumer<Community> onDone) {
        root.setPadding(new Insets(28, 32, 28, 32));
        root.setPrefWidth(560);
        root.getStyleClass().add("first-start");
        Label title = new Label(I18n.get("firstStart.title"));
        title.getStyleClass().add("page-title");
        Label intro = new Label(I18n.get("firstStart.intro", ctx.dataDir().toString()));
        intro.setWrapText(true);

        CommunityPicker choice = new CommunityPicker("firstStart.demoHint");

        Label error = new Label();
        error.setId("firstStart-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setVisible(false);
        busy.setPrefSize(24, 24);
        Button start = new Button(I18n.get("firstStart.start"));
        start.setId("firstStart-start");
        start.setDefaultButton(true);
        start.getStyleClass().add("accent");
        start.setOnAction(e -> {
            error.setText("");
            start.setDisable(true);
            busy.setVisible(true);
            boolean isDemo = choice.isDemo();
            String typed = choice.name();
            tasks.run(p -> isDemo ? DemoCommunity.create(ctx) : ctx.settings().createCommunity(typed, false),
                    onDone, ex -> {
                        start.setDisable(false);
                        busy.setVisible(false);
                        error.setText(ErrorMessages.of(ex));
                    });
        });
        HBox actions = new HBox(12, start, busy);
        root.getChildren().addAll(title, intro);
        root.getChildren().addAll(choice.nodes());
        root.getChildren().addAll(actions, error);
    }

    public Parent root() {
        return root;
    }
}
