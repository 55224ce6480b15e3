package org.caredesk.app;

import org.caredesk.settings.Community;

/** The demo community: a fictitious roster loaded into an empty data folder. */
public final class DemoCommunity {
    public static final String NAME = "锦绣社区（演示）";

    private DemoCommunity() {}

    public static Community create(AppContext ctx) {
        return ctx.settings().createCommunity(NAME, true);
    }
}
