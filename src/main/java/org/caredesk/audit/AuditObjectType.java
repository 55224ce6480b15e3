package org.caredesk.audit;

/** The kind of thing an entry is about; with the object's id it finds a record's history. */
public enum AuditObjectType {
    PERSON,
    USER,
    SETTING,
    /** A roster file imported or exported. */
    ROSTER,
    AUDIT_LOG,
    DATABASE,
    VISIT,
    ASSESSMENT,
    INCIDENT,
    /** A monthly statistical report: written to a workbook, or kept as sent to the district (issue 9). */
    REPORT
}
