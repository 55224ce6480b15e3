package org.caredesk.ui;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Every alert, confirmation and file chooser goes through here, so views stay testable: tests pass a scripted
 * implementation instead of native dialogs.
 */
public interface DialogService {
    void info(String title, String message);

    void error(String title, String message);

    boolean confirm(String title, String message);

    /** Asks for an .xlsx file to open. */
    Optional<Path> chooseExcelToOpen(String title);

    /** Asks where to save an .xlsx file, suggesting a file name. */
    Optional<Path> chooseExcelToSave(String title, String suggestedName);

    /** Asks for a backup (.zip) to open. */
    Optional<Path> chooseBackupToOpen(String title);

    /** Asks for a folder (the extra backup folder on a USB drive, say). */
    Optional<Path> chooseFolder(String title);
}
