package org.caredesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;
import org.caredesk.common.I18n;
import org.caredesk.common.UserException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {
    @BeforeEach
    void chinese() {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void reset() {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aFullDiskDeepInsideTheDatabaseError_isSaidPlainly() {
        // The shape H2 throws: an SQL error around its store error around the operating system's IOException.
        Throwable h2 = new SQLException("General error: Writing to file failed",
                new IllegalStateException("Writing to nio:/data/db/caredesk.mv.db failed",
                        new IOException("No space left on device")));
        assertThat(ErrorMessages.of(new RuntimeException(h2)))
                .isEqualTo("磁盘空间不够，刚才的操作没有保存；之前保存的数据都还在。请清理磁盘（或请管理员帮忙）后重新启动程序。");
    }

    @Test
    void windowsWordingCountsToo() {
        assertThat(ErrorMessages.diskFull(new IOException("There is not enough space on the disk"))).isTrue();
    }

    @Test
    void aUserExceptionKeepsItsOwnSentence_andOtherFailuresStayGeneral() {
        assertThat(ErrorMessages.of(new UserException("error.unexpected"))).isEqualTo(I18n.get("error.unexpected"));
        assertThat(ErrorMessages.of(new IllegalStateException("bug"))).isEqualTo(I18n.get("error.unexpected"));
        assertThat(ErrorMessages.of(new IOException("Input/output error"))).contains("Input/output error");
    }

    @Test
    void fullDiskInTheNextExceptionOfABatch_isSaidPlainly() {
        // A batch insert hangs the store's error on the next exception, not on the cause.
        SQLException batch = new java.sql.BatchUpdateException("batch failed", new int[0]);
        batch.setNextException(new SQLException("IO Exception", new IOException("No space left on device")));
        assertThat(ErrorMessages.of(new RuntimeException("jOOQ", batch))).isEqualTo(I18n.get("error.diskFull"));
    }

    @Test
    void fullDiskInASuppressedException_isSaidPlainly() {
        // Closing a stream after a failed write adds the real cause as suppressed.
        IOException close = new IOException("Stream closed");
        close.addSuppressed(new IOException("No space left on device"));
        assertThat(ErrorMessages.of(new java.io.UncheckedIOException(close))).isEqualTo(I18n.get("error.diskFull"));
    }

    @Test
    void readOnlyFolder_isNamedWithTheFile() {
        Throwable t = new RuntimeException(new java.nio.file.AccessDeniedException("/media/usb/名单.xlsx"));
        assertThat(ErrorMessages.of(t)).startsWith("无法写入“/media/usb/名单.xlsx”：所在的文件夹是只读的");
        Throwable readOnly = new RuntimeException(new java.nio.file.FileSystemException("/mnt/ro/x.xlsx", null,
                "Read-only file system"));
        assertThat(ErrorMessages.of(readOnly)).startsWith("无法写入“/mnt/ro/x.xlsx”");
        assertThat(ErrorMessages.of(new IOException("Permission denied"))).isEqualTo(I18n.get("error.notWritable"));
    }

    @Test
    void readOnlyDatabase_isNamedByH2sErrorCode() {
        SQLException h2 = new SQLException("The database is read only", "90097", 90097);
        assertThat(ErrorMessages.of(new RuntimeException(h2))).isEqualTo(I18n.get("error.notWritable"));
    }

    @Test
    void outOfMemory_isASentenceThatSaysTheDataIsUnchanged() {
        assertThat(ErrorMessages.of(new OutOfMemoryError("Java heap space")))
                .startsWith("内存不够，操作没有完成；已保存的数据没有变化。");
        assertThat(ErrorMessages.of(new RuntimeException(new StackOverflowError())))
                .isEqualTo(I18n.get("error.outOfMemory"));
    }

    @Test
    void partOverPoisLimit_isTooLarge() {
        IOException bomb = new IOException("Zip bomb detected! The file would exceed the max size of the expanded "
                + "data in the zip-file.");
        assertThat(ErrorMessages.of(new IllegalStateException(bomb))).isEqualTo(I18n.get("error.tooLarge"));
    }

    @Test
    void causeCycles_endTheSearch() {
        IOException a = new IOException("a");
        IOException b = new IOException("b", a);
        a.initCause(b);
        assertThat(ErrorMessages.of(new IllegalStateException("x", a))).isEqualTo(I18n.get("error.io", "a"));
    }
}
