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
        assertThat(ErrorMessages.of(new IOException("Permission denied"))).contains("Permission denied");
    }
}
