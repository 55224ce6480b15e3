package org.caredesk.settings.data;

import static org.caredesk.db.generated.Tables.APP_SETTING;

import java.util.Optional;
import org.jooq.DSLContext;

/** Key/value settings stored with the data. */
public final class SettingsRepository {
    private final DSLContext dsl;

    /** @param dsl the context of the calls without a transaction of their own: each is a short one by itself */
    public SettingsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<String> get(String key) {
        return get(dsl, key);
    }

    /** A setting read in the caller's transaction. */
    public Optional<String> get(DSLContext tx, String key) {
        return tx.select(APP_SETTING.SETTING_VALUE).from(APP_SETTING).where(APP_SETTING.SETTING_KEY.eq(key))
                .fetchOptional(APP_SETTING.SETTING_VALUE);
    }

    /** Writes a setting in a transaction of its own. */
    public void put(String key, String value) {
        dsl.transaction(cfg -> put(cfg.dsl(), key, value));
    }

    /** Writes a setting in the caller's transaction, with the audit entry that records it. */
    public void put(DSLContext tx, String key, String value) {
        int updated = tx.update(APP_SETTING).set(APP_SETTING.SETTING_VALUE, value)
                .where(APP_SETTING.SETTING_KEY.eq(key)).execute();
        if (updated == 0) {
            tx.insertInto(APP_SETTING, APP_SETTING.SETTING_KEY, APP_SETTING.SETTING_VALUE).values(key, value)
                    .execute();
        }
    }
}
