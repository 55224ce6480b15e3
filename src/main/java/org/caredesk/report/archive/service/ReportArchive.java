package org.caredesk.report.archive.service;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.caredesk.audit.Actor;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditDetail;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.Ids;
import org.caredesk.common.UserException;
import org.caredesk.db.OwnFiles;
import org.caredesk.excel.StreamingExport;
import org.caredesk.report.archive.FigureChange;
import org.caredesk.report.archive.FigureValue;
import org.caredesk.report.archive.SentReport;
import org.caredesk.report.ReportScope;
import org.caredesk.report.archive.data.SentReportRepository;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.jooq.DSLContext;

/**
 * Keeps what was sent to the district (报送存档): a month's figures and the workbook itself, stored once and never
 * changed. A later run of the same month is compared with the newest version sent, figure by figure, so the
 * community can explain a correction; a correction is sent as the next version, and every version is kept.
 * Sending and writing a sent workbook out are audited.
 */
public final class ReportArchive {
    /** The column holds 80 characters: "community", "building:…" or "staff:…". */
    static final int SCOPE_LENGTH = 80;
    static final int CODE_LENGTH = 120;
    /** Larger than any report with its detail sheets; a guard against sending the wrong file. */
    static final int MAX_WORKBOOK_BYTES = 64 * 1024 * 1024;

    private final DSLContext dsl;
    private final SentReportRepository repository;
    private final AuditLog audit;
    private final Actor actor;
    private final Session session;
    private final Clock clock;
    private final Path dataDir;

    public ReportArchive(DSLContext dsl, SentReportRepository repository, AuditLog audit, Actor actor,
            Session session, Clock clock, Path dataDir) {
        this.dsl = dsl;
        this.repository = repository;
        this.audit = audit;
        this.actor = actor;
        this.session = session;
        this.clock = clock;
        this.dataDir = dataDir;
    }

    /**
     * Stores a month's report as sent: the next version for its month and scope, with the user and the time.
     *
     * @throws UserException when the month has not ended yet, or the figures or the workbook are not a report
     */
    public SentReport send(YearMonth month, ReportScope scope, List<FigureValue> figures, byte[] workbook) {
        requireSendable(month);
        String s = scopeKey(scope);
        checkFigures(figures);
        if (workbook == null || workbook.length == 0 || workbook.length > MAX_WORKBOOK_BYTES) {
            throw new UserException("report.sent.error.workbookSize");
        }
        String by = actor.userName();
        LocalDateTime now = LocalDateTime.now(clock);
        String sha = sha256(workbook);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            int version = repository.lastVersion(tx, month, s) + 1;
            SentReport report = new SentReport(Ids.newId(), month, s, version, by, now, sha, figures);
            repository.insert(tx, report, workbook);
            audit.append(tx, AuditEvent.success(by, AuditAction.REPORT_SENT, AuditObjectType.REPORT,
                    report.id().toString(), label(report), AuditDetail.message("audit.detail.reportSent",
                            month.toString(), s, String.valueOf(version), String.valueOf(figures.size()), sha)));
            return report;
        });
    }

    /**
     * Refuses, before anything is computed or written, a user who may not send or a month that has not ended.
     *
     * @throws UserException when the month is still under way (or later)
     */
    public void requireSendable(YearMonth month) {
        session.require(Permission.REPORT_SEND);
        Objects.requireNonNull(month, "month");
        if (!month.isBefore(YearMonth.now(clock))) {
            throw new UserException("report.sent.error.monthNotOver", month.toString());
        }
    }

    /** Every version sent for a month and scope, newest first. */
    public List<SentReport> history(YearMonth month, ReportScope scope) {
        session.require(Permission.REPORT_SEND);
        return repository.history(dsl, month, scopeKey(scope));
    }

    /** The newest version sent for a month and scope, if any. */
    public Optional<SentReport> latest(YearMonth month, ReportScope scope) {
        return history(month, scope).stream().findFirst();
    }

    /**
     * Writes a sent version's workbook, exactly as it was sent, to a file the user chose (never one of the
     * program's own); audited as an export.
     */
    public void writeWorkbook(UUID reportId, Path file) {
        session.require(Permission.REPORT_SEND);
        OwnFiles.checkOutput(dataDir, file);
        SentReport report = repository.find(dsl, reportId)
                .orElseThrow(() -> new UserException("report.sent.error.notSent"));
        byte[] workbook = repository.workbook(dsl, reportId).orElseThrow();
        String name = StreamingExport.fileName(file);
        new StreamingExport(dataDir.resolve("tmp"), "report.error.cannotWrite").write(file, "report-", workbook,
                () -> audit.record(AuditEvent.success(actor.userName(), AuditAction.EXPORT, AuditObjectType.REPORT,
                        report.id().toString(), label(report), AuditDetail.message("audit.detail.reportWritten",
                                name))));
    }

    /**
     * What changed since a report was sent: figures whose month or year value differs (a value that appeared or
     * became uncomputable counts), figures new since, and figures the sent report had and the current one has not.
     * In the order of the current figures, the gone ones last.
     */
    public static List<FigureChange> diff(List<FigureValue> sent, List<FigureValue> now) {
        Map<String, FigureValue> before = new LinkedHashMap<>();
        sent.forEach(f -> before.put(f.code(), f));
        List<FigureChange> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FigureValue f : now) {
            seen.add(f.code());
            FigureValue old = before.get(f.code());
            if (old == null) {
                changes.add(new FigureChange(f.code(), null, f.month(), null, f.year(), FigureChange.Kind.NEW));
            } else if (!same(old.month(), f.month()) || !same(old.year(), f.year())) {
                changes.add(new FigureChange(f.code(), old.month(), f.month(), old.year(), f.year(),
                        FigureChange.Kind.CHANGED));
            }
        }
        before.values().stream().filter(f -> !seen.contains(f.code())).forEach(f -> changes.add(
                new FigureChange(f.code(), f.month(), null, f.year(), null, FigureChange.Kind.GONE)));
        return changes;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String label(SentReport r) {
        return r.month() + " " + r.scope() + " v" + r.version();
    }

    /**
     * The scope as stored: the same words the command line's {@code --scope} takes, "community" for the whole.
     *
     * @throws UserException when a building's or caseworker's name is too long to be kept
     */
    public static String scopeKey(ReportScope scope) {
        String key = scope.building() != null ? "building:" + scope.building()
                : scope.responsible() != null ? "staff:" + scope.responsible() : "community";
        if (key.length() > SCOPE_LENGTH) {
            throw new UserException("report.sent.error.scope", key);
        }
        return key;
    }

    private static void checkFigures(List<FigureValue> figures) {
        if (figures == null || figures.isEmpty()) {
            throw new UserException("report.sent.error.noFigures");
        }
        Set<String> codes = new HashSet<>();
        for (FigureValue f : figures) {
            if (f.code().isBlank() || f.code().length() > CODE_LENGTH || !codes.add(f.code())) {
                throw new UserException("report.sent.error.figureCode", f.code());
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
