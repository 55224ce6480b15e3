package org.caredesk.people.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.caredesk.common.Progress;
import org.caredesk.ui.TaskRunner;

/** A TaskRunner whose work waits until the test finishes it, in any order: slow and overtaken searches. */
final class ManualTasks implements TaskRunner {
    private final List<Runnable> pending = new ArrayList<>();

    @Override
    public <T> Handle run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        pending.add(() -> {
            T result;
            try {
                result = work.call(Progress.NONE);
            } catch (Exception e) {
                onError.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
        return new Handle() {
            @Override
            public void cancel() {}

            @Override
            public boolean isRunning() {
                return true;
            }
        };
    }

    int pending() {
        return pending.size();
    }

    /** Finishes the i-th piece of work started so far (0-based), delivering its result now. */
    void finish(int i) {
        pending.get(i).run();
    }
}
