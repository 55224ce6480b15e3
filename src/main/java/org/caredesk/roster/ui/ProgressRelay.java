package org.caredesk.roster.ui;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;

/**
 * Carries a worker's progress to properties a progress bar binds to, and the user's Cancel back to the worker.
 * Reports from the worker are coalesced: however many rows per second, at most one update waits for the FX thread.
 * Cancelling only sets a flag the importer and exporter check between rows; the worker thread is never
 * interrupted, because an interrupt in the middle of a database write closes H2's file channel.
 */
final class ProgressRelay {
    private final Consumer<Runnable> fx;
    private final DoubleProperty fraction = new SimpleDoubleProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty detail = new SimpleStringProperty("");
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile long done;
    private volatile long total;
    private volatile String text;

    /** @param fx runs an update on the FX thread ({@code Platform::runLater}; tests pass {@code Runnable::run}) */
    ProgressRelay(Consumer<Runnable> fx) {
        this.fx = fx;
    }

    /** The progress to hand to the work: reports go to {@code inner} and to this relay's properties. */
    Progress wrap(Progress inner) {
        Progress base = inner == null ? Progress.NONE : inner;
        return new Progress() {
            @Override
            public void update(long d, long t) {
                base.update(d, t);
                done = d;
                total = t;
                post();
            }

            @Override
            public void message(String m) {
                base.message(m);
                text = m;
                post();
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get() || base.isCancelled();
            }
        };
    }

    void cancel() {
        cancelled.set(true);
    }

    boolean isCancelled() {
        return cancelled.get();
    }

    private void post() {
        if (pending.compareAndSet(false, true)) {
            fx.accept(() -> {
                pending.set(false);
                apply();
            });
        }
    }

    private void apply() {
        long t = total;
        long d = done;
        fraction.set(t > 0 ? Math.min(1.0, (double) d / t) : -1);
        if (text != null) {
            message.set(text);
        }
        detail.set(t > 0 ? I18n.get("roster.progress.rows", String.valueOf(d), String.valueOf(t)) : "");
    }

    /** Done fraction 0–1, or -1 while unknown (an indeterminate bar). */
    ReadOnlyDoubleProperty fractionProperty() {
        return fraction;
    }

    ReadOnlyStringProperty messageProperty() {
        return message;
    }

    ReadOnlyStringProperty detailProperty() {
        return detail;
    }
}
