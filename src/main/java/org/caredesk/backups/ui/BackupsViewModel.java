package org.caredesk.backups.ui;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.caredesk.backups.service.BackupsService;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;
import org.caredesk.common.Progress;
import org.caredesk.common.ValidationException;
import org.caredesk.db.BackupEntry;
import org.caredesk.db.BackupResult;
import org.caredesk.db.BackupSettings;
import org.caredesk.db.IntegrityCheck;
import org.caredesk.db.RestoreReport;
import org.caredesk.db.RestoreResult;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.TaskRunner;

/**
 * The 备份与恢复 page: back up now, the list of backups, a backup inspected before it may be restored, and the two
 * backup settings. One piece of work at a time; a backup and an inspection can be cancelled, a restore cannot once
 * it replaces files. The service checks permissions and every rule again.
 */
public final class BackupsViewModel {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final BackupsService service;
    private final TaskRunner tasks;
    private final Consumer<String> onDatabaseReplaced;

    private final ObservableList<BackupEntry> backups = FXCollections.observableArrayList();
    private final ObjectProperty<BackupEntry> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<RestoreReport> inspected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper("");

    private final StringProperty keepText = new SimpleStringProperty("");
    private final ObjectProperty<Path> extraFolder = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper keepError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper extraFolderError = new ReadOnlyStringWrapper("");
    private BackupSettings saved = BackupSettings.DEFAULTS;
    private final ReadOnlyBooleanWrapper settingsChanged = new ReadOnlyBooleanWrapper();

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanBinding canRestore;
    private final BooleanBinding canSaveSettings;
    private AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * @param onDatabaseReplaced called (on the FX thread) with the sentence to show at the login after a restore
     *     closed the database, whether it then succeeded or not: the program must open the data again
     */
    public BackupsViewModel(BackupsService service, TaskRunner tasks, Consumer<String> onDatabaseReplaced) {
        this.service = service;
        this.tasks = tasks;
        this.onDatabaseReplaced = onDatabaseReplaced;
        canRestore = Bindings.createBooleanBinding(() -> !busy.get() && inspected.get() != null
                && inspected.get().ok(), busy, inspected);
        keepText.addListener((obs, old, now) -> validate());
        extraFolder.addListener((obs, old, now) -> validate());
        canSaveSettings = Bindings.createBooleanBinding(() -> !busy.get() && settingsChanged.get()
                && keepError.get().isEmpty() && extraFolderError.get().isEmpty(), busy, settingsChanged, keepError,
                extraFolderError);
    }

    /** Reads the list of backups and the settings. */
    public void load() {
        tasks.run(p -> new Loaded(service.list(), service.settings()), loaded -> {
            backups.setAll(loaded.backups());
            showSettings(loaded.settings());
        }, e -> error.set(ErrorMessages.of(e)));
    }

    private record Loaded(List<BackupEntry> backups, BackupSettings settings) {}

    private void reloadList() {
        tasks.run(p -> service.list(), backups::setAll, e -> error.set(ErrorMessages.of(e)));
    }

    /** A backup now; the result names the file and its size, and any copy that failed. */
    public void backupNow() {
        start("backups.running.backup", true);
        tasks.run(p -> service.backupNow(cancellable(p)), (BackupResult r) -> {
            finish();
            List<String> lines = new ArrayList<>();
            lines.add(I18n.get("backups.done", r.file().getFileName().toString(), sizeText(r.bytes())));
            r.copies().forEach(c -> lines.add(I18n.get("backups.copied", c.getParent().toString())));
            info.set(String.join("\n", lines));
            error.set(String.join("\n", r.warnings()));
            reloadList();
        }, this::failed);
    }

    /** Checks a backup (from the list, or a file chosen elsewhere) and shows what it holds. */
    public void inspect(Path file) {
        inspected.set(null);
        report.set("");
        start("backups.running.inspect", true);
        tasks.run(p -> service.inspect(file, cancellable(p)), (RestoreReport r) -> {
            finish();
            if (r.ok()) {
                inspected.set(r);
                report.set(describe(r));
            } else {
                error.set(I18n.get("backups.inspect.refused", r.file().getFileName().toString()) + "\n"
                        + String.join("\n", r.problems()));
            }
        }, this::failed);
    }

    public void inspectSelected() {
        BackupEntry b = selected.get();
        if (b != null) {
            inspect(b.file());
        }
    }

    /** The question the view asks before {@link #restore()}. */
    public String restoreQuestion() {
        RestoreReport r = inspected.get();
        return r == null ? "" : I18n.get("backups.restore.question", r.file().getFileName().toString(),
                r.createdText());
    }

    /**
     * Restores the inspected backup. Afterwards (and after a failure once the database was closed) the program
     * must open the data again: {@code onDatabaseReplaced} gets the sentence for the login.
     */
    public void restore() {
        RestoreReport r = inspected.get();
        if (!canRestore.get()) {
            return;
        }
        Path file = r.file();
        start("backups.running.restore", false);
        tasks.run(p -> service.restore(file, p), (RestoreResult done) -> {
            finish();
            onDatabaseReplaced.accept(I18n.get("backups.restored", file.getFileName().toString(),
                    done.restored().createdText(), done.replacedFolder().toString()));
        }, e -> {
            if (service.liveClosed()) {
                finish();
                onDatabaseReplaced.accept(I18n.get("backups.restoreFailed", ErrorMessages.of(e)));
            } else {
                failed(e);
            }
        });
    }

