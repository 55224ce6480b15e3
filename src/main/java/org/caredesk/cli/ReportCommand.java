package org.caredesk.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.common.UserException;
import org.caredesk.db.OwnFiles;
import org.caredesk.excel.StreamingExport;
import org.caredesk.report.MonthlyReport;
import org.caredesk.report.ReportScope;
import org.caredesk.report.archive.FigureChange;
import org.caredesk.report.archive.SentReport;
import org.caredesk.report.archive.service.ReportArchive;
import org.caredesk.report.service.ReportService;
import org.caredesk.report.service.ReportValues;

/**
 * {@code report monthly --month 2026-11 [--scope building:7栋|staff:周敏] [--totals-only | --template T.xlsx]
 * --out FILE.xlsx}: the
 * monthly statistical report as a workbook; {@code report codes FILE.xlsx}: the list of figure codes for a
 * district's template; {@code report send --month … --out FILE.xlsx}: the same workbook, kept with its figures as
 * sent (decision 0030); {@code report diff --month …}: what changed since it was sent.
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
        if ("send".equals(what)) {
            return send(args);
        }
        if ("diff".equals(what)) {
            return diff(args);
        }
        throw new UsageException("cli.unknownSubject", args.command(), what, "monthly / codes / send / diff");
    }

    private static YearMonth month(String monthText) {
        if (monthText == null) {
            throw new UsageException("cli.report.monthRequired");
        }
        try {
            return YearMonth.parse(monthText.trim());
        } catch (DateTimeParseException e) {
            throw new UsageException("cli.report.monthInvalid", monthText);
        }
    }

    private static ReportScope scope(String scopeText) {
        return scopeText == null ? ReportScope.ALL : ReportScope.parse(scopeText);
    }

    /** {@code report diff}: the month computed now against the newest version sent, figure by figure. */
    private int diff(Args args) {
        String monthText = args.option("--month");
        String scopeText = args.option("--scope");
        args.finish();
        YearMonth month = month(monthText);
        ReportScope scope = scope(scopeText);
        try (AppContext ctx = cli.openCommunity()) {
            SentReport sent = ctx.service(ReportArchive.class).latest(month, scope).orElseThrow(
                    () -> new UserException("cli.report.notSent", month.toString(), scope.label()));
            MonthlyReport now = ctx.service(ReportService.class).compute(month, scope);
            List<FigureChange> changes = ReportArchive.diff(sent.figures(), ReportValues.of(now));
            cli.out().println(I18n.get("cli.report.diffHeader", month.toString(), scope.label(),
                    String.valueOf(sent.version()), sent.sentAt().toLocalDate().toString(), sent.sentBy()));
            if (changes.isEmpty()) {
                cli.out().println(I18n.get("cli.report.diffNone"));
            }
            for (FigureChange c : changes) {
                cli.out().println(I18n.get("cli.report.diffLine", c.code(), text(c.sentMonth()),
                        text(c.nowMonth()), text(c.sentYear()), text(c.nowYear())));
            }
            return Cli.OK;
        }
    }

    private static String text(BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }

    private int monthly(Args args) {
        return write(args, false);
    }

    /**
     * {@code report send}: as {@code report monthly}, and the very bytes written to {@code --out} (the file that
     * goes to the district) are kept with the figures as the month's next sent version.
     */
    private int send(Args args) {
        return write(args, true);
    }

    private int write(Args args, boolean keepAsSent) {
        String monthText = args.option("--month");
        String scopeText = args.option("--scope");
        boolean totalsOnly = args.flag("--totals-only");
        String templateText = args.option("--template");
        String out = args.option("--out");
        args.finish();
        YearMonth month = month(monthText);
        if (out == null) {
            throw new UsageException("cli.report.outRequired");
        }
        ReportScope scope = scope(scopeText);
        Path template = templateText == null ? null : Path.of(templateText).toAbsolutePath();
        Path file = Path.of(out).toAbsolutePath();
        // Before the login, so a refused path writes nothing at all, not even the login's audit entry.
        OwnFiles.checkOutput(cli.dataDir(), file);
        try (AppContext ctx = cli.openCommunity()) {
            if (keepAsSent) {
                ctx.service(ReportArchive.class).requireSendable(month);
            }
            ReportService reports = ctx.service(ReportService.class);
            MonthlyReport report = reports.compute(month, scope);
            if (template != null) {
                reports.fillTemplate(report, template, file);
            } else {
                reports.export(report, file, totalsOnly);
            }
            if (!keepAsSent) {
                cli.out().println(template != null ? I18n.get("cli.report.doneTemplate", month.toString(),
                        StreamingExport.fileName(template), file.toString())
                        : I18n.get(totalsOnly ? "cli.report.doneTotals" : "cli.report.done", month.toString(),
                                file.toString()));
                return Cli.OK;
            }
            byte[] workbook;
            try {
                workbook = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UserException(e, "roster.error.cannotRead", file.toString());
            }
            SentReport sent = ctx.service(ReportArchive.class).send(month, scope, ReportValues.of(report),
                    workbook);
            cli.out().println(I18n.get("cli.report.sent", month.toString(), scope.label(),
                    String.valueOf(sent.version()), String.valueOf(sent.figures().size()), file.toString()));
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
