package org.caredesk.settings.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.caredesk.audit.Actor;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditDetail;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.audit.FieldChange;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.I18n;
import org.caredesk.settings.data.SettingsRepository;
import org.jooq.DSLContext;

/**
 * Writes settings in the caller's transaction and records what changed (which setting, old → new) as one
 * {@link AuditAction#SETTING_CHANGED} entry in the same transaction: the personal settings here, the login rules
 * in the users feature, so every setting change reads alike in the log.
 */
public final class SettingChanges {
    /**
     * One setting's new value.
     *
     * @param key      where it is stored
     * @param labelKey the i18n key naming it in the log ({@code settings.language})
     * @param oldValue the value in effect before, as stored; null when there was none
     * @param newValue the value to store
     * @param enumType when the values are constants of an enum: the log shows their labels, in the reader's language
     */
    public record Change(String key, String labelKey, String oldValue, String newValue,
            Class<? extends Enum<?>> enumType) {
        public Change {
            Objects.requireNonNull(newValue, "newValue");
        }

        boolean changes() {
            return !newValue.equals(oldValue);
        }

        FieldChange recorded() {
            return enumType == null ? new FieldChange(labelKey, oldValue, newValue)
                    : new FieldChange(labelKey, label(oldValue), label(newValue), true);
        }

        private String label(String constant) {
            if (constant == null) {
                return null;
            }
            for (Enum<?> e : enumType.getEnumConstants()) {
                if (e.name().equals(constant)) {
                    return I18n.enumKey(e);
                }
            }
            return null;
        }
    }

    private final SettingsRepository settings;
    private final AuditLog audit;
    private final Actor actor;

    public SettingChanges(SettingsRepository settings, AuditLog audit, Actor actor) {
        this.settings = settings;
        this.audit = audit;
        this.actor = actor;
    }

    /**
     * Stores the values that differ from the old ones and records them, in {@code tx}.
     *
     * @param objectId    whose settings: a user's id, or {@code community}
     * @param objectLabel what the log shows as the object
     * @return whether anything changed
     */
    public boolean write(DSLContext tx, String objectId, String objectLabel, List<Change> changes) {
        List<FieldChange> recorded = new ArrayList<>();
        for (Change c : changes) {
            if (c.changes()) {
                settings.put(tx, c.key(), c.newValue());
                recorded.add(c.recorded());
            }
        }
        if (recorded.isEmpty()) {
            return false;
        }
        audit.append(tx, AuditEvent.success(actor.userName(), AuditAction.SETTING_CHANGED, AuditObjectType.SETTING,
                objectId, objectLabel, AuditDetail.changes(recorded)));
        return true;
    }
}
