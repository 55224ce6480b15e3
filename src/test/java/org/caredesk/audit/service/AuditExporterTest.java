package org.caredesk.audit.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditOutcome;
import org.caredesk.audit.AuditQuery;
import org.caredesk.audit.StepClock;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.common.UserException;
import org.caredesk.db.Database;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

@OnBothDatabases
class AuditExporterTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    private Database db;
    private AuditLog audit;
    private AuditExporter exporter;
    private Path tempDir;

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        db = database.open();
        audit = new AuditLog(db.dsl(), new AuditRepository(), StepClock.minutes(),
                org.caredesk.security.TestSessions.everything());
        tempDir = dir.resolve("data").resolve("tmp");
        exporter = new AuditExporter(audit, tempDir, () -> "auditor");
        audit.record(AuditLogTest.event("wang", AuditAction.PERSON_CREATED, "张三丰"));
        audit.record(AuditLogTest.event("li", AuditAction.PERSON_VIEWED, "张三丰"));
        audit.record(AuditLogTest.event("wang", AuditAction.PERSON_UPDATED, "李四"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static List<List<String>> read(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("审计日志");
            for (Row row : wb.getSheetAt(0)) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < AuditExporter.headers().size(); c++) {
                    Cell cell = row.getCell(c);
                    values.add(cell == null ? "" : format.formatCellValue(cell));
                }
                rows.add(values);
            }
            assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
        }
        return rows;
    }

    @Test
    void export_writesHeaderAndTheFilteredEntriesOldestFirst_andRecordsItself() throws IOException {
        Path file = dir.resolve("审计.xlsx");

        int written = exporter.export(new AuditQuery(null, null, "wang", null, null, 0, 1), file, Progress.NONE);

        assertThat(written).isEqualTo(2);
        List<List<String>> rows = read(file);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactly("序号", "时间", "用户", "操作", "对象类型", "对象", "结果", "详细内容");
        assertThat(rows.get(1)).containsExactly("1", "2025-06-01 10:00:00", "wang", "新建档案", "人员档案", "张三丰",
                "成功", "姓名：（空） → 张三丰");
        assertThat(rows.get(2).subList(0, 6)).containsExactly("3", "2025-06-01 10:02:00", "wang", "修改档案", "人员档案",
                "李四");

        AuditEntry logged = audit.search(AuditQuery.all()).entries().get(0);
        assertThat(logged.knownAction()).contains(AuditAction.EXPORT);
        assertThat(logged.userName()).isEqualTo("auditor");
        assertThat(logged.objectLabel()).isEqualTo("审计.xlsx");
        assertThat(logged.detailText()).isEqualTo("导出到“审计.xlsx”，共 2 行");
        assertThat(audit.verify().intact()).isTrue();
        try (Stream<Path> left = Files.list(tempDir)) {
            assertThat(left).as("temporary files left in the data folder").isEmpty();
        }
    }

    @Test
    void cancelledExport_leavesNoFile_andRecordsNoSuccess() {
        Path file = dir.resolve("审计.xlsx");
        Progress cancelled = new Progress() {
            @Override
            public void update(long done, long total) {}

            @Override
            public void message(String text) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };

        assertThatThrownBy(() -> exporter.export(AuditQuery.all(), file, cancelled))
                .isInstanceOf(CancellationException.class);

        assertThat(file).doesNotExist();
        assertThat(audit.search(AuditQuery.all()).total()).isEqualTo(3);
    }

    @Test
    void exportToAFolderThatCannotBeWritten_isRecordedAsAFailure() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");

        assertThatThrownBy(() -> exporter.export(AuditQuery.all(), blocker.resolve("审计.xlsx"), Progress.NONE))
                .isInstanceOf(UserException.class);

        AuditEntry logged = audit.search(AuditQuery.all()).entries().get(0);
        assertThat(logged.knownAction()).contains(AuditAction.EXPORT);
        assertThat(logged.knownOutcome()).contains(AuditOutcome.FAILURE);
    }
}
