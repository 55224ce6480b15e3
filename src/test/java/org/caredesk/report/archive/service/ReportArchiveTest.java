package org.caredesk.report.archive.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.caredesk.app.AppContext;
import org.caredesk.app.MutableClock;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.common.I18n;
import org.caredesk.common.UserException;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.report.ReportScope;
import org.caredesk.report.archive.FigureChange;
import org.caredesk.report.archive.FigureValue;
import org.caredesk.report.archive.SentReport;
import org.caredesk.report.archive.data.SentReportRepository;
import org.caredesk.security.AccessDeniedException;
import org.caredesk.security.Role;
import org.caredesk.security.TestSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** Sending a month's report, its versions, what changed since, and who may do it (报送存档). */
@OnBothDatabases
class ReportArchiveTest {
    /** The clock stands in June 2025: May is over, June is not. */
    private static final YearMonth MAY = YearMonth.of(2025, 5);
    private static final ReportScope COMMUNITY = ReportScope.ALL;

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;
    private final MutableClock clock = MutableClock.morning();
    private AppContext ctx;

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        ctx = database.context(dir, clock);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private ReportArchive archive(Role role) {
        return new ReportArchive(ctx.database().dsl(), new SentReportRepository(), ctx.audit(), () -> "director",
                TestSessions.with(role), clock, dir);
    }

    private static FigureValue figure(String code, String month, String year) {
        return new FigureValue(code, month == null ? null : new BigDecimal(month),
                year == null ? null : new BigDecimal(year));
    }

    private static final List<FigureValue> SENT = List.of(
            figure("在册.刑满释放人员", "32", "32"),
            figure("走访完成率", "0.85", "0.8125"),
            figure("规范管理率", null, null),
            figure("新增.吸毒人员", "2", "9"));

    private static final byte[] WORKBOOK = "PK-not-really-a-workbook".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSentReport_keepsItsFiguresExactly_andASecondSendingIsTheNextVersion() {
        ReportArchive archive = archive(Role.DIRECTOR);

        SentReport first = archive.send(MAY, COMMUNITY, SENT, WORKBOOK);
        SentReport second = archive.send(MAY, COMMUNITY, List.of(figure("在册.刑满释放人员", "33", "33")), WORKBOOK);

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        List<SentReport> history = archive.history(MAY, COMMUNITY);
        assertThat(history).extracting(SentReport::version).containsExactly(2, 1);
        SentReport stored = history.get(1);
        assertThat(stored.figures()).containsExactlyInAnyOrderElementsOf(SENT);
        assertThat(stored.sentBy()).isEqualTo("director");
        assertThat(stored.workbookSha()).hasSize(64);
        assertThat(archive.latest(MAY, COMMUNITY)).contains(history.get(0));
        assertThat(archive.history(MAY, ReportScope.building("7栋"))).as("another scope has its own versions").isEmpty();
    }

    @Test
    void diff_namesEveryFigureThatChanged_appeared_orWentAway_andNothingElse() {
        List<FigureValue> now = List.of(
                figure("在册.刑满释放人员", "33", "33.000"),
                figure("走访完成率", "0.850000", "0.8125"),
                figure("规范管理率", "0.5", "0.5"),
                figure("销册.死亡", "1", "1"));

        List<FigureChange> changes = ReportArchive.diff(SENT, now);

        assertThat(changes).containsExactly(
                new FigureChange("在册.刑满释放人员", new BigDecimal("32"), new BigDecimal("33"), new BigDecimal("32"),
                        new BigDecimal("33"), FigureChange.Kind.CHANGED),
                new FigureChange("规范管理率", null, new BigDecimal("0.5"), null, new BigDecimal("0.5"),
                        FigureChange.Kind.CHANGED),
                new FigureChange("销册.死亡", null, BigDecimal.ONE, null, BigDecimal.ONE, FigureChange.Kind.NEW),
                new FigureChange("新增.吸毒人员", new BigDecimal("2"), null, new BigDecimal("9"), null,
                        FigureChange.Kind.GONE));
        assertThat(changes.get(0).monthDelta()).isEqualByComparingTo("1");
        assertThat(ReportArchive.diff(SENT, SENT)).as("the same figures: nothing changed").isEmpty();
    }

    @Test
    void sendingIsAudited_withTheMonthScopeVersionAndTheWorkbooksHash() {
        SentReport sent = archive(Role.DIRECTOR).send(MAY, COMMUNITY, SENT, WORKBOOK);

        List<AuditEntry> entries = ctx.audit().history(AuditObjectType.REPORT, sent.id().toString(),
                EnumSet.of(AuditAction.REPORT_SENT));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.userName()).isEqualTo("director");
            assertThat(e.detailText()).contains("2025-05", "community", "第 1 版", "4 项指标", sent.workbookSha());
        });
        assertThat(ctx.audit().checkChain().intact()).isTrue();
    }

    @Test
    void theSentWorkbook_isWrittenOutByteForByte_andAuditedAsAnExport() throws Exception {
        ReportArchive archive = archive(Role.DIRECTOR);
        SentReport sent = archive.send(MAY, COMMUNITY, SENT, WORKBOOK);
        Path out = elsewhere.resolve("out").resolve("五月报表.xlsx");

        archive.writeWorkbook(sent.id(), out);

        assertThat(Files.readAllBytes(out)).isEqualTo(WORKBOOK);
        assertThat(ctx.audit().history(AuditObjectType.REPORT, sent.id().toString(),
                EnumSet.of(AuditAction.EXPORT))).singleElement()
                .satisfies(e -> assertThat(e.detailText()).contains("五月报表.xlsx"));
    }

    private static void refused(ThrowingCallable call, String sentence) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserException.class,
                e -> assertThat(e.localized()).contains(sentence));
    }

    @Test
    void aMonthNotOver_noFigures_aRepeatedCode_orAnEmptyWorkbook_isRefusedWithASentence_andNothingIsKept() {
        ReportArchive archive = archive(Role.DIRECTOR);

        refused(() -> archive.send(YearMonth.of(2025, 6), COMMUNITY, SENT, WORKBOOK), "2025-06 月还没有结束");
        refused(() -> archive.send(MAY, COMMUNITY, List.of(), WORKBOOK), "没有任何指标");
        refused(() -> archive.send(MAY, COMMUNITY, List.of(figure("a", "1", "1"), figure("a", "2", "2")), WORKBOOK),
                "指标代码“a”");
        refused(() -> archive.send(MAY, COMMUNITY, SENT, new byte[0]), "工作簿是空的");
        refused(() -> archive.send(MAY, ReportScope.building("楼".repeat(80)), SENT, WORKBOOK), "太长，无法存档");

        assertThat(archive.history(MAY, COMMUNITY)).isEmpty();
    }

    @Test
    void onlyTheDirectorSends_orReadsWhatWasSent() {
        archive(Role.DIRECTOR).send(MAY, COMMUNITY, SENT, WORKBOOK);
        for (Role role : EnumSet.complementOf(EnumSet.of(Role.DIRECTOR))) {
            ReportArchive archive = archive(role);
            assertThatThrownBy(() -> archive.send(MAY, COMMUNITY, SENT, WORKBOOK)).as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> archive.history(MAY, COMMUNITY)).as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
