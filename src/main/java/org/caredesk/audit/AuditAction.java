package org.caredesk.audit;

/**
 * What an audit entry records. Stored by name, so a constant is never renamed or removed once released: old
 * entries would no longer show their label (their hashes would still verify).
 */
public enum AuditAction {
    LOGIN,
    LOGIN_FAILED,
    ACCOUNT_LOCKED,
    SESSION_LOCKED,
    LOGOUT,
    PERSON_VIEWED,
    PERSON_CREATED,
    PERSON_UPDATED,
    PERSON_CLOSED,
    NUMBERS_REVEALED,
    IMPORT,
    /** Detail: file name and row count ({@link AuditDetail#message}). */
    EXPORT,
    BACKUP,
    RESTORE,
    USER_ADDED,
    USER_CHANGED,
    ROLES_CHANGED,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    SETTING_CHANGED,
    /** A visit saved; object VISIT, label the people's names. */
    VISIT_RECORDED,
    ASSESSMENT_RECORDED,
    /** A person's colour changed (visit, assessment, override, expiry, incident); object PERSON. */
    COLOUR_CHANGED,
    COLOUR_OVERRIDE_SET,
    COLOUR_OVERRIDE_RENEWED,
    COLOUR_OVERRIDE_CLEARED,
    INCIDENT_RECORDED,
    INCIDENT_UPDATED,
    INCIDENT_CLOSED,
    /** Fictitious data generated for scale tests: one entry for the whole run. */
    DATA_GENERATED,
    /** A call refused because the user's roles do not grant it; detail: the permission. Outcome FAILURE. */
    ACCESS_DENIED,
    /** A month's report marked as sent; object REPORT, label month, scope and version. */
    REPORT_SENT
}
