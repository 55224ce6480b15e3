package org.caredesk.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.db.OwnFiles;
import org.caredesk.report.MonthlyReport;
import org.caredesk.report.ReportScope;
import org.caredesk.report.service.ReportService;

/**
 * {@code report monthly --month 2026-11 [--scope building:7栋|staff:周敏] [--totals-only] --out FILE.xlsx}: the
 * monthly statistical report as a workbook; {@code report codes FILE.xlsx}: the list of figure codes for a
 * district's template.
 */
final class ReportCommand {
    private final Cli cli;

    ReportCommand(Cli cli) {
        this.cli = cli;
    }

    int run(Args args) {
        String what = args.word("cli.what.subject.report");
        if ("monthly".equals(what)) {
            return monthly(args);
        }
        if ("codes".equals(what)) {
            return codes(args);
        }
        throw new UsageException("cli.unknownSubject", args.command(), what, "monthly / codes");
    }

    private int monthly(Args args) {
        String monthText = args.option("--month");
        String scopeText = args.option("--scope");
        boolean totalsOnly = args.flag("--totals-only");
        String out = args.option("--out");
        args.finish();
        if (monthText == null) {
            throw new UsageException("cli.report.monthRequired");
        }
        if (out == null) {
            throw new UsageException("cli.report.outRequired");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(monthText.trim());
        } catch (DateTimeParseException e) {
            throw new UsageException("cli.report.monthInvalid", monthText);
        }
        ReportScope scope = scopeText == null ? ReportScope.ALL : ReportScope.parse(scopeText);
        Path file = Path.of(out).toAbsolutePath();
        // Before the login, so a refused path writes nothing at all, not even the login's audit entry.
        OwnFiles.checkOutput(cli.dataDir(), file);
        try (AppContext ctx = cli.openCommunity()) {
            ReportService reports = ctx.service(ReportService.class);
            MonthlyReport report = reports.compute(month, scope);
            reports.export(report, file, totalsOnly);
            cli.out().println(I18n.get(totalsOnly ? "cli.report.doneTotals" : "cli.report.done", month.toString(),
                    file.toString()));
            return Cli.OK;
        }
    }

    private int codes(Args args) {
        Path file = Path.of(args.word("cli.what.file")).toAbsolutePath();
        args.finish();
        OwnFiles.checkOutput(cli.dataDir(), file);
        try (AppContext ctx = cli.openCommunity()) {
            ctx.service(ReportService.class).exportCodes(file);
            cli.out().println(I18n.get("cli.report.codesDone", file.toString()));
            return Cli.OK;
        }
    }
}
