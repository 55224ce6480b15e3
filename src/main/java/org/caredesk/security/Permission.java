package org.caredesk.security;

/**
 * What a service call needs. Services check these themselves (hiding a button is a courtesy, not protection); the
 * role → permission matrix lives in one place, {@code PermissionMatrix}.
 */
public enum Permission {
    PEOPLE_READ,
    PEOPLE_WRITE,
    PEOPLE_CLOSE,
    /** See one person's full ID and phone numbers (logged). */
    PEOPLE_REVEAL,
    PEOPLE_IMPORT,
    /** Export the masked roster. */
    PEOPLE_EXPORT,
    /** Export with full numbers: needs a reason, logged with it. */
    PEOPLE_EXPORT_FULL,
    COUNSELLING_NOTES_READ,
    /** Read visits, assessments, colour timelines, incidents, the work list and the board. */
    VISITS_READ,
    /** Record visits and risk assessments. */
    VISITS_WRITE,
    /** Set, renew and clear a person's colour override. */
    COLOUR_OVERRIDE,
    /** Record, complete and close incidents. */
    INCIDENTS_WRITE,
    USERS_MANAGE,
    SETTINGS_MANAGE,
    BACKUP,
    RESTORE,
    AUDIT_READ,
    AUDIT_EXPORT,
    /** Compute, see and export the monthly statistical report, with the masked lists behind its figures. */
    REPORT_READ,
    /** Mark a month's report as sent to the district: its figures and workbook are kept, never changed. */
    REPORT_SEND
}
