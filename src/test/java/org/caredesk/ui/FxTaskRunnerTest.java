package org.caredesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.caredesk.common.I18n;
import org.caredesk.common.UserException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 18, finding 9: an OutOfMemoryError in background work reaches the window as a sentence. */
@ExtendWith(ApplicationExtension.class)
class FxTaskRunnerTest {
    private final FxTaskRunner tasks = new FxTaskRunner();

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @BeforeEach
    void chinese() {
        I18n.setLocale(I18n.CHINESE);
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    private static void waitFor(AtomicReference<?> ref) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ref.get() != null);
    }

    @Test
    void outOfMemory_endsInASentence_andTheWorkersGoOn() throws TimeoutException {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        tasks.run(progress -> {
            throw new OutOfMemoryError("Java heap space");
        }, v -> { }, failed::set);
        waitFor(failed);

        assertThat(failed.get()).isInstanceOfSatisfying(UserException.class,
                e -> assertThat(e.key()).isEqualTo("error.outOfMemory"));
        assertThat(ErrorMessages.of(failed.get())).startsWith("内存不够，操作没有完成；已保存的数据没有变化。");

        AtomicReference<String> next = new AtomicReference<>();
        for (int i = 0; i < 4; i++) {
            next.set(null);
            tasks.run(progress -> "ok", next::set, t -> next.set("failed"));
            waitFor(next);
            assertThat(next.get()).isEqualTo("ok");
        }
    }

    @Test
    void stackOverflow_isAlsoASentence() throws TimeoutException {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        tasks.run(progress -> {
            throw new StackOverflowError();
        }, v -> { }, failed::set);
        waitFor(failed);

        assertThat(ErrorMessages.of(failed.get())).isEqualTo(I18n.get("error.outOfMemory"));
    }
}
