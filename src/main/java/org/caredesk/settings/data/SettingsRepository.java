package org.caredesk.settings.data;

import static org.caredesk.db.generated.Tables.APP_SETTING;

import java.util.Optional;
import org.jooq.DSLContext;

/** Key/value settings stored with the data. */
public final class SettingsRepository {
    // Each call runs its own short transaction on the context given; settings are never part of bigger work.
    private final DSLContext dsl;

    public SettingsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<String> get(String key) {
        return dsl.select(APP_SETTING.SETTING_VALUE).from(APP_SETTING).where(APP_SETTING.SETTING_KEY.eq(key))
                .fetchOptional(APP_SETTING.SETTING_VALUE);
    }

    public void put(String key, String value) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            int updated = tx.update(APP_SETTING).set(APP_SETTING.SETTING_VALUE, value)
                    .where(APP_SETTING.SETTING_KEY.eq(key)).execute();
            if (updated == 0) {
                tx.insertInto(APP_SETTING, APP_SETTING.SETTING_KEY, APP_SETTING.SETTING_VALUE).values(key, value)
                        .execute();
            }
        });
    }
}
