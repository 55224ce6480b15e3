package org.caredesk.ui;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.caredesk.common.FailureKind;
import org.caredesk.common.Progress;
import org.caredesk.common.UserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker threads behind {@link FxTaskRunner}, free of the toolkit so cancellation can be tested with plain JUnit.
 * Cancel is cooperative (decision 0004): it sets the flag the work reads through {@link Progress#isCancelled()} and
 * drops the outcome; it never interrupts the thread, because an interrupt inside H2 can close the database file.
 */
public final class WorkerPool implements TaskRunner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    private final ExecutorService executor;
    private final Executor deliver;

    /**
     * @param deliver where the success and error callbacks run (the FX thread in the program)
     */
    public WorkerPool(int threads, Executor deliver) {
        this.deliver = deliver;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "caredesk-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("Uncaught in {}", th.getName(), e));
            return t;
        };
        executor = Executors.newFixedThreadPool(threads, factory);
    }

    @Override
    public <T> Handle run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        Job<T> job = new Job<>(work, onSuccess, onError);
        executor.execute(job);
        return job;
    }

    private final class Job<T> implements Runnable, Handle, Progress {
        private final Work<T> work;
        private final Consumer<T> onSuccess;
        private final Consumer<Throwable> onError;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean done = new AtomicBoolean();

        Job(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
            this.work = work;
            this.onSuccess = onSuccess;
            this.onError = onError;
        }

        @Override
        public void run() {
            T result;
            try {
                if (cancelled.get()) {
                    return;
                }
                result = work.call(this);
            } catch (Error e) {
                // An OutOfMemoryError must reach the user as a sentence, not end the worker thread: the work's
                // transaction was rolled back as the error passed, and its objects are garbage by now.
                LOG.error("Background work ran out of memory or stack", e);
                fail(new UserException(e, FailureKind.of(e) == FailureKind.OUT_OF_MEMORY
                        ? "error.outOfMemory" : "error.unexpected"));
                return;
            } catch (Exception e) {
                fail(e);
                return;
            } finally {
                done.set(true);
            }
            deliver.execute(() -> {
                if (!cancelled.get()) {
                    onSuccess.accept(result);
                }
            });
        }

        private void fail(Throwable t) {
            if (t instanceof UserException u && t.getCause() == null) {
                // Refused input is an everyday event, not a fault: one line, no stack trace.
                LOG.info("Refused: {}", u.key());
            } else {
                LOG.warn("Background work failed", t);
            }
            deliver.execute(() -> {
                if (!cancelled.get()) {
                    onError.accept(t);
                }
            });
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }

        /** Still working, or cancelled and not yet at its next safe point. */
        @Override
        public boolean isRunning() {
            return !done.get();
        }

        @Override
        public void update(long doneCount, long total) {
            // No window binds to a task's own progress; long jobs report through their own relay.
        }

        @Override
        public void message(String text) {
            // As above.
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }

    /** Stops taking work; running work ends at its next safe point, threads are not interrupted. */
    @Override
    public void close() {
        executor.shutdown();
    }
}
