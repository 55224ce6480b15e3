package org.caredesk.cli;

import java.nio.file.Path;
import org.caredesk.app.AppContext;
import org.caredesk.audit.AuditQuery;
import org.caredesk.audit.ChainCheck;
import org.caredesk.audit.service.AuditExporter;
import org.caredesk.common.I18n;
import org.caredesk.db.OwnFiles;

/**
 * {@code audit verify}: checks the hash chain (exit 0 intact, 1 with the sentence naming the first problem);
 * {@code audit export FILE.xlsx}: the whole log to a workbook. Both need the auditor's role.
 */
final class AuditCommand {
    private final Cli cli;

    AuditCommand(Cli cli) {
        this.cli = cli;
    }

    int run(Args args) {
        String what = args.word("cli.what.subject.audit");
        switch (what) {
            case "verify":
                args.finish();
                try (AppContext ctx = cli.open()) {
                    ChainCheck check = ctx.audit().verify();
                    if (check.intact()) {
                        cli.out().println(check.sentence());
                        return Cli.OK;
                    }
                    cli.err().println(check.sentence());
                    return Cli.FAILED;
                }
            case "export":
                Path file = Path.of(args.word("cli.what.file")).toAbsolutePath();
                args.finish();
                OwnFiles.checkOutput(cli.dataDir(), file);
                try (AppContext ctx = cli.open()) {
                    AuditExporter exporter = ctx.get(AuditExporter.class,
                            c -> new AuditExporter(c.audit(), c.tempDir(), c.actor()));
                    int count = exporter.export(AuditQuery.all(), file, new ConsoleProgress(cli.err()));
                    cli.out().println(I18n.get("cli.audit.exported", String.valueOf(count), file.toString()));
                    return Cli.OK;
                }
            default:
                throw new UsageException("cli.unknownSubject", "audit", what, "verify / export");
        }
    }
}
