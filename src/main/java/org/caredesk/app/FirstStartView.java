package org.caredesk.app;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
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

        ToggleGroup choice = new ToggleGroup();
        RadioButton empty = new RadioButton(I18n.get("firstStart.empty"));
        empty.setId("firstStart-empty");
        empty.setToggleGroup(choice);
        empty.setSelected(true);
        TextField name = new TextField();
        name.setId("firstStart-name");
        name.setPromptText(I18n.get("firstStart.namePrompt"));
        VBox.setMargin(name, new Insets(0, 0, 0, 26));
        RadioButton demo = new RadioButton(I18n.get("firstStart.demo"));
        demo.setId("firstStart-demo");
        demo.setToggleGroup(choice);
        Label demoHint = new Label(I18n.get("firstStart.demoHint"));
        demoHint.setWrapText(true);
        demoHint.getStyleClass().add("hint");
        VBox.setMargin(demoHint, new Insets(0, 0, 0, 26));
        name.disableProperty().bind(demo.selectedProperty());

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
            boolean isDemo = demo.isSelected();
            String typed = name.getText();
            tasks.run(p -> isDemo ? DemoCommunity.create(ctx) : ctx.settings().createCommunity(typed, false),
                    onDone, ex -> {
                        start.setDisable(false);
                        busy.setVisible(false);
                        error.setText(ErrorMessages.of(ex));
                    });
        });
        HBox actions = new HBox(12, start, busy);
        root.getChildren().addAll(title, intro, empty, name, demo, demoHint, actions, error);
    }

    public Parent root() {
        return root;
    }
}
