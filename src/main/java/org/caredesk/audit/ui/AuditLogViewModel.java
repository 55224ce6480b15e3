package org.caredesk.audit.ui;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditPage;
import org.caredesk.audit.AuditQuery;
import org.caredesk.audit.ChainCheck;
import org.caredesk.audit.FieldChange;
import org.caredesk.audit.service.AuditExporter;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.PagePosition;
import org.caredesk.ui.PagedList;
import org.caredesk.ui.Paging;
import org.caredesk.ui.TaskRunner;

/**
 * State of the auditor's screen: filters, one page of entries answered by the database, the chain check and the
 * export. Read-only by design: it has no command that could change an entry.
 */
public final class AuditLogViewModel implements Paging {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final AuditLog audit;
    private final AuditExporter exporter;
    private final TaskRunner tasks;

    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<String> user = new SimpleObjectProperty<>();
    private final ObjectProperty<AuditAction> action = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<String> users = FXCollections.observableArrayList();

    private final ObservableList<AuditEntry> rows = FXCollections.observableArrayList();
    private final ObjectProperty<AuditEntry> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper selectedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("");
    private final PagedList<Void, Found> list;

    private final ReadOnlyObjectWrapper<ChainCheck> check = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper checkText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper checkAdvice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper();
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    private AtomicBoolean exportCancelled = new AtomicBoolean();
    /** Set while several filters change at once, so they cause one search, not one each. */
    private boolean quiet;

    /** One page and whether the search that found it had any filter (for the empty-table sentence). */
    private record Found(AuditPage page, boolean anyFilter) {}

    public AuditLogViewModel(AuditLog audit, AuditExporter exporter, TaskRunner tasks) {
        this.audit = audit;
        this.exporter = exporter;
        this.tasks = tasks;
        list = new PagedList<Void, Found>(tasks, AuditQuery.DEFAULT_PAGE_SIZE, (sort, asc) -> reader(),
                f -> f.page().total(), f -> f.page().entries().size(), "audit.page").onShown(this::show)
                .onFailed(e -> error.set(ErrorMessages.of(e)));
        from.addListener((obs, old, now) -> filterChanged());
        to.addListener((obs, old, now) -> filterChanged());
        user.addListener((obs, old, now) -> filterChanged());
        action.addListener((obs, old, now) -> filterChanged());
        list.pageSizeProperty().addListener((obs, old, now) -> filterChanged());
        selected.addListener((obs, old, now) -> selectedText.set(describe(now)));
        emptyText.set(I18n.get("audit.empty.none"));
    }

    /** Loads the user filter's choices and the first page. */
    public void load() {
        loadUsers();
        search();
    }

    private void loadUsers() {
        tasks.run(p -> audit.userNames(), list -> {
            String chosen = user.get();
            users.setAll(list);
            if (chosen != null && !list.contains(chosen)) {
                users.add(chosen);
            }
        }, e -> error.set(ErrorMessages.of(e)));
    }

    private void filterChanged() {
        if (!quiet) {
            search();
        }
    }

    /** A new search from the first page. */
    public void search() {
        list.search();
    }

    /** The same page again, with entries written meanwhile. */
    public void refresh() {
        loadUsers();
        list.refresh();
    }

    /** Every filter back to "all". */
    public void clearFilters() {
        quiet = true;
        try {
            from.set(null);
            to.set(null);
            user.set(null);
            action.set(null);
            text.set("");
        } finally {
            quiet = false;
        }
        search();
    }

    /** The current filters on a given page. */
    public AuditQuery query(int page, int size) {
        return new AuditQuery(from.get(), to.get(), user.get(), action.get(), text.get(), page * size, size);
    }

    /** The filters as they are now, read on the FX thread; the worker reads the pages with them. */
    private PagedList.Reader<Found> reader() {
        AuditQuery q = query(0, 1);
        boolean anyFilter = q.from() != null || q.to() != null || q.user() != null || q.action() != null
                || q.text() != null;
        return (offset, limit, p) -> new Found(audit.search(new AuditQuery(q.from(), q.to(), q.user(), q.action(),
                q.text(), offset, limit)), anyFilter);
    }

    private void show(Found found) {
        error.set("");
        rows.setAll(found.page().entries());
        emptyText.set(I18n.get(found.anyFilter() ? "audit.empty.noMatch" : "audit.empty.none"));
    }

