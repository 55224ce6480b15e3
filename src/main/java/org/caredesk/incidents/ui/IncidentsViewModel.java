package org.caredesk.incidents.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.caredesk.common.I18n;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.PagedList;
import org.caredesk.ui.Paging;
import org.caredesk.ui.TaskRunner;
import org.caredesk.incidents.Incident;
import org.caredesk.incidents.IncidentService;
import org.caredesk.incidents.OpenIncident;

/**
 * 应急处置: the open incidents, oldest first, those open longer than the limit (24 hours by default) flagged; a
 * user who may record incidents records, completes and closes them from here.
 */
public final class IncidentsViewModel implements Paging {
    public static final int PAGE_SIZE = 50;

    /** What one read of the list gives. */
    private record Snapshot(org.caredesk.people.Page<OpenIncident> page, Duration limit) {}

    private final IncidentService service;
    private final TaskRunner tasks;
    private final Clock clock;
    private final boolean canWrite;

    private final ObservableList<OpenIncident> open = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private Duration limit = Duration.ofHours(24);
    private final PagedList<Void, Snapshot> list;

    /**
     * @param canWrite the user may record, complete and close incidents (the service checks it again)
     */
    public IncidentsViewModel(IncidentService service, TaskRunner tasks, Clock clock, boolean canWrite) {
        this.service = service;
        this.tasks = tasks;
        this.clock = clock;
        this.canWrite = canWrite;
        list = new PagedList<Void, Snapshot>(tasks, PAGE_SIZE,
                (sort, asc) -> (offset, size, p) -> new Snapshot(service.open(offset, size),
                        service.completionLimit()),
                s -> s.page().total(), s -> s.page().items().size(), "incidents.page").onShown(this::show)
                .onFailed(e -> error.set(ErrorMessages.of(e)));
    }

    public boolean canWrite() {
        return canWrite;
    }

    /** Reads the list again; a sentence about an earlier failure goes. */
    public void refresh() {
        error.set("");
        list.refresh();
    }

    private void show(Snapshot s) {
        limit = s.limit();
        open.setAll(s.page().items());
        long late = s.page().items().stream().filter(OpenIncident::late).count();
        String total = String.valueOf(s.page().total());
        String hours = String.valueOf(limit.toHours());
        summary.set(s.page().total() == 0 ? I18n.get("incidents.summary.none")
                : late == 0 ? I18n.get("incidents.summary.inTime", total, hours)
                : I18n.get("incidents.summary", total, String.valueOf(late), hours));
    }

    /** How long the incident has been open, "3 小时" or "2 天 5 小时". */
    public String openFor(OpenIncident i) {
        Duration d = Duration.between(i.occurredAt(), LocalDateTime.now(clock));
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        long days = d.toDays();
        long hours = d.minusDays(days).toHours();
        if (d.toHours() == 0) {
            return I18n.get("incidents.openMinutes", String.valueOf(d.toMinutes()));
        }
        return days == 0 ? I18n.get("incidents.openHours", String.valueOf(d.toHours()))
                : I18n.get("incidents.openDays", String.valueOf(days), String.valueOf(hours));
    }

    /** The state of a line: 处置中, or overdue by the limit. */
    public String status(OpenIncident i) {
        return i.late() ? I18n.get("incidents.late", String.valueOf(limit.toHours()))
                : I18n.get("enum.IncidentStatus.OPEN");
    }

    /** Reads an incident to complete or close it. */
    public void loadIncident(UUID id, Consumer<Incident> onLoaded) {
        tasks.run(p -> service.find(id), found -> {
            if (found.isPresent() && found.get().open()) {
                onLoaded.accept(found.get());
            } else {
                list.refresh();
                error.set(I18n.get(found.isPresent() ? "error.incident.closed" : "error.incident.notFound"));
            }
        }, e -> error.set(ErrorMessages.of(e)));
    }

    /** After the form saved: say what happened and read the list again. */
    public void saved(Incident i) {
        notice.set(I18n.get(i.open() ? "incidents.saved" : "incidents.closed", i.personName()));
        refresh();
    }

    public void showError(String message) {
        error.set(message);
    }

    public ObservableList<OpenIncident> open() {
        return open;
    }

    /** "3 件未办结，其中 1 件超过 24 小时". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
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
