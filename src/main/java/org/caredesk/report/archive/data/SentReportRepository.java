package org.caredesk.report.archive.data;

import static org.caredesk.db.generated.Tables.REPORT_SENT;
import static org.caredesk.db.generated.Tables.REPORT_SENT_FIGURE;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.caredesk.db.TextOrder;
import org.caredesk.db.generated.tables.records.ReportSentFigureRecord;
import org.caredesk.db.generated.tables.records.ReportSentRecord;
import org.caredesk.report.archive.FigureValue;
import org.caredesk.report.archive.SentReport;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** SQL for sent reports: written once, read back, never updated. */
public final class SentReportRepository {

    public void insert(DSLContext dsl, SentReport report, byte[] workbook) {
        ReportSentRecord r = dsl.newRecord(REPORT_SENT);
        r.setId(report.id());
        r.setReportMonth(report.month().toString());
        r.setScope(report.scope());
        r.setVersion(report.version());
        r.setSentBy(report.sentBy());
        r.setSentAt(report.sentAt());
        r.setWorkbookSha(report.workbookSha());
        r.setWorkbook(workbook);
        r.insert();
        List<ReportSentFigureRecord> figures = new ArrayList<>(report.figures().size());
        for (FigureValue f : report.figures()) {
            ReportSentFigureRecord fr = dsl.newRecord(REPORT_SENT_FIGURE);
            fr.setReportId(report.id());
            fr.setCode(f.code());
            fr.setMonthValue(f.month());
            fr.setYearValue(f.year());
            figures.add(fr);
        }
        if (!figures.isEmpty()) {
            dsl.batchInsert(figures).execute();
        }
    }

    /** The highest version sent for a month and scope; 0 when none. */
    public int lastVersion(DSLContext dsl, YearMonth month, String scope) {
        Integer v = dsl.select(DSL.max(REPORT_SENT.VERSION)).from(REPORT_SENT)
                .where(REPORT_SENT.REPORT_MONTH.eq(month.toString()), REPORT_SENT.SCOPE.eq(scope))
                .fetchOne(0, Integer.class);
        return v == null ? 0 : v;
    }

    /** Every version of a month and scope, newest first, with its figures in the order they were sent. */
    public List<SentReport> history(DSLContext dsl, YearMonth month, String scope) {
        List<SentReport> reports = new ArrayList<>();
        for (ReportSentRecord r : dsl.selectFrom(REPORT_SENT)
                .where(REPORT_SENT.REPORT_MONTH.eq(month.toString()), REPORT_SENT.SCOPE.eq(scope))
                .orderBy(REPORT_SENT.VERSION.desc()).fetch()) {
            reports.add(report(dsl, r));
        }
        return reports;
    }

    public Optional<SentReport> find(DSLContext dsl, UUID id) {
        return dsl.selectFrom(REPORT_SENT).where(REPORT_SENT.ID.eq(id)).fetchOptional().map(r -> report(dsl, r));
    }

    public Optional<byte[]> workbook(DSLContext dsl, UUID id) {
        return dsl.select(REPORT_SENT.WORKBOOK).from(REPORT_SENT).where(REPORT_SENT.ID.eq(id))
                .fetchOptional(REPORT_SENT.WORKBOOK);
    }

    private static SentReport report(DSLContext dsl, ReportSentRecord r) {
        // Rows have no order of their own; the report's order comes from its catalogue, so code order (the same on
        // both databases) is enough here.
        List<FigureValue> figures = dsl.selectFrom(REPORT_SENT_FIGURE)
                .where(REPORT_SENT_FIGURE.REPORT_ID.eq(r.getId()))
                .orderBy(TextOrder.binary(REPORT_SENT_FIGURE.CODE).asc()).fetch()
                .map(f -> new FigureValue(f.getCode(), f.getMonthValue(), f.getYearValue()));
        return new SentReport(r.getId(), YearMonth.parse(r.getReportMonth()), r.getScope(), r.getVersion(),
                r.getSentBy(), r.getSentAt(), r.getWorkbookSha(), figures);
    }
}
