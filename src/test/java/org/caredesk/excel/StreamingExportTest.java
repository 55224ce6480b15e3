package org.caredesk.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingExportTest {
    @TempDir
    Path dir;

    private Path tmp() {
        return dir.resolve("data").resolve("tmp");
    }

    private static int rows(SXSSFWorkbook wb, int n) {
        SXSSFSheet sheet = wb.createSheet("s");
        for (int i = 0; i < n; i++) {
            sheet.createRow(i).createCell(0).setCellValue("row " + i);
        }
        return n;
    }

    @Test
    void write_movesTheWorkbookIntoPlace_recordsTheResult_andLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("out").resolve("名单.xlsx");
        AtomicReference<Integer> recorded = new AtomicReference<>();

        int written = new StreamingExport(tmp(), "roster.error.cannotWrite").write(file, "t-", wb -> rows(wb, 500),
                recorded::set);

        assertThat(written).isEqualTo(500);
        assertThat(recorded.get()).isEqualTo(500);
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(499);
        }
        try (Stream<Path> left = Files.walk(tmp())) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void whenRecordingFails_theFileIsDeletedAgain() {
        Path file = dir.resolve("名单.xlsx");

        assertThatThrownBy(() -> new StreamingExport(tmp(), "roster.error.cannotWrite").write(file, "t-",
                wb -> rows(wb, 3), n -> {
                    throw new IllegalStateException("the log refused");
                })).hasMessage("the log refused");

        assertThat(file).doesNotExist();
    }

    @Test
    void cancelling_leavesAnOlderFileUntouched_andRecordsNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("名单.xlsx"), "older");
        AtomicReference<Integer> recorded = new AtomicReference<>();

        assertThatThrownBy(() -> new StreamingExport(tmp(), "roster.error.cannotWrite").write(file, "t-", wb -> {
            rows(wb, 300);
            throw new CancellationException("cancelled");
        }, recorded::set)).isInstanceOf(CancellationException.class);

        assertThat(Files.readString(file)).isEqualTo("older");
        assertThat(recorded.get()).isNull();
        try (Stream<Path> left = Files.walk(tmp())) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
