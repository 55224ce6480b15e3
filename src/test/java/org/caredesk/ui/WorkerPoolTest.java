package org.caredesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 16: cancel asks the work to stop at its next safe point and never interrupts its thread (decision 0004). */
class WorkerPoolTest {
    private final WorkerPool pool = new WorkerPool(2, Runnable::run);

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void cancel_setsTheFlag_andNeverInterruptsTheWorker() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicBoolean sawFlag = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean(true);
        AtomicReference<Object> delivered = new AtomicReference<>();

        TaskRunner.Handle handle = pool.run(progress -> {
            started.countDown();
            // Stands for a bulk write between two batches: it looks at the flag, never at the interrupt.
            cancelled.await(10, TimeUnit.SECONDS);
            sawFlag.set(progress.isCancelled());
            interrupted.set(Thread.currentThread().isInterrupted());
            finished.countDown();
            return "done";
        }, delivered::set, delivered::set);

        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        handle.cancel();
        cancelled.countDown();
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(sawFlag).isTrue();
        assertThat(interrupted).isFalse();
        Thread.sleep(100);
        assertThat(delivered.get()).as("a cancelled job's outcome is dropped").isNull();
    }

    @Test
    void aCancelledJob_staysRunningUntilItsNextSafePoint() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        TaskRunner.Handle handle = pool.run(progress -> {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
            finished.countDown();
            return 1;
        }, v -> { }, e -> { });

        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        handle.cancel();
        assertThat(handle.isRunning()).isTrue();
        release.countDown();
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 100 && handle.isRunning(); i++) {
            Thread.sleep(10);
        }
        assertThat(handle.isRunning()).isFalse();
    }

    @Test
    void cancelledBeforeItStarts_theWorkNeverRuns() throws InterruptedException {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        WorkerPool one = new WorkerPool(1, Runnable::run);
        try {
            one.run(progress -> {
                busy.countDown();
                return release.await(10, TimeUnit.SECONDS);
            }, v -> { }, e -> { });
            AtomicBoolean ran = new AtomicBoolean();
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            TaskRunner.Handle queued = one.run(progress -> {
                ran.set(true);
                return 1;
            }, v -> { }, e -> { });
            queued.cancel();
            release.countDown();
            for (int i = 0; i < 100 && queued.isRunning(); i++) {
                Thread.sleep(10);
            }
            assertThat(queued.isRunning()).isFalse();
            assertThat(ran).isFalse();
        } finally {
            one.close();
        }
    }

    @Test
    void uncancelledWork_deliversItsResult() throws InterruptedException {
        CountDownLatch got = new CountDownLatch(1);
        AtomicReference<String> result = new AtomicReference<>();
        pool.run(progress -> progress.isCancelled() ? "cancelled" : "ok", r -> {
            result.set(r);
            got.countDown();
        }, e -> got.countDown());
        assertThat(got.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(result.get()).isEqualTo("ok");
    }
}
