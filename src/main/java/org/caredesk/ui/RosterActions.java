package org.caredesk.ui;

import org.caredesk.people.PersonQuery;

/**
 * The roster's file actions offered on the people list: import from Excel (with a dry run that lists every
 * problem), export the filtered list, and write an empty import template. The list view calls these; the
 * implementation owns the dialogs, progress and background work.
 */
public interface RosterActions {
    /** Lets the user pick a file, check it, and import it; {@code afterImport} runs once people were added. */
    void importRoster(Runnable afterImport);

    /**
     * Exports every person matching {@code filter} (all pages), ID and phone numbers masked; a user who may export
     * full numbers is asked first whether to, with a reason.
     */
    void exportRoster(PersonQuery filter);

    /** Writes an empty import template with the headers and an example row. */
    void writeTemplate();
}
