package org.caredesk.audit.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.FieldChange;
import org.caredesk.common.I18n;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.TaskRunner;

/**
 * 变更记录 of one person's file: who changed what and when, one line per changed field, newest first. The entries
 * come from the audit log through a function (the people service's history), so this view knows no service.
 */
public final class PersonHistoryViewModel {

    /**
     * One line of the history.
     *
     * @param first whether this is the first line of its entry (the view shows time, user and action only there)
     */
    public record Line(long seq, String time, String user, String action, String field, String oldValue,
            String newValue, boolean first) {}

    private final Function<UUID, List<AuditEntry>> history;
    private final TaskRunner tasks;
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    /** @param history a person's change entries, newest first ({@code PersonService::personHistory}) */
    public PersonHistoryViewModel(Function<UUID, List<AuditEntry>> history, TaskRunner tasks) {
        this.history = history;
        this.tasks = tasks;
    }

    /** Loads the history of one person's file, off the FX thread. */
    public void load(UUID personId, String name) {
        title.set(I18n.get("history.title", name));
        emptyText.set("");
        tasks.run(p -> history.apply(personId), entries -> {
            error.set("");
            lines.setAll(lines(entries));
            emptyText.set(I18n.get("history.empty"));
        }, e -> error.set(ErrorMessages.of(e)));
    }

    static List<Line> lines(List<AuditEntry> entries) {
        List<Line> out = new ArrayList<>();
        for (AuditEntry e : entries) {
            String time = AuditLogViewModel.time(e);
            List<FieldChange> changes = e.changes();
            if (changes.isEmpty()) {
                out.add(new Line(e.seq(), time, e.userName(), e.actionLabel(), I18n.get("history.noChanges"), "", "",
                        true));
                continue;
            }
            boolean first = true;
            for (FieldChange c : changes) {
                out.add(new Line(e.seq(), time, e.userName(), e.actionLabel(), c.fieldLabel(), c.oldText(),
                        c.newText(), first));
                first = false;
            }
        }
        return out;
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Shown instead of an empty table once loaded. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