    public static int pageCount(long total, int size) {
        return PagePosition.pageCount(total, size);
    }

    /** Checks the whole chain and shows the sentence. */
    public void verify() {
        checking.set(true);
        check.set(null);
        checkAdvice.set("");
        checkText.set(I18n.get("audit.verify.running"));
        tasks.run(p -> audit.verify(), result -> {
            checking.set(false);
            check.set(result);
            checkText.set(result.sentence());
            checkAdvice.set(result.intact() ? "" : I18n.get("audit.verify.advice"));
        }, e -> {
            checking.set(false);
            checkText.set("");
            error.set(ErrorMessages.of(e));
        });
    }

    /** Exports every entry of the current filters (all pages) to {@code file}. */
    public void export(Path file) {
        if (exporting.get()) {
            return;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        exportCancelled = cancelled;
        AuditQuery q = query(0, list.pageSizeProperty().get());
        exporting.set(true);
        notice.set(I18n.get("audit.export.running"));
        tasks.run(p -> exporter.export(q, file, cancellable(p, cancelled)), count -> {
            exporting.set(false);
            error.set("");
            notice.set(I18n.get("audit.export.done", String.valueOf(count), fileName(file)));
            // The export is itself an entry: show it.
            refresh();
        }, e -> {
            exporting.set(false);
            if (isCancellation(e)) {
                notice.set(I18n.get("audit.export.cancelled"));
            } else {
                notice.set("");
                error.set(ErrorMessages.of(e));
            }
        });
    }

    /**
     * Asks a running export to stop at the next row. Only a flag: interrupting the worker in the middle of a
     * database read would close H2's file channel.
     */
    public void cancelExport() {
        exportCancelled.set(true);
    }

    /** The suggested file name for an export made on {@code today}. */
    public static String suggestedFileName(LocalDate today) {
        return I18n.get("audit.export.fileName", today.format(DateTimeFormatter.BASIC_ISO_DATE));
    }

    private static Progress cancellable(Progress inner, AtomicBoolean cancelled) {
        return new Progress() {
            @Override
            public void update(long done, long all) {
                inner.update(done, all);
            }

            @Override
            public void message(String m) {
                inner.message(m);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get() || inner.isCancelled();
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

    private static String fileName(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /** The selected entry in full: a heading line, then its detail, one change per line. */
    static String describe(AuditEntry e) {
        if (e == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(I18n.get("audit.selected", String.valueOf(e.seq()), e.loggedAt() == null ? ""
                : TIME.format(e.loggedAt()), e.userName(), e.actionLabel(), e.objectLabel() == null ? ""
                : e.objectLabel(), e.outcomeLabel()));
        if (!e.changes().isEmpty()) {
            for (FieldChange c : e.changes()) {
                sb.append('\n').append(I18n.get("audit.detail.change", c.fieldLabel(), shown(c.oldText()),
                        shown(c.newText())));
            }
        } else if (!e.detailText().isEmpty()) {
            sb.append('\n').append(e.detailText());
        }
        return sb.toString();
    }

    private static String shown(String value) {
        return value.isEmpty() ? I18n.get("audit.detail.empty") : value;
    }

    public static String time(AuditEntry e) {
        return e.loggedAt() == null ? "" : TIME.format(e.loggedAt());
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<String> userProperty() {
        return user;
    }

    public ObjectProperty<AuditAction> actionProperty() {
        return action;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<String> users() {
        return users;
    }

    public ObservableList<AuditEntry> rows() {
        return rows;
    }

    public ObjectProperty<AuditEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty selectedTextProperty() {
        return selectedText.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalProperty() {
        return list.totalProperty();
    }

    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** The last chain check; null before the first. */
    public ReadOnlyObjectProperty<ChainCheck> checkProperty() {
        return check.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty checkTextProperty() {
        return checkText.getReadOnlyProperty();
    }

    /** What to do when the check found a problem; empty otherwise. */
    public ReadOnlyStringProperty checkAdviceProperty() {
        return checkAdvice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    public StringProperty noticeProperty() {
        return notice;
    }

    public StringProperty errorProperty() {
        return error;
    }

    @Override
    public PagedList<?, ?> pagedList() {
        return list;
    }
}
