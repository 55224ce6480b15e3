package org.caredesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.caredesk.common.Progress;
import org.caredesk.common.UserException;
import org.caredesk.db.BulkWriteKind;
import org.caredesk.roster.service.ImportResult;
import org.caredesk.roster.service.RosterImporter;
import org.caredesk.settings.Community;

/**
 * The demo community: a fictitious roster (sample-data/people.xlsx, on the classpath) loaded into an empty data
 * folder through the same importer staff use, so the demo also shows that the import format works, then two years
 * of visits, assessments and incidents ({@code DemoHistory}).
 */
public final class DemoCommunity {
    public static final String NAME = "锦绣社区（演示）";
    static final String ROSTER = "/sample-data/people.xlsx";

    private DemoCommunity() {}

    public static Community create(AppContext ctx) {
        return create(ctx, Progress.NONE);
    }

    /**
     * Imports the demo roster, then records the community.
     *
     * @throws UserException when the data folder already has a community or people
     */
    public static Community create(AppContext ctx, Progress progress) {
        if (ctx.settings().community().isPresent() || ctx.people().count() > 0) {
            throw new UserException("demo.error.notEmpty");
        }
        RosterImporter importer = ctx.service(RosterImporter.class);
        ImportResult result;
        try (InputStream in = DemoCommunity.class.getResourceAsStream(ROSTER)) {
            if (in == null) {
                throw new IllegalStateException("The demo roster " + ROSTER + " is missing from the build");
            }
            // Written as the demo's own kind of bulk write: its people are invented, and marked so for good.
            result = importer.importStream(in, "people.xlsx", false, progress, BulkWriteKind.DEMO);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (result.refused()) {
            // The roster is committed and tested; refusing it means the build is broken, not the user's input.
            throw new IllegalStateException("The demo roster was refused: " + result.errors().get(0).localized());
        }
        // Two years of visits, assessments and incidents, as the demo community's people would have them.
        ctx.demoHistory().write();
        // People first: if this import failed, the folder is still empty and the user can choose again.
        return ctx.settings().createCommunity(NAME, true);
    }
}
