package org.caredesk.audit;

import java.util.List;

/** One page of entries and how many match in all. */
public record AuditPage(List<AuditEntry> entries, int offset, long total) {
    public AuditPage {
        entries = List.copyOf(entries);
    }
}
