package org.caredesk.report.service;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.caredesk.audit.Actor;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditDetail;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.audit.service.ChainAnchor;
import org.caredesk.common.Text;
import org.caredesk.common.UserException;
import org.caredesk.db.ConsistentRead;
import org.caredesk.db.OwnFiles;
import org.caredesk.excel.StreamingExport;
import org.caredesk.people.service.PeopleRules;
import org.caredesk.report.DetailRow;
import org.caredesk.report.MonthlyReport;
import org.caredesk.report.Period;
import org.caredesk.report.ReportPart;
import org.caredesk.report.ReportScope;
import org.caredesk.report.data.ReportFacts;
import org.caredesk.report.data.ReportFacts.PersonFact;
import org.caredesk.report.data.ReportRepository;
import org.caredesk.report.excel.CodeList;
import org.caredesk.report.excel.ReportWorkbook;
import org.caredesk.report.template.TemplateFiller;
import org.caredesk.risk.service.CareKeeper;
import org.caredesk.risk.service.DueRules;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.jooq.DSLContext;

/**
 * The monthly statistical report (月度统计报表): its figures as of a month's last day, the rows behind each, and the
 * workbook. Every call needs {@link Permission#REPORT_READ}; the figures of one report are read in one snapshot.
 */
public final class ReportService {
    private final DSLContext dsl;
    private final ReportRepository repository;
    private final CareKeeper care;
    private final PeopleRules rules;
    private final AuditLog audit;
    private final Actor actor;
    private final Session session;
    private final Clock clock;
    private final Path dataDir;
    private final StreamingExport files;

    /** @param tempDir the data folder's tmp/, where workbooks are built; exports never land in the data folder */
    public ReportService(DSLContext dsl, ReportRepository repository, CareKeeper care, PeopleRules rules,
            AuditLog audit, Actor actor, Session session, Clock clock, Path tempDir) {
        this.dsl = dsl;
        this.repository = repository;
        this.care = care;
        this.rules = rules;
        this.audit = audit;
        this.actor = actor;
        this.session = session;
        this.clock = clock;
        this.dataDir = tempDir.toAbsolutePath().getParent();
        this.files = new StreamingExport(tempDir, "report.error.cannotWrite");
    }

    /**
     * The figures of {@code month} for {@code scope}, as of the month's last day, whenever it is run.
     *
     * @throws UserException when the month has not begun yet
     */
    public MonthlyReport compute(YearMonth month, ReportScope scope) {
        session.require(Permission.REPORT_READ);
        LocalDateTime now = LocalDateTime.now(clock);
        if (month.isAfter(YearMonth.from(now))) {
            throw new UserException("report.error.futureMonth", month.toString());
        }
        DueRules due = care.dueRules();
        LocalDate end = end(month, now);
        ReportFacts facts = ConsistentRead.read(dsl, tx -> repository.read(tx, scope, end));
        return new MonthlyReport(month, end, scope, facts.community(), now,
                new FigureEngine(due, rules, month, end).compute(facts), parts(facts, due, month, end));
    }

    /**
     * The main figures per building and per caseworker: the same computation over each group's people (a person
     * is in one building and has one caseworker, so the groups add up to the whole).
     */
    private List<ReportPart> parts(ReportFacts facts, DueRules due, YearMonth month, LocalDate end) {
        List<ReportPart> parts = new ArrayList<>();
        for (ReportPart.Kind kind : ReportPart.Kind.values()) {
            Map<String, List<PersonFact>> groups = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
            for (PersonFact p : facts.people()) {
                String key = kind == ReportPart.Kind.BUILDING ? Text.clean(p.building()) : Text.clean(p.staff());
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
            }
            groups.forEach((name, people) -> {
                Set<UUID> ids = new HashSet<>();
                people.forEach(p -> ids.add(p.id()));
                ReportFacts part = new ReportFacts(facts.community(), people, facts.colours(), facts.visits(),
                        facts.incidents().stream().filter(i -> ids.contains(i.personId())).toList());
                Map<String, Map<Period, List<DetailRow>>> rows = new FigureEngine(due, rules, month, end)
                        .compute(part);
                Map<String, Integer> counts = new HashMap<>();
                for (String code : ReportPart.CODES) {
                    if (rows.containsKey(code)) {
                        counts.put(code, rows.get(code).get(Period.MONTH).size());
                    }
                }
                parts.add(new ReportPart(kind, name, counts));
            });
        }
        return parts;
    }

    /** The day a month's figures are taken at: its last day, or today for the month under way. */
    private static LocalDate end(YearMonth month, LocalDateTime now) {
        return month.atEndOfMonth().isAfter(now.toLocalDate()) ? now.toLocalDate() : month.atEndOfMonth();
    }

    /**
     * Only the snapshot read of a report's facts, no figure computed: {@code bench report}'s floor for the time the
     * figures take. Returns how many people were read.
     */
    public int readFactsOnly(YearMonth month, ReportScope scope) {
        session.require(Permission.REPORT_READ);
        LocalDate end = end(month, LocalDateTime.now(clock));
        return ConsistentRead.read(dsl, tx -> repository.read(tx, scope, end)).people().size();
    }

    /**
     * Writes the report to {@code file} (.xlsx) with the audit chain's head on its cover, and records the export.
     *
     * @param totalsOnly leave the detail sheets out (for sending upward)
     * @return the file's name
     */
    public String export(MonthlyReport report, Path file, boolean totalsOnly) {
        session.require(Permission.REPORT_READ);
        OwnFiles.checkOutput(dataDir, file);
        String name = StreamingExport.fileName(file);
        ChainAnchor anchor = audit.anchor("");
        ReportWorkbook.Cover cover = new ReportWorkbook.Cover(report.community(),
                session.identity().displayName(), LocalDate.now(clock), anchor.line());
        files.write(file, "report-", wb -> {
            new ReportWorkbook(report, cover, totalsOnly).write(wb);
            return name;
        }, n -> audit.record(AuditEvent.success(actor.userName(), AuditAction.EXPORT, AuditObjectType.REPORT,
                report.month().toString(), name, AuditDetail.message(totalsOnly ? "audit.detail.reportTotals"
                        : "audit.detail.report", report.month().toString(), name))));
        return name;
    }

    /**
     * Fills the district's own template with the report's figures and saves the copy as {@code file}; every other
     * cell of the template stays as it was (decision 0029). Unknown placeholders are listed before anything is
     * written. Audited as an export of the report.
     *
     * @return the file's name
     */
    public String fillTemplate(MonthlyReport report, Path template, Path file) {
        session.require(Permission.REPORT_READ);
        OwnFiles.checkOutput(dataDir, file);
        String name = StreamingExport.fileName(file);
        new TemplateFiller(ReportValues.templateCodes(), dataDir.resolve("tmp")).fill(template,
                ReportValues.templateValues(report), file, filled -> audit.record(AuditEvent.success(
                        actor.userName(), AuditAction.EXPORT, AuditObjectType.REPORT, report.month().toString(), name,
                        AuditDetail.message("audit.detail.reportTemplate", report.month().toString(),
                                StreamingExport.fileName(template), name))));
        return name;
    }

    /** Writes the list of figure codes (for the district's template) to {@code file}. */
    public void exportCodes(Path file) {
        session.require(Permission.REPORT_READ);
        OwnFiles.checkOutput(dataDir, file);
        files.write(file, "codes-", wb -> {
            CodeList.write(wb, LocalDate.now(clock));
            return null;
        }, n -> { });
    }
}
