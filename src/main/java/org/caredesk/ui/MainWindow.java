package org.caredesk.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.caredesk.common.I18n;

/**
 * The shell: navigation bar on the left, the current area in the middle, community and data folder in the status
 * bar. Keyboard shortcuts go to the shown area if it is a {@link ShortcutTarget}.
 */
public final class MainWindow {
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final ToggleGroup group = new ToggleGroup();
    private final Map<String, ViewLoader.Loaded<?>> built = new HashMap<>();
    private final Map<String, ToggleButton> buttons = new HashMap<>();
    private final HBox status = new HBox(16);
    private Object current;

    public MainWindow(List<NavEntry> entries, String communityName, String dataFolder, boolean demo) {
        root.getStyleClass().add("main-window");
        VBox nav = new VBox();
        nav.getStyleClass().add("nav-bar");
        Label brand = new Label(I18n.get("app.title"));
        brand.getStyleClass().add("nav-brand");
        brand.setWrapText(true);
        nav.getChildren().add(brand);
        for (NavEntry e : entries) {
            ToggleButton b = new ToggleButton(I18n.get(e.titleKey()));
            b.setId("nav-" + e.id());
            b.setToggleGroup(group);
            b.getStyleClass().add("nav-button");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(ev -> show(e));
            nav.getChildren().add(b);
            buttons.put(e.id(), b);
        }
        // A selected nav button stays selected when clicked again.
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        root.setLeft(nav);
        content.getStyleClass().add("content");
        root.setCenter(content);

        status.getStyleClass().add("status-bar");
        status.setAlignment(Pos.CENTER_LEFT);
        status.setPadding(new Insets(4, 12, 4, 12));
        Label community = new Label(I18n.get("status.community", communityName));
        community.setId("status-community");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label folder = new Label(I18n.get("status.dataFolder", dataFolder));
        folder.setId("status-data-folder");
        status.getChildren().addAll(community, spacer, folder);
        if (demo) {
            Label d = new Label(I18n.get("status.demo"));
            d.getStyleClass().add("demo-badge");
            status.getChildren().add(1, d);
        }
        root.setBottom(status);

        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                        () -> target().onNew());
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                        () -> target().onSave());
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                        () -> target().onFind());
            }
        });
        if (!entries.isEmpty()) {
            buttons.get(entries.get(0).id()).setSelected(true);
            show(entries.get(0));
        }
    }

    private ShortcutTarget target() {
        return current instanceof ShortcutTarget t ? t : new ShortcutTarget() {};
    }

    private void show(NavEntry e) {
        ViewLoader.Loaded<?> loaded = built.computeIfAbsent(e.id(), k -> e.view().get());
        buttons.get(e.id()).setSelected(true);
        Node node = loaded.root();
        content.getChildren().setAll(node);
        current = loaded.controller();
    }

    /**
     * Names the logged-in user in the status bar, with the action that logs them out.
     *
     * @param who        the sentence naming the user, already translated
     * @param logoutText the action's text, already translated
     */
    public void showUser(String who, String logoutText, Runnable onLogout) {
        Label user = new Label(who);
        user.setId("status-user");
        Hyperlink logout = new Hyperlink(logoutText);
        logout.setId("status-logout");
        logout.setOnAction(e -> onLogout.run());
        status.getChildren().addAll(0, List.of(user, logout));
    }

    /**
     * A warning across the top of the window that stays until the user closes it (the audit chain check after
     * login, say). The banner has the id given; its text {@code <id>-text}, its close link {@code <id>-close}.
     *
     * @param text the sentence, already translated
     */
    public void showWarning(String id, String text) {
        Label message = new Label(text);
        message.setId(id + "-text");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(message, Priority.ALWAYS);
        Hyperlink close = new Hyperlink(I18n.get("warning.close"));
        close.setId(id + "-close");
        close.setMinWidth(Region.USE_PREF_SIZE);
        HBox banner = new HBox(12, message, close);
        banner.setId(id);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("warning-banner");
        close.setOnAction(e -> root.setTop(null));
        root.setTop(banner);
    }

    /** Shows an area by id, as if its button had been clicked. */
    public void select(String id) {
        ToggleButton b = buttons.get(id);
        if (b != null) {
            b.fire();
        }
    }

    public Parent root() {
        return root;
    }
}
