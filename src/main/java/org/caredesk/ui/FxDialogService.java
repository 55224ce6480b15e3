package org.caredesk.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.caredesk.common.I18n;

/** Native JavaFX dialogs, owned by the main window so they stay on top of it. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private File lastFolder;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void info(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public void error(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert a = alert(Alert.AlertType.CONFIRMATION, title, message);
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert a = new Alert(type);
        a.initOwner(owner.get());
        a.setTitle(title);
        a.setHeaderText(null);
        // A Label that wraps: the default content text clips long Chinese sentences on small screens.
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(480);
        a.getDialogPane().setContent(text);
        a.getDialogPane().getStylesheets().addAll(owner.get() == null ? java.util.List.of()
                : owner.get().getScene().getStylesheets());
        return a;
    }

    @Override
    public Optional<Path> chooseExcelToOpen(String title) {
        FileChooser fc = chooser(title);
        File f = fc.showOpenDialog(owner.get());
        return remember(f);
    }

    @Override
    public Optional<Path> chooseExcelToSave(String title, String suggestedName) {
        FileChooser fc = chooser(title);
        fc.setInitialFileName(suggestedName);
        File f = fc.showSaveDialog(owner.get());
        return remember(f);
    }

    @Override
    public Optional<Path> chooseBackupToOpen(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.get("file.backup"), "*.zip"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            fc.setInitialDirectory(lastFolder);
        }
        return remember(fc.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(title);
        if (lastFolder != null && lastFolder.isDirectory()) {
            dc.setInitialDirectory(lastFolder);
        }
        File f = dc.showDialog(owner.get());
        if (f == null) {
            return Optional.empty();
        }
        lastFolder = f;
        return Optional.of(f.toPath());
    }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.get("file.excel"), "*.xlsx"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            fc.setInitialDirectory(lastFolder);
        }
        return fc;
    }

    private Optional<Path> remember(File f) {
        if (f == null) {
            return Optional.empty();
        }
        lastFolder = f.getParentFile();
        return Optional.of(f.toPath());
    }
}
