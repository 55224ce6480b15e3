package org.caredesk.roster.ui;

import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.roster.service.ImportProblem;
import org.caredesk.roster.service.ImportResult;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.TaskRunner;

/**
 * The import dialog's state: what the dry run found, whether the file may be imported, and the real import in
 * the background. Import is possible only after a clean dry run, so nothing is ever half imported.
 */
public final class ImportViewModel {
    /** The real import of the checked file, given the progress to report to. */
    @FunctionalInterface
    public interface RealImport {
        ImportResult run(Progress progress) throws Exception;
    }

    private final TaskRunner tasks;
    private final RealImport realImport;
    private final ProgressRelay relay;
    private final ObservableList<ImportProblem> problems = FXCollections.observableArrayList();
    private final StringProperty fileText = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty clean = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty refused = new SimpleBooleanProperty();
    private IntConsumer onImported = n -> {};

    /**
     * @param fx runs progress updates on the FX thread ({@code Platform::runLater}; tests {@code Runnable::run})
     */
    public ImportViewModel(TaskRunner tasks, String fileName, RealImport realImport, Consumer<Runnable> fx) {
        this.tasks = tasks;
        this.realImport = realImport;
        this.relay = new ProgressRelay(fx);
        fileText.set(I18n.get("roster.import.file", fileName));
    }

    /** Shows the outcome of a dry run (or of a refused real import). */
    public void show(ImportResult result) {
        problems.setAll(result.problems());
        refused.set(result.refused());
        clean.set(!result.refused() && result.rowsRead() > 0);
        summary.set(summaryOf(result));
    }

    static String summaryOf(ImportResult r) {
        if (r.refused()) {
            return I18n.get("roster.import.summaryRefused", String.valueOf(r.rowsRead()),
                    String.valueOf(r.errors().size()));
        }
        if (r.rowsRead() == 0) {
            return I18n.get("roster.import.summaryEmpty");
        }
        if (r.warnings().isEmpty()) {
            return I18n.get("roster.import.summaryClean", String.valueOf(r.rowsRead()));
        }
        return I18n.get("roster.import.summaryCleanWarnings", String.valueOf(r.rowsRead()),
                String.valueOf(r.warnings().size()));
    }

    /** Runs the real import in the background; on success {@link #setOnImported} hears how many were added. */
    public void importNow() {
        if (!clean.get() || busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        tasks.run(p -> realImport.run(relay.wrap(p)), result -> {
            busy.set(false);
            if (result.refused()) {
                // Someone registered one of these people since the check; show what changed.
                show(result);
            } else {
                clean.set(false);
                onImported.accept(result.imported());
            }
        }, ex -> {
            busy.set(false);
            if (!(ex instanceof CancellationException)) {
                error.set(ErrorMessages.of(ex));
            }
        });
    }

    /** Asks a running import to stop before it writes anything. */
    public void cancel() {
        relay.cancel();
    }

    public void setOnImported(IntConsumer onImported) {
        this.onImported = onImported;
    }

    /** The text shown in the problem column: the sentence, marked when it is only a note. */
    public static String problemText(ImportProblem p) {
        return p.warning() ? I18n.get("roster.import.warning", p.message()) : p.message();
    }

    public static String rowText(ImportProblem p) {
        return p.row() > 0 ? String.valueOf(p.row()) : "";
    }

    public ObservableList<ImportProblem> problems() {
        return problems;
    }

    public ReadOnlyStringProperty fileTextProperty() {
        return fileText;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** True when the dry run found no error and there is somebody to import. */
    public ReadOnlyBooleanProperty cleanProperty() {
        return clean;
    }

    public ReadOnlyBooleanProperty refusedProperty() {
        return refused;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    ProgressRelay progress() {
        return relay;
    }
}
