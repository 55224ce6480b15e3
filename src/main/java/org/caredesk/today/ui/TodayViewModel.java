package org.caredesk.today.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.caredesk.common.I18n;
import org.caredesk.people.Category;
import org.caredesk.people.CategoryLabels;
import org.caredesk.people.Page;
import org.caredesk.people.PersonMissingDetails;
import org.caredesk.ui.DateText;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.TaskRunner;
import org.caredesk.board.BoardService;
import org.caredesk.today.ConsentItem;
import org.caredesk.today.DueItem;
import org.caredesk.incidents.OpenIncident;
import org.caredesk.today.TermItem;
import org.caredesk.today.WorkList;
import org.caredesk.risk.WorkListFilter;
import org.caredesk.today.WorkListService;

/**
 * 今日工作: the caseworker's lists for today (overdue, due this week, terms ending, missing consent, open incidents,
 * 资料待补),
 * each with its count, filtered by responsible staff and building. The first lines of every list come in one call;
 * "show more" pages a list on. A filter change or a saved visit reads everything again; only the newest read is
 * shown.
 */
public final class TodayViewModel {
    /** Lines read per list at first and per "show more". */
    public static final int PAGE_SIZE = 20;

    private final WorkListService workList;
    private final BoardService board;
    private final TaskRunner tasks;
    private final boolean canRecord;

    private final ObjectProperty<String> staff = new SimpleObjectProperty<>();
    private final ObjectProperty<String> building = new SimpleObjectProperty<>();
    private final ObservableList<String> staffChoices = FXCollections.observableArrayList();
    private final ObservableList<String> buildingChoices = FXCollections.observableArrayList();

    private final Section<DueItem> overdue = new Section<>("today.section.overdue");
    private final Section<DueItem> dueThisWeek = new Section<>("today.section.dueThisWeek");
    private final Section<TermItem> termsEnding = new Section<>("today.section.termsEnding");
    private final Section<ConsentItem> missingConsent = new Section<>("today.section.missingConsent");
    private final Section<OpenIncident> openIncidents = new Section<>("today.section.openIncidents");
    private final Section<PersonMissingDetails> missingDetails = new Section<>("today.section.missingDetails");

    private final ReadOnlyObjectWrapper<LocalDate> today = new ReadOnlyObjectWrapper<>();
    private LocalDate weekEnd;
    private final ReadOnlyStringWrapper dateText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private long latestRequest;

    /**
     * @param canRecord whether the user may record visits and assessments (the rows offer it only then)
     */
    public TodayViewModel(WorkListService workList, BoardService board, TaskRunner tasks, boolean canRecord) {
        this.workList = workList;
        this.board = board;
        this.tasks = tasks;
        this.canRecord = canRecord;
        staff.addListener((obs, old, now) -> refresh());
        building.addListener((obs, old, now) -> refresh());
    }

    /** Loads the filters' choices and the lists. */
    public void load() {
        tasks.run(p -> new Choices(board.responsibleStaff(), board.buildings()), c -> {
            keepChoices(staffChoices, c.staff(), staff.get());
            keepChoices(buildingChoices, c.buildings(), building.get());
        }, e -> error.set(ErrorMessages.of(e)));
        refresh();
    }

    private record Choices(List<String> staff, List<String> buildings) {}

    private static void keepChoices(ObservableList<String> target, List<String> found, String chosen) {
        target.setAll(found);
        if (chosen != null && !found.contains(chosen)) {
            target.add(chosen);
        }
    }

    public WorkListFilter filter() {
        return new WorkListFilter(staff.get(), building.get());
    }

    /** Reads every list again from its first page, e.g. after a visit was saved. */
    public void refresh() {
        long request = ++latestRequest;
        WorkListFilter f = filter();
        loading.set(true);
        tasks.run(p -> workList.today(f, PAGE_SIZE), list -> {
            if (request != latestRequest) {
                return;
            }
            loading.set(false);
            error.set("");
            show(list);
        }, e -> {
            if (request != latestRequest) {
                return;
            }
            loading.set(false);
            error.set(ErrorMessages.of(e));
        });
    }

    private void show(WorkList list) {
        weekEnd = list.weekEnd();
        today.set(list.today());
        dateText.set(I18n.get("today.date", DateText.format(list.today()), DateText.format(list.weekEnd())));
        overdue.show(list.overdue(), list.counts().overdue(), "");
        dueThisWeek.show(list.dueThisWeek(), list.counts().dueThisWeek(), "");
        termsEnding.show(list.termsEnding(), list.counts().termsEnding(), "");
        missingConsent.show(list.missingConsent(), list.counts().missingConsent(), "");
        missingDetails.show(list.missingDetails(), list.counts().missingDetails(), "");
        int late = list.counts().lateIncidents();
        openIncidents.show(list.openIncidents(), list.counts().openIncidents(),
                late == 0 ? "" : I18n.get("today.lateIncidents", late));
    }

    /** Appends the next lines of a list. */
    public void showMore(SectionId id) {
        WorkListFilter f = filter();
        long request = latestRequest;
        switch (id) {
            case OVERDUE -> more(overdue, request, off -> workList.overdue(f, off, PAGE_SIZE));
            case DUE_THIS_WEEK -> more(dueThisWeek, request, off -> workList.dueThisWeek(f, off, PAGE_SIZE));
            case TERMS_ENDING -> more(termsEnding, request, off -> workList.termsEnding(f, off, PAGE_SIZE));
            case MISSING_CONSENT -> more(missingConsent, request, off -> workList.missingConsent(f, off, PAGE_SIZE));
            case OPEN_INCIDENTS -> more(openIncidents, request, off -> workList.openIncidents(f, off, PAGE_SIZE));
            case MISSING_DETAILS -> more(missingDetails, request, off -> workList.missingDetails(f, off, PAGE_SIZE));
            default -> throw new IllegalArgumentException(String.valueOf(id));
        }
    }

