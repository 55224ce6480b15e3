package org.caredesk.roster.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.common.UserException;
import org.caredesk.people.PersonQuery;
import org.caredesk.roster.service.ImportResult;
import org.caredesk.roster.service.RosterExporter;
import org.caredesk.roster.service.RosterImporter;
import org.caredesk.roster.service.RosterTemplate;
import org.caredesk.ui.RosterActions;
import org.caredesk.ui.DialogService;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.FormWindow;
import org.caredesk.ui.TaskRunner;
import org.caredesk.ui.ViewLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The people list's Excel actions with their dialogs. Import always checks first (a dry run with progress and
 * Cancel), shows every problem, and imports only a clean file when the user says so. The chosen file is copied
 * into the data folder's tmp/ first, so what gets imported is exactly what was checked even if the file is
 * edited meanwhile.
 *
 * <p>The dialogs are FXML loaded through the application's {@link ViewLoader}, whose controller factory builds
 * {@link ImportView} and {@link ExportChoiceView} (registered in {@code AppShell}).
 */
public final class FxRosterActions implements RosterActions {
    private static final Logger LOG = LoggerFactory.getLogger(FxRosterActions.class);

    private final RosterImporter importer;
    private final RosterExporter exporter;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ViewLoader loader;
    private final Supplier<Window> owner;
    private final Path tempDir;
    private final Consumer<Runnable> fx = Platform::runLater;

    public FxRosterActions(RosterImporter importer, RosterExporter exporter, TaskRunner tasks, DialogService dialogs,
            ViewLoader loader, Supplier<Window> owner, Path tempDir) {
        this.importer = importer;
        this.exporter = exporter;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.loader = loader;
        this.owner = owner;
        this.tempDir = tempDir;
    }

    // ---------------------------------------------------------------- import

    /** A checked copy of the user's file and what the check found. */
    private record Checked(Path snapshot, String fileName, ImportResult result) {}

    @Override
    public void importRoster(Runnable afterImport) {
        String title = I18n.get("roster.import.title");
        Optional<Path> chosen = dialogs.chooseExcelToOpen(I18n.get("roster.import.choose"));
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        String name = fileName(file);
        ProgressDialog progress = ProgressDialog.open(owner.get(), title, I18n.get("roster.progress.reading", name),
                fx);
        tasks.run(p -> {
            Path snapshot = snapshot(file, name);
            try {
                return new Checked(snapshot, name, read(snapshot, name, true, progress.wrap(p)));
            } catch (RuntimeException e) {
                delete(snapshot);
                throw e;
            }
        }, checked -> {
            progress.close();
            showImportDialog(checked, afterImport);
        }, error -> {
            progress.close();
            if (!isCancellation(error)) {
                dialogs.error(title, ErrorMessages.of(error));
            }
        });
    }

    private ImportResult read(Path snapshot, String name, boolean dryRun, Progress progress) throws IOException {
        try (InputStream in = Files.newInputStream(snapshot)) {
            return importer.importStream(in, name, dryRun, progress);
        }
    }

    private Path snapshot(Path file, String name) {
        try {
            Files.createDirectories(tempDir);
            Path copy = Files.createTempFile(tempDir, "import-", ".xlsx");
            try {
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                delete(copy);
                throw e;
            }
            return copy;
        } catch (NoSuchFileException e) {
            throw new UserException(e, "roster.error.notFound", file.toString());
        } catch (IOException e) {
            throw new UserException(e, "roster.error.cannotRead", name);
        }
    }

    private void showImportDialog(Checked checked, Runnable afterImport) {
        ViewLoader.Loaded<ImportView> loaded = loader.load(ImportView.class);
        ImportViewModel vm = new ImportViewModel(tasks, checked.fileName(),
                p -> read(checked.snapshot(), checked.fileName(), false, p), fx);
        vm.show(checked.result());
        Stage stage = FormWindow.over(owner.get(), loaded.root()).title(I18n.get("roster.import.title")).build();
        loaded.controller().bind(vm, stage::close);
        vm.setOnImported(count -> {
            stage.close();
            dialogs.info(I18n.get("roster.import.title"), I18n.get("roster.import.done", String.valueOf(count)));
            afterImport.run();
        });
        stage.setOnCloseRequest(e -> {
            if (vm.busyProperty().get()) {
                e.consume(); // the import is writing; it cannot be abandoned half way
            }
        });
        stage.setOnHidden(e -> delete(checked.snapshot()));
        stage.show();
    }

    // ---------------------------------------------------------------- export and template

    /**
     * Exports the filtered list. A user who may export full numbers is asked first whether to (with a reason);
     * everyone else gets the masked list without a question.
     */
    @Override
    public void exportRoster(PersonQuery filter) {
        if (!exporter.mayExportFull()) {
            exportTo(filter, ExportChoiceViewModel.Choice.MASKED);
            return;
        }
        ViewLoader.Loaded<ExportChoiceView> loaded = loader.load(ExportChoiceView.class);
        Stage stage = FormWindow.over(owner.get(), loaded.root()).title(I18n.get("roster.export.title")).build();
        loaded.controller().bind(new ExportChoiceViewModel(), choice -> exportTo(filter, choice), stage::close);
        stage.show();
    }

    private void exportTo(PersonQuery filter, ExportChoiceViewModel.Choice choice) {
        String title = I18n.get("roster.export.title");
        String suggested = I18n.get("roster.export.fileName",
                LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE));
        Optional<Path> chosen = dialogs.chooseExcelToSave(title, suggested);
        if (chosen.isEmpty()) {
            return;
        }
        Path file = withXlsx(chosen.get());
        ProgressDialog progress = ProgressDialog.open(owner.get(), title, I18n.get("roster.progress.exporting"), fx);
        tasks.run(p -> choice.full() ? exporter.exportFull(filter, file, choice.reason(), progress.wrap(p))
                : exporter.export(filter, file, progress.wrap(p)), count -> {
                    progress.close();
                    dialogs.info(title, I18n.get(choice.full() ? "roster.export.doneFull" : "roster.export.done",
                            String.valueOf(count), fileName(file)));
                }, error -> {
                    progress.close();
                    if (!isCancellation(error)) {
                        dialogs.error(title, ErrorMessages.of(error));
                    }
                });
    }

    @Override
    public void writeTemplate() {
        String title = I18n.get("roster.template.title");
        Optional<Path> chosen = dialogs.chooseExcelToSave(title, I18n.get("roster.template.fileName"));
        if (chosen.isEmpty()) {
            return;
        }
        Path file = withXlsx(chosen.get());
        tasks.run(p -> {
            RosterTemplate.write(file, tempDir.toAbsolutePath().getParent());
            return file;
        }, written -> dialogs.info(title, I18n.get("roster.template.done", fileName(written))),
                error -> dialogs.error(title, ErrorMessages.of(error)));
    }

    // ---------------------------------------------------------------- helpers

    /** A name typed without extension gets .xlsx: Linux file choosers do not add it. */
    static Path withXlsx(Path file) {
        String name = fileName(file);
        return name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? file : file.resolveSibling(name + ".xlsx");
    }

    private static String fileName(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    private static boolean isCancellation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CancellationException) {
                return true;
            }
        }
        return false;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", file, e);
        }
    }
}
