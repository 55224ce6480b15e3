package org.caredesk.settings.data;

import static org.caredesk.db.generated.Tables.COMMUNITY;

import java.util.Optional;
import org.caredesk.settings.Community;
import org.jooq.DSLContext;

public final class CommunityRepository {
    public Optional<Community> find(DSLContext dsl) {
        return dsl.selectFrom(COMMUNITY).orderBy(COMMUNITY.CREATED_AT).limit(1)
                .fetchOptional(r -> new Community(r.getId(), r.getName(), r.getIsDemo(), r.getCreatedAt()));
    }

    public void insert(DSLContext dsl, Community c) {
        dsl.insertInto(COMMUNITY, COMMUNITY.ID, COMMUNITY.NAME, COMMUNITY.IS_DEMO, COMMUNITY.CREATED_AT)
                .values(c.id(), c.name(), c.demo(), c.createdAt()).execute();
    }

    public void rename(DSLContext dsl, java.util.UUID id, String name) {
        dsl.update(COMMUNITY).set(COMMUNITY.NAME, name).where(COMMUNITY.ID.eq(id)).execute();
    }
}
