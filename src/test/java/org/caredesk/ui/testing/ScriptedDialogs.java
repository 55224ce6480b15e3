package org.caredesk.ui.testing;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.caredesk.ui.DialogService;

/** A DialogService for UI tests: records messages, answers confirmations and file choosers from a script. */
public final class ScriptedDialogs implements DialogService {
    private final List<String> infos = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final Deque<Boolean> confirmAnswers = new ArrayDeque<>();
    private final Deque<Path> files = new ArrayDeque<>();

    public ScriptedDialogs answerConfirm(boolean answer) {
        confirmAnswers.add(answer);
        return this;
    }

    public ScriptedDialogs chooseFile(Path file) {
        files.add(file);
        return this;
    }

    public List<String> infos() {
        return infos;
    }

    public List<String> errors() {
        return errors;
    }

    @Override
    public void info(String title, String message) {
        infos.add(message);
    }

    @Override
    public void error(String title, String message) {
        errors.add(message);
    }

    @Override
    public boolean confirm(String title, String message) {
        return confirmAnswers.isEmpty() || confirmAnswers.poll();
    }

    @Override
    public Optional<Path> chooseExcelToOpen(String title) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseExcelToSave(String title, String suggestedName) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseBackupToOpen(String title) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        return Optional.ofNullable(files.poll());
    }
}
