package org.caredesk.ui;

import java.util.UUID;
import java.util.function.Consumer;
import javafx.stage.Window;

/**
 * Opens a person's file (the registry's form) from a line of another screen (the board, the incidents, the home
 * screen). The people room implements it; the other rooms know only this, never the registry's views.
 */
@FunctionalInterface
public interface PersonFileOpener {
    /**
     * @param onError   gets one sentence when the file cannot be opened
     * @param afterSave runs when the file was changed and saved
     */
    void open(Window owner, UUID personId, Consumer<String> onError, Runnable afterSave);
}
