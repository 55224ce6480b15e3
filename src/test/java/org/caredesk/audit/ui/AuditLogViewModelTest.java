package org.caredesk.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditDetail;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.audit.ChainCheck;
import org.caredesk.audit.FieldChange;
import org.caredesk.audit.StepClock;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.audit.service.AuditExporter;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.I18n;
import org.caredesk.db.Database;
import org.caredesk.ui.DirectTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The auditor's screen state on a real in-memory log, without a toolkit. */
class AuditLogViewModelTest {
    @TempDir
    Path dir;

    private Database db;
    private AuditLog audit;
    private AuditLogViewModel vm;

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        db = Database.openInMemory();
        audit = new AuditLog(db.dsl(), new AuditRepository(), StepClock.minutes(),
                org.caredesk.security.TestSessions.everything());
        vm = new AuditLogViewModel(audit,
                new AuditExporter(audit, dir.resolve("data").resolve("tmp"), () -> "auditor"), new DirectTaskRunner());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void record(int n, String user, AuditAction action, String label) {
        for (int i = 0; i < n; i++) {
            audit.record(AuditEvent.success(user, action, AuditObjectType.PERSON, UUID.randomUUID().toString(), label,
                    AuditDetail.changes(java.util.List.of(new FieldChange("field.NAME", "旧名", label)))));
        }
    }

    @Test
    void load_showsTheNewestPageAndTheUsers() {
        record(3, "wang", AuditAction.PERSON_CREATED, "张三丰");
        record(2, "li", AuditAction.PERSON_VIEWED, "李四");

        vm.load();

        assertThat(vm.rows()).extracting(AuditEntry::seq).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(vm.users()).containsExactly("li", "wang");
        assertThat(vm.pageTextProperty().get()).isEqualTo("第 1 / 1 页，共 5 条");
        assertThat(vm.canNextProperty().get()).isFalse();
    }

    @Test
    void filters_searchAtOnce_andClearingBringsEverythingBack() {
        record(3, "wang", AuditAction.PERSON_CREATED, "张三丰");
        record(2, "li", AuditAction.PERSON_VIEWED, "李四");
        vm.load();

        vm.userProperty().set("li");
        assertThat(vm.rows()).extracting(AuditEntry::userName).containsOnly("li").hasSize(2);
        vm.actionProperty().set(AuditAction.PERSON_CREATED);
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.emptyTextProperty().get()).startsWith("没有符合条件的记录");
        vm.clearFilters();
        vm.textProperty().set("三丰");
        vm.search();
        assertThat(vm.rows()).hasSize(3);
        vm.fromProperty().set(LocalDate.of(2025, 6, 2));
        assertThat(vm.rows()).isEmpty();
        vm.clearFilters();
        assertThat(vm.rows()).hasSize(5);
    }

    @Test
    void paging_happensInTheDatabase() {
        record(5, "wang", AuditAction.PERSON_VIEWED, "张三丰");
        vm.pageSizeProperty().set(2);
        vm.load();

        vm.nextPage();
        vm.nextPage();

        assertThat(vm.rows()).extracting(AuditEntry::seq).containsExactly(1L);
        assertThat(vm.pageTextProperty().get()).isEqualTo("第 3 / 3 页，共 5 条");
        assertThat(vm.canNextProperty().get()).isFalse();
        vm.previousPage();
        assertThat(vm.rows()).extracting(AuditEntry::seq).containsExactly(3L, 2L);
    }

    @Test
    void verify_showsTheSentence_andAdviceOnlyWhenSomethingIsWrong() throws SQLException {
        record(3, "wang", AuditAction.PERSON_CREATED, "张三丰");

        vm.verify();
        assertThat(vm.checkTextProperty().get()).isEqualTo("审计日志完整，共 3 条。");
        assertThat(vm.checkAdviceProperty().get()).isEmpty();
        assertThat(vm.checkProperty().get().finding()).isEqualTo(ChainCheck.Finding.INTACT);

        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from audit_log where seq = 2");
        }
        vm.verify();
        assertThat(vm.checkProperty().get().finding()).isEqualTo(ChainCheck.Finding.DELETED);
        assertThat(vm.checkTextProperty().get()).startsWith("第 2 条记录在程序之外被删除了");
        assertThat(vm.checkAdviceProperty().get()).isNotEmpty();
    }

    @Test
    void selectingAnEntry_showsItInFull_oneChangePerLine() {
        audit.record(AuditEvent.success("wang", AuditAction.PERSON_UPDATED, AuditObjectType.PERSON, "x", "张三丰",
                AuditDetail.changes(java.util.List.of(new FieldChange("field.PHONE1", "138****8000", null),
                        FieldChange.ofEnum("field.colour", null, org.caredesk.common.RiskColour.RED)))));
        vm.load();

        vm.selectedProperty().set(vm.rows().get(0));

        assertThat(vm.selectedTextProperty().get()).isEqualTo(
                "第 1 条　2025-06-01 10:00:00　wang　修改档案　张三丰　成功\n联系电话：138****8000 → （空）\n风险等级：（空） → 红");
    }

    @Test
    void export_writesTheFilteredEntries_recordsItself_andShowsTheNewEntry() {
        record(3, "wang", AuditAction.PERSON_CREATED, "张三丰");
        record(2, "li", AuditAction.PERSON_VIEWED, "李四");
        vm.load();
        vm.userProperty().set("li");
        Path file = dir.resolve("审计.xlsx");

        vm.export(file);

        assertThat(file).exists();
        assertThat(vm.noticeProperty().get()).isEqualTo("已导出 2 条记录，保存在“审计.xlsx”。这次导出本身也已记入审计日志。");
        assertThat(vm.exportingProperty().get()).isFalse();
        vm.clearFilters();
        assertThat(vm.rows().get(0).knownAction()).contains(AuditAction.EXPORT);
        assertThat(vm.rows().get(0).userName()).isEqualTo("auditor");
        assertThat(vm.users()).contains("auditor");
    }

    @Test
    void exportThatFails_saysWhyInOneSentence() throws Exception {
        record(1, "wang", AuditAction.PERSON_CREATED, "张三丰");
        vm.load();
        Path blocker = Files.writeString(dir.resolve("file"), "x");

        vm.export(blocker.resolve("审计.xlsx"));

        // A file stands where the folder should be: the sentence names the place that cannot be written.
        assertThat(vm.errorProperty().get()).startsWith("无法写入“" + blocker + "”");
        assertThat(vm.exportingProperty().get()).isFalse();
    }

    @Test
    void suggestedFileName_carriesTheDate() {
        assertThat(AuditLogViewModel.suggestedFileName(LocalDate.of(2025, 6, 1))).isEqualTo("审计日志-20250601.xlsx");
    }
}
