package org.caredesk.ui;

import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.caredesk.common.I18n;

/**
 * What every form window does before it closes with unsaved input: asks once whether to discard it, whether the user
 * pressed 取消 or the window's close button. One place, so the person, visit, assessment and incident forms behave
 * the same.
 */
public final class DiscardGuard {
    private final BooleanSupplier dirty;
    private final DialogService dialogs;
    private final String titleKey;
    private final String messageKey;

    public DiscardGuard(BooleanSupplier dirty, DialogService dialogs, String titleKey, String messageKey) {
        this.dirty = dirty;
        this.dialogs = dialogs;
        this.titleKey = titleKey;
        this.messageKey = messageKey;
    }

    /** True when nothing is unsaved or the user agreed to discard it. */
    public boolean mayDiscard() {
        return !dirty.getAsBoolean() || dialogs.confirm(I18n.get(titleKey), I18n.get(messageKey));
    }

    /** Keeps the window open when its close button is pressed and the user wants to keep the input. */
    public void guard(Stage stage) {
        stage.setOnCloseRequest(e -> {
            if (!mayDiscard()) {
                e.consume();
            }
        });
    }

    /** 取消: closes the window unless the user wants to keep the input. */
    public void cancel(Stage stage) {
        if (mayDiscard()) {
            stage.close();
        }
    }
}
