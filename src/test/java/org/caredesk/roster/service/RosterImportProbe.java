package org.caredesk.roster.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;

/**
 * Checks one roster in a fresh in-memory community and prints "rows N problems M": run by tests in a child JVM
 * with a small heap, so a reader that builds the whole workbook fails there with OutOfMemoryError.
 */
public final class RosterImportProbe {
    private RosterImportProbe() {}

    public static void main(String[] args) throws Exception {
        I18n.setLocale(I18n.CHINESE);
        Path dir = Files.createTempDirectory("roster-probe");
        try (AppContext ctx = AppContext.inMemory(dir, Clock.systemDefaultZone())) {
            ImportResult r = new RosterImporter(ctx.people()).importFile(Path.of(args[0]), true, Progress.NONE);
            System.out.println("rows " + r.rowsRead() + " problems " + r.problems().size());
        }
    }
}
