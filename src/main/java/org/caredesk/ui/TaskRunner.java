package org.caredesk.ui;

import java.util.function.Consumer;

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

    interface Progress {
        void update(long done, long total);

        void message(String text);

        boolean isCancelled();
    }

    interface Handle {
        void cancel();

        boolean isRunning();
    }

    <T> Handle run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError);

    /** Progress that ignores reports and is never cancelled. */
    Progress NO_PROGRESS = new Progress() {
        @Override
        public void update(long done, long total) {}

        @Override
        public void message(String text) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
