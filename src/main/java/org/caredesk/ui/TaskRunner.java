package org.caredesk.ui;

import java.util.function.Consumer;
import org.caredesk.common.Progress;

/**
 * Runs work off the FX thread and delivers the outcome back on it. View models depend on this interface; the
 * application uses {@link FxTaskRunner}, tests {@link DirectTaskRunner}.
 */
public interface TaskRunner {

    /** Work that may report progress and should stop early when cancelled. */
    @FunctionalInterface
    interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    interface Handle {
        void cancel();

        boolean isRunning();
    }

    <T> Handle run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError);
}
