package org.caredesk.audit;

/** How the recorded attempt ended. DENIED: the user lacked the permission; FAILURE: it was tried and failed. */
public enum AuditOutcome {
    SUCCESS,
    FAILURE,
    DENIED
}
