package org.caredesk.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.caredesk.common.FailureKind;
import org.caredesk.common.Progress;
import org.caredesk.common.UserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each piece of work in a {@link Task} on a small pool of named daemon threads; success and error callbacks
 * run on the FX thread. An error is always logged, so none is lost even if a caller's handler is careless.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);
    private final ExecutorService executor;

    public FxTaskRunner() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "caredesk-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("Uncaught in {}", th.getName(), e));
            return t;
        };
        // Three workers: a search must not wait behind a long import or export; more gains nothing on 2 cores.
        executor = Executors.newFixedThreadPool(3, factory);
    }

    @Override
    public <T> Handle run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                try {
                    return callWork();
                } catch (Error e) {
                    // An OutOfMemoryError must reach the user as a sentence, not end the worker thread: the work's
                    // transaction was rolled back as the error passed, and its objects are garbage by now.
                    LOG.error("Background work ran out of memory or stack", e);
                    throw new UserException(e, FailureKind.of(e) == FailureKind.OUT_OF_MEMORY
                            ? "error.outOfMemory" : "error.unexpected");
                }
            }

            private T callWork() throws Exception {
                Task<T> self = this;
                return work.call(new Progress() {
                    @Override
                    public void update(long done, long total) {
                        updateProgress(done, total);
                    }

                    @Override
                    public void message(String text) {
                        updateMessage(text);
                    }

                    @Override
                    public boolean isCancelled() {
                        return self.isCancelled();
                    }
                });
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> {
            Throwable t = task.getException();
            if (t instanceof UserException u && t.getCause() == null) {
                // Refused input is an everyday event, not a fault: one line, no stack trace.
                LOG.info("Refused: {}", u.key());
            } else {
                LOG.warn("Background work failed", t);
            }
            onError.accept(t);
        });
        executor.execute(task);
        return new Handle() {
            @Override
            public void cancel() {
                task.cancel(true);
            }

            @Override
            public boolean isRunning() {
                return task.isRunning() || !task.isDone();
            }
        };
    }

    /** For progress dialogs that bind to the task's properties. */
    public static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