    /** Stops a running backup or inspection at its next step. */
    public void cancel() {
        cancelled.set(true);
    }

    /** Saves the two settings; a bad number of backups is refused with a sentence naming the field. */
    public void saveSettings() {
        validate();
        if (!canSaveSettings.get()) {
            return;
        }
        int keep = Integer.parseInt(keepText.get().strip());
        Optional<Path> extra = Optional.ofNullable(extraFolder.get());
        start("backups.running.settings", false);
        tasks.run(p -> service.saveSettings(keep, extra), s -> {
            finish();
            showSettings(s);
            info.set(I18n.get("backups.settings.saved"));
            reloadList();
        }, this::failed);
    }

    public void chooseExtraFolder(Path folder) {
        extraFolder.set(folder);
    }

    public void clearExtraFolder() {
        extraFolder.set(null);
    }

    private void showSettings(BackupSettings s) {
        saved = s;
        keepText.set(String.valueOf(s.keep()));
        extraFolder.set(s.extraFolder().orElse(null));
        validate();
    }

    private void validate() {
        String typed = keepText.get() == null ? "" : keepText.get().strip();
        Integer keep = null;
        try {
            keep = Integer.valueOf(typed);
        } catch (NumberFormatException e) {
            keep = null;
        }
        boolean keepOk = keep != null && keep >= 1 && keep <= BackupSettings.MAX_KEEP;
        keepError.set(keepOk ? "" : BackupsService.keepProblem(typed).localized());
        extraFolderError.set("");
        settingsChanged.set(!keepOk || keep != saved.keep()
                || !Optional.ofNullable(extraFolder.get()).equals(saved.extraFolder()));
    }

    private void start(String busyKey, boolean canCancel) {
        cancelled = new AtomicBoolean();
        busy.set(true);
        cancellable.set(canCancel);
        busyText.set(I18n.get(busyKey));
        info.set("");
        error.set("");
    }

    private void finish() {
        busy.set(false);
        cancellable.set(false);
        busyText.set("");
    }

    private void failed(Throwable e) {
        finish();
        if (isCancellation(e)) {
            info.set(I18n.get("backups.cancelled"));
        } else if (e instanceof ValidationException v) {
            for (Problem p : v.problems()) {
                if (BackupsService.KEEP.equals(p.field())) {
                    keepError.set(p.localized());
                } else if (BackupsService.EXTRA_FOLDER.equals(p.field())) {
                    extraFolderError.set(p.localized());
                }
            }
            error.set(v.localized());
        } else {
            error.set(ErrorMessages.of(e));
        }
    }

    /** What an inspected backup holds: when it was made, the rows per table, the audit chain's verdict. */
    static String describe(RestoreReport r) {
        List<String> lines = new ArrayList<>();
        lines.add(I18n.get("backups.inspect.passed", r.file().getFileName().toString(), r.createdText()));
        IntegrityCheck.describe(r.rowCounts()).forEach(l -> lines.add("  " + l));
        lines.add(I18n.get("backups.inspect.auditChain",
                String.valueOf(r.rowCounts().getOrDefault("AUDIT_LOG", 0L))));
        return String.join("\n", lines);
    }

    /** A size for people: "850 KB", "12.4 MB". */
    public static String sizeText(long bytes) {
        if (bytes < 0) {
            return "";
        }
        if (bytes < 1024 * 1024) {
            return I18n.get("backups.size.kb", String.valueOf(Math.max(1, (bytes + 1023) / 1024)));
        }
        return I18n.get("backups.size.mb", String.format(java.util.Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0));
    }

    public static String createdText(BackupEntry b) {
        return b.created() == null ? "" : SHOWN.format(b.created());
    }

    public static String placeText(BackupEntry b) {
        return I18n.get(b.extraFolder() ? "backups.place.extra" : "backups.place.dataFolder");
    }

    private Progress cancellable(Progress inner) {
        AtomicBoolean flag = cancelled;
        return new Progress() {
            @Override
            public void update(long done, long total) {
                inner.update(done, total);
            }

            @Override
            public void message(String text) {
                inner.message(text);
            }

            @Override
            public boolean isCancelled() {
                return flag.get() || inner.isCancelled();
            }
        };
    }

    private static boolean isCancellation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CancellationException) {
                return true;
            }
        }
        return false;
    }

    public ObservableList<BackupEntry> backups() {
        return backups;
    }

    public ObjectProperty<BackupEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<RestoreReport> inspectedProperty() {
        return inspected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reportProperty() {
        return report.getReadOnlyProperty();
    }

    public StringProperty keepTextProperty() {
        return keepText;
    }

    public ObjectProperty<Path> extraFolderProperty() {
        return extraFolder;
    }

    public ReadOnlyStringProperty keepErrorProperty() {
        return keepError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty extraFolderErrorProperty() {
        return extraFolderError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding canRestoreBinding() {
        return canRestore;
    }

    public BooleanBinding canSaveSettingsBinding() {
        return canSaveSettings;
    }
}
