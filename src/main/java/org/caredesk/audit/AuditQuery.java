package org.caredesk.audit;

import java.time.LocalDate;

/**
 * A filter over the audit log, answered by the database, newest entry first.
 *
 * @param from   first day, inclusive; null: from the start
 * @param to     last day, inclusive; null: up to now
 * @param user   exact user name; null: everyone
 * @param action null: every action
 * @param text   part of the object label (a name, a file name), any case; null or blank: any
 */
public record AuditQuery(LocalDate from, LocalDate to, String user, AuditAction action, String text, int offset,
        int limit) {
    public static final int DEFAULT_PAGE_SIZE = 100;

    public AuditQuery {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset " + offset + ", limit " + limit);
        }
        user = user == null || user.isBlank() ? null : user.strip();
        text = text == null || text.isBlank() ? null : text.strip();
    }

    /** Every entry, first page. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, 0, DEFAULT_PAGE_SIZE);
    }

    public AuditQuery withPage(int newOffset, int newLimit) {
        return new AuditQuery(from, to, user, action, text, newOffset, newLimit);
    }
}