    private interface Pager<T> {
        Page<T> page(int offset);
    }

    private <T> void more(Section<T> section, long request, Pager<T> pager) {
        if (!section.hasMore.get()) {
            return;
        }
        int offset = section.items.size();
        tasks.run(p -> pager.page(offset), page -> {
            // A refresh since then replaced the list; its first page is what counts now.
            if (request != latestRequest || section.items.size() != offset) {
                return;
            }
            section.items.addAll(page.items());
            section.count.set(page.total());
            section.update();
        }, e -> error.set(ErrorMessages.of(e)));
    }

    /** The lists of the home screen. */
    public enum SectionId { OVERDUE, DUE_THIS_WEEK, TERMS_ENDING, MISSING_CONSENT, OPEN_INCIDENTS, MISSING_DETAILS }

    /** One list: its lines so far, the count of all, the header "逾期未走访（12）" and whether more can be read. */
    public static final class Section<T> {
        private final String titleKey;
        private final ObservableList<T> items = FXCollections.observableArrayList();
        private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper();
        private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper("");
        private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper();
        private String extra = "";

        Section(String titleKey) {
            this.titleKey = titleKey;
            update();
        }

        void show(List<T> lines, int total, String extraText) {
            items.setAll(lines);
            count.set(total);
            extra = extraText;
            update();
        }

        void update() {
            header.set(I18n.get(titleKey, count.get()) + extra);
            hasMore.set(items.size() < count.get());
        }

        public ObservableList<T> items() {
            return items;
        }

        public ReadOnlyIntegerProperty countProperty() {
            return count.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty headerProperty() {
            return header.getReadOnlyProperty();
        }

        public ReadOnlyBooleanProperty hasMoreProperty() {
            return hasMore.getReadOnlyProperty();
        }
    }

    // ----- how the lines read (plain text, so the view only binds and the tests need no toolkit) -----

    /** "逾期 5 天" or, due this week, "今天" / "6月5日（周四）". */
    public String dueText(DueItem item) {
        LocalDate day = today.get();
        if (day == null || item.due() == null) {
            return "";
        }
        if (DueItem.overdue(item.due(), day)) {
            return I18n.get("today.daysOverdue", String.valueOf(item.daysOverdue(day)));
        }
        if (item.due().equals(day)) {
            return I18n.get("today.dueToday");
        }
        return DateText.format(item.due());
    }

    /** What is due: 走访, 尿检 or both (overdue ones on the overdue list, this week's on the week's). */
    public String dueWhat(DueItem item) {
        LocalDate day = today.get();
        if (day == null || item.due() == null) {
            return "";
        }
        boolean overdueList = DueItem.overdue(item.due(), day);
        LocalDate until = overdueList ? day.minusDays(1) : weekEnd;
        boolean visit = item.nextVisitDue() != null && !item.nextVisitDue().isAfter(until);
        boolean urine = item.nextUrineDue() != null && !item.nextUrineDue().isAfter(until);
        if (visit && urine) {
            return I18n.get("today.due.both");
        }
        return I18n.get(urine ? "today.due.urine" : "today.due.visit");
    }

    /** "12 天后" / "今天期满". */
    public String daysLeftText(TermItem item) {
        LocalDate day = today.get();
        if (day == null) {
            return "";
        }
        long left = item.daysLeft(day);
        return left <= 0 ? I18n.get("today.endsToday") : I18n.get("today.daysLeft", String.valueOf(left));
    }

    /** "已超过 24 小时" for a late incident, else empty. */
    public static String lateText(OpenIncident incident) {
        return incident.late() ? I18n.get("today.incidentLate") : "";
    }

    public static String categories(Set<Category> categories) {
        return CategoryLabels.join(categories);
    }

    public static String date(LocalDate date) {
        return date == null ? I18n.get("today.never") : DateText.format(date);
    }

    public boolean canRecord() {
        return canRecord;
    }

    public ObjectProperty<String> staffProperty() {
        return staff;
    }

    public ObjectProperty<String> buildingProperty() {
        return building;
    }

    public ObservableList<String> staffChoices() {
        return staffChoices;
    }

    public ObservableList<String> buildingChoices() {
        return buildingChoices;
    }

    public Section<DueItem> overdue() {
        return overdue;
    }

    public Section<DueItem> dueThisWeek() {
        return dueThisWeek;
    }

    public Section<TermItem> termsEnding() {
        return termsEnding;
    }

    public Section<ConsentItem> missingConsent() {
        return missingConsent;
    }

    public Section<OpenIncident> openIncidents() {
        return openIncidents;
    }

    public Section<PersonMissingDetails> missingDetails() {
        return missingDetails;
    }

    public ReadOnlyObjectProperty<LocalDate> todayProperty() {
        return today.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dateTextProperty() {
        return dateText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** A short confirmation of the last action ("已记录 张三 的走访。"). */
    public StringProperty noticeProperty() {
        return notice;
    }
}
