package org.caredesk.ui;

import java.util.function.Consumer;
import org.caredesk.common.Progress;

/** Runs work at once on the calling thread: deterministic view-model tests without a toolkit. */
public final class DirectTaskRunner implements TaskRunner {
    @Override
    public <T> Handle run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        T result;
        try {
            result = work.call(Progress.NONE);
        } catch (Exception e) {
            onError.accept(e);
            return DONE;
        }
        onSuccess.accept(result);
        return DONE;
    }

    private static final Handle DONE = new Handle() {
        @Override
        public void cancel() {}

        @Override
        public boolean isRunning() {
            return false;
        }
    };
}
