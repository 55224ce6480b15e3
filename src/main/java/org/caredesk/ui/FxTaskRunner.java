package org.caredesk.ui;

import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs each piece of work on a small pool of named daemon threads; success and error callbacks run on the FX
 * thread. An error is always logged, so none is lost even if a caller's handler is careless. Cancel is cooperative
 * and never interrupts a worker (see {@link WorkerPool}).
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    // Three workers: a search must not wait behind a long import or export; more gains nothing on 2 cores.
    private final WorkerPool workers = new WorkerPool(3, FxTaskRunner::onFx);

    @Override
    public <T> Handle run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        return workers.run(work, onSuccess, onError);
    }

    /** Runs on the FX thread: at once when already there. */
    public static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    @Override
    public void close() {
        workers.close();
    }
}
