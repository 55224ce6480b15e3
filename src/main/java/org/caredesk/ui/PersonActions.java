package org.caredesk.ui;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.stage.Window;

/**
 * What a line about a person offers on a screen of another room (the home screen): record a visit, a risk
 * assessment, open the file. The visits room implements it; the screens that offer it know only this.
 */
public interface PersonActions {
    /** Told after every save made through these actions. */
    CareChanges changes();

    /** The visit form for these people (one, or several for a group visit); {@code onSaved} gets one sentence. */
    void recordVisit(Window owner, List<UUID> personIds, Consumer<String> onSaved);

    /** The structured risk assessment for a person; {@code onSaved} gets one sentence. */
    void assess(Window owner, UUID personId, String name, Consumer<String> onSaved);

    /** The person's file, read off the FX thread; {@code onError} gets one sentence when it cannot be opened. */
    void openFile(Window owner, UUID personId, Consumer<String> onError);
}
