package org.caredesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.caredesk.ui.testing.ScriptedDialogs;
import org.junit.jupiter.api.Test;

class DiscardGuardTest {
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final DiscardGuard guard = new DiscardGuard(dirty::get, dialogs, "visitForm.discardTitle",
            "visitForm.discard");

    @Test
    void nothingUnsaved_closesWithoutAsking() {
        dialogs.answerConfirm(false);
        assertThat(guard.mayDiscard()).isTrue();
    }

    @Test
    void unsavedInput_isKeptUnlessTheUserAgreesToDiscardIt() {
        dirty.set(true);
        dialogs.answerConfirm(false).answerConfirm(true);
        assertThat(guard.mayDiscard()).as("the user keeps the input").isFalse();
        assertThat(guard.mayDiscard()).as("the user discards it").isTrue();
    }
}
