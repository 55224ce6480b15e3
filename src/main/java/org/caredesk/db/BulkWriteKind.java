package org.caredesk.db;

/** What a bulk write is: named in the journal, the safety copy's file name and the sentence after an interruption. */
public enum BulkWriteKind {
    /** A roster imported from a workbook. */
    IMPORT,
    /** Fictitious people and visits for scale tests ({@code generate}). */
    GENERATE,
    /** The demo community's roster and history. */
    DEMO,
    /** A backup put in place of the database (the restore calls {@link BulkWriteGuard} itself). */
    RESTORE
}
