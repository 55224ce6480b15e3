package org.caredesk.audit;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.caredesk.common.I18n;

/**
 * One entry exactly as stored. Codes stay text (not enums) so that an entry changed behind the program's back can
 * still be read, shown and verified; the methods below interpret them for display.
 */
public record AuditEntry(
        UUID id,
        long seq,
        LocalDateTime loggedAt,
        String userName,
        String action,
        String objectType,
        String objectId,
        String objectLabel,
        String detail,
        String outcome,
        String prevHash,
        String entryHash) {

    public Optional<AuditAction> knownAction() {
        return known(AuditAction.class, action);
    }

    public Optional<AuditOutcome> knownOutcome() {
        return known(AuditOutcome.class, outcome);
    }

    public Optional<AuditObjectType> knownObjectType() {
        return known(AuditObjectType.class, objectType);
    }

    public String actionLabel() {
        return knownAction().map(I18n::label).orElse(action == null ? "" : action);
    }

    public String outcomeLabel() {
        return knownOutcome().map(I18n::label).orElse(outcome == null ? "" : outcome);
    }

    public String objectTypeLabel() {
        return knownObjectType().map(I18n::label).orElse(objectType == null ? "" : objectType);
    }

    /** The detail decoded; null when the entry has none. */
    public AuditDetail decodedDetail() {
        return AuditDetail.decode(detail);
    }

    /** The detail as one line in the current language; empty when there is none. */
    public String detailText() {
        AuditDetail d = decodedDetail();
        return d == null ? "" : d.display();
    }

    /** The field changes the entry records; empty for entries of other kinds. */
    public List<FieldChange> changes() {
        AuditDetail d = decodedDetail();
        return d == null ? List.of() : d.changes();
    }

    private static <E extends Enum<E>> Optional<E> known(Class<E> type, String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
