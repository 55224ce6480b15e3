package org.caredesk.audit;

import java.util.Objects;

/**
 * Something to record: who did what to which object, and how it ended. Texts longer than their column are
 * shortened here (with "…"), before the hash is computed, so a long name can never make the change it describes
 * fail to save.
 *
 * @param actor       the user name (see {@link Actor})
 * @param objectType  null for actions without an object (e.g. a failed login for an unknown name)
 * @param objectId    the object's key, e.g. a person's id; null when none
 * @param objectLabel what a reader recognises the object by, e.g. a person's name or a file name
 * @param detail      null when the action says it all
 */
public record AuditEvent(
        String actor,
        AuditAction action,
        AuditObjectType objectType,
        String objectId,
        String objectLabel,
        AuditDetail detail,
        AuditOutcome outcome) {

    static final int ACTOR_LENGTH = 100;
    static final int OBJECT_ID_LENGTH = 100;
    static final int LABEL_LENGTH = 200;
    /** Width of the detail column. */
    public static final int DETAIL_LENGTH = 8000;

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("An audit event needs the acting user's name");
        }
        actor = clip(actor, ACTOR_LENGTH);
        objectId = clip(objectId, OBJECT_ID_LENGTH);
        objectLabel = clip(objectLabel, LABEL_LENGTH);
        if (detail != null && detail.encode().length() > DETAIL_LENGTH) {
            // The callers bound their details (PersonDiff clips long notes); exceeding it is a programming error.
            throw new IllegalArgumentException("Audit detail longer than " + DETAIL_LENGTH + " characters");
        }
    }

    /** A successful action. */
    public static AuditEvent success(String actor, AuditAction action, AuditObjectType objectType, String objectId,
            String objectLabel, AuditDetail detail) {
        return new AuditEvent(actor, action, objectType, objectId, objectLabel, detail, AuditOutcome.SUCCESS);
    }

    public AuditEvent withOutcome(AuditOutcome newOutcome) {
        return new AuditEvent(actor, action, objectType, objectId, objectLabel, detail, newOutcome);
    }

    /** {@code s} shortened to {@code max} characters, the last one an ellipsis. */
    public static String clip(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }
}
