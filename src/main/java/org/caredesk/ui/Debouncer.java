package org.caredesk.ui;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Runs an action once input has been quiet for a while (search as you type). Lives in the view, which owns the
 * FX timeline; the view model only sees the settled request.
 */
public final class Debouncer {
    private final PauseTransition pause;

    public Debouncer(Duration quiet, Runnable action) {
        pause = new PauseTransition(quiet);
        pause.setOnFinished(e -> action.run());
    }

    public void trigger() {
        pause.playFromStart();
    }
}
