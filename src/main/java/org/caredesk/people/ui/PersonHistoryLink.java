package org.caredesk.people.ui;

import java.util.UUID;
import javafx.stage.Window;

/**
 * Opens the audit log's history of one registered person from the list. The audit room owns that window; the shell
 * passes this in, so the registry's views never name another room's views.
 */
@FunctionalInterface
public interface PersonHistoryLink {
    void open(Window owner, UUID personId, String name);
}
