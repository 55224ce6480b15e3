package org.caredesk.app;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.caredesk.common.I18n;

/**
 * The first start's choice of community: an empty one with its name, or the demo. The first-start screen of an
 * existing key and the set-up of a new folder both ask it in the same words, so it is built once here.
 */
final class CommunityPicker {
    private final ToggleGroup group = new ToggleGroup();
    private final RadioButton empty = new RadioButton(I18n.get("firstStart.empty"));
    private final TextField name = new TextField();
    private final RadioButton demo = new RadioButton(I18n.get("firstStart.demo"));
    private final Label demoHint;

    /** @param demoHintKey the sentence under 演示数据, which differs by screen */
    CommunityPicker(String demoHintKey) {
        empty.setId("firstStart-empty");
        empty.setToggleGroup(group);
        empty.setSelected(true);
        name.setId("firstStart-name");
        name.setPromptText(I18n.get("firstStart.namePrompt"));
        VBox.setMargin(name, new Insets(0, 0, 0, 26));
        demo.setId("firstStart-demo");
        demo.setToggleGroup(group);
        demoHint = new Label(I18n.get(demoHintKey));
        demoHint.setWrapText(true);
        demoHint.setMinHeight(Label.USE_PREF_SIZE);
        demoHint.getStyleClass().add("hint");
        VBox.setMargin(demoHint, new Insets(0, 0, 0, 26));
        name.disableProperty().bind(demo.selectedProperty());
    }

    /** A further choice beside these two (set-up offers 从备份恢复). */
    void add(Toggle other) {
        other.setToggleGroup(group);
    }

    List<Node> nodes() {
        return List.of(empty, name, demo, demoHint);
    }

    boolean isDemo() {
        return demo.isSelected();
    }

    String name() {
        return name.getText();
    }
}
