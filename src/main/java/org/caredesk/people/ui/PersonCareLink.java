package org.caredesk.people.ui;

import java.util.UUID;
import javafx.stage.Window;

/**
 * Opens what the visits area keeps about a registered person (visits, colour timeline, override) from their file.
 * The registry does not know that area; the shell passes this in for users who may read it.
 */
@FunctionalInterface
public interface PersonCareLink {
    void open(Window owner, UUID personId, String name);
}
