package org.caredesk.today.ui;

import org.caredesk.ui.ColourBadgeCell;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.caredesk.common.I18n;
import org.caredesk.common.RiskColour;
import org.caredesk.ui.DateText;
import org.caredesk.ui.ShortcutTarget;
import org.caredesk.people.PersonMissingDetails;
import org.caredesk.today.ConsentItem;
import org.caredesk.today.DueItem;
import org.caredesk.incidents.OpenIncident;
import org.caredesk.today.TermItem;
import org.caredesk.today.ui.TodayViewModel.SectionId;
import org.caredesk.ui.PersonActions;
import org.caredesk.ui.RowActionsCell;
import org.caredesk.ui.StyledTextCell;

/**
 * 今日工作: six lists, each line one click away from 记录走访, 风险评估 and 打开档案. Sorting happens in the
 * database (overdue oldest first, due soonest first), so the columns do not sort.
 */
public final class TodayView implements ShortcutTarget {
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final double ROW_HEIGHT = 28;
    private static final double HEADER_HEIGHT = 34;

    private final TodayViewModel vm;
    private final PersonActions actions;

    @FXML private Label dateLabel;
    @FXML private ComboBox<String> staffFilter;
    @FXML private ComboBox<String> buildingFilter;
    @FXML private Button refreshButton;
    @FXML private ScrollPane scroll;
    @FXML private TitledPane overduePane;
    @FXML private TitledPane weekPane;
    @FXML private TitledPane termsPane;
    @FXML private TitledPane consentPane;
    @FXML private TitledPane incidentsPane;
    @FXML private TitledPane detailsPane;
    @FXML private TableView<DueItem> overdueTable;
    @FXML private TableView<DueItem> weekTable;
    @FXML private TableView<TermItem> termsTable;
    @FXML private TableView<ConsentItem> consentTable;
    @FXML private TableView<OpenIncident> incidentsTable;
    @FXML private TableView<PersonMissingDetails> detailsTable;
    @FXML private Button overdueMore;
    @FXML private Button weekMore;
    @FXML private Button termsMore;
    @FXML private Button consentMore;
    @FXML private Button incidentsMore;
    @FXML private Button detailsMore;
    @FXML private Label noticeLabel;
    @FXML private Label errorLabel;

    public TodayView(TodayViewModel vm, PersonActions actions) {
        this.vm = vm;
        this.actions = actions;
    }

    @FXML
    private void initialize() {
        dateLabel.textProperty().bind(vm.dateTextProperty());
        filter(staffFilter, vm.staffChoices());
        staffFilter.valueProperty().bindBidirectional(vm.staffProperty());
        filter(buildingFilter, vm.buildingChoices());
        buildingFilter.valueProperty().bindBidirectional(vm.buildingProperty());

        dueTable(overdueTable, "overdue", true);
        dueTable(weekTable, "week", false);
        termsTable();
        consentTable();
        incidentsTable();
        detailsTable();
        section(overduePane, overdueTable, overdueMore, vm.overdue(), "today.empty.overdue", 10);
        section(weekPane, weekTable, weekMore, vm.dueThisWeek(), "today.empty.dueThisWeek", 8);
        section(termsPane, termsTable, termsMore, vm.termsEnding(), "today.empty.termsEnding", 6);
        section(consentPane, consentTable, consentMore, vm.missingConsent(), "today.empty.missingConsent", 6);
        section(incidentsPane, incidentsTable, incidentsMore, vm.openIncidents(), "today.empty.openIncidents", 6);
        section(detailsPane, detailsTable, detailsMore, vm.missingDetails(), "today.empty.missingDetails", 6);
        for (Label l : List.of(noticeLabel, errorLabel)) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.managedProperty());
        }
        noticeLabel.textProperty().bind(vm.noticeProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        actions.changes().listen(vm::refresh);
        vm.load();
    }

    private static void filter(ComboBox<String> box, javafx.collections.ObservableList<String> choices) {
        box.setCellFactory(lv -> allCell());
        box.setButtonCell(allCell());
        box.getItems().add(null);
        choices.addListener((javafx.collections.ListChangeListener<String>) c -> {
            String chosen = box.getValue();
            box.getItems().setAll(choices);
            box.getItems().add(0, null);
            box.setValue(chosen);
        });
    }

    private static ListCell<String> allCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? I18n.get("today.filter.all") : item);
            }
        };
    }

    private static <T> void section(TitledPane pane, TableView<T> table, Button more,
            TodayViewModel.Section<T> section, String emptyKey, int maxRows) {
        pane.textProperty().bind(section.headerProperty());
        table.setItems(section.items());
        // A list is as tall as its lines (up to maxRows, then it scrolls), so short lists leave room for the others.
        table.setFixedCellSize(ROW_HEIGHT);
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> HEADER_HEIGHT
                + Math.max(2, Math.min(maxRows, section.items().size())) * ROW_HEIGHT, section.items()));
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label placeholder = new Label(I18n.get(emptyKey));
        placeholder.getStyleClass().add("table-placeholder");
        table.setPlaceholder(placeholder);
        more.visibleProperty().bind(section.hasMoreProperty());
        more.managedProperty().bind(more.visibleProperty());
    }

    private static <T, V> TableColumn<T, V> column(String id, String key, double width, Function<T, V> value) {
        TableColumn<T, V> c = new TableColumn<>(I18n.get(key));
        c.setId(id);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        return c;
    }

    private static <T> TableColumn<T, String> text(String id, String key, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(I18n.get(key));
        c.setId(id);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }

    private void dueTable(TableView<DueItem> table, String prefix, boolean overdue) {
        TableColumn<DueItem, RiskColour> colour = column(prefix + "ColourColumn", "today.column.colour", 60,
                DueItem::colour);
        colour.setCellFactory(c -> new ColourBadgeCell<>());
        TableColumn<DueItem, String> due = text(prefix + "DueColumn",
                overdue ? "today.column.overdue" : "today.column.due", 110, vm::dueText);
        due.setMinWidth(100);
        if (overdue) {
            due.setCellFactory(c -> new StyledTextCell<>("overdue-days"));
        }
        table.getColumns().setAll(List.of(colour,
                text(prefix + "NameColumn", "today.column.name", 90, DueItem::name),
                due,
                text(prefix + "WhatColumn", "today.column.what", 70, vm::dueWhat),
                text(prefix + "CategoriesColumn", "today.column.categories", 170,
                        d -> TodayViewModel.categories(d.categories())),
                text(prefix + "BuildingColumn", "today.column.building", 70, DueItem::building),
                text(prefix + "StaffColumn", "today.column.staff", 80, DueItem::responsibleStaff),
                text(prefix + "LastVisitColumn", "today.column.lastVisit", 90,
                        d -> TodayViewModel.date(d.lastVisit())),
                actionsColumn(DueItem::personId, DueItem::name)));
    }

    private void termsTable() {
        termsTable.getColumns().setAll(List.of(
                text("termsNameColumn", "today.column.name", 90, TermItem::name),
                text("termsKindColumn", "today.column.term", 130, t -> I18n.label(t.kind())),
                text("termsEndColumn", "today.column.endDate", 90, t -> DateText.format(t.endDate())),
                text("termsLeftColumn", "today.column.daysLeft", 80, vm::daysLeftText),
                text("termsBuildingColumn", "today.column.building", 70, TermItem::building),
                text("termsStaffColumn", "today.column.staff", 80, TermItem::responsibleStaff),
                actionsColumn(TermItem::personId, TermItem::name)));
    }

    private void consentTable() {
        consentTable.getColumns().setAll(List.of(
                text("consentNameColumn", "today.column.name", 90, ConsentItem::name),
                text("consentBuildingColumn", "today.column.building", 70, ConsentItem::building),
                text("consentStaffColumn", "today.column.staff", 80, ConsentItem::responsibleStaff),
                text("consentLastVisitColumn", "today.column.lastVisit", 90,
                        c -> TodayViewModel.date(c.lastVisit())),
                actionsColumn(ConsentItem::personId, ConsentItem::name)));
    }

    private void incidentsTable() {
        TableColumn<OpenIncident, String> late = text("incidentsLateColumn", "today.column.late", 100,
                TodayViewModel::lateText);
        late.setCellFactory(c -> new StyledTextCell<>("late-flag"));
        incidentsTable.getColumns().setAll(List.of(
                text("incidentsNameColumn", "today.column.name", 90, OpenIncident::personName),
                text("incidentsTypeColumn", "today.column.incidentType", 100, i -> I18n.label(i.type())),
                text("incidentsAtColumn", "today.column.occurredAt", 120, i -> TIME.format(i.occurredAt())),
                late,
                actionsColumn(OpenIncident::personId, OpenIncident::personName)));
    }

    private void detailsTable() {
        detailsTable.getColumns().setAll(List.of(
                text("detailsNameColumn", "today.column.name", 90, PersonMissingDetails::name),
                text("detailsFieldsColumn", "today.column.missingFields", 200, PersonMissingDetails::labels),
                text("detailsBuildingColumn", "today.column.building", 70, PersonMissingDetails::building),
                text("detailsStaffColumn", "today.column.staff", 80, PersonMissingDetails::responsibleStaff),
                actionsColumn(PersonMissingDetails::personId, PersonMissingDetails::name)));
    }

    private <T> TableColumn<T, T> actionsColumn(Function<T, UUID> id, Function<T, String> name) {
        TableColumn<T, T> c = new TableColumn<>(I18n.get("today.column.actions"));
        double width = vm.canRecord() ? 220 : 80;
        c.setPrefWidth(width);
        c.setMinWidth(width);
        c.setMaxWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setCellFactory(col -> new RowActionsCell<>(vm.canRecord(), item -> recordVisit(id.apply(item)),
                item -> assess(id.apply(item), name.apply(item)), item -> openFile(id.apply(item))));
        return c;
    }

    private Window window() {
        return overdueTable.getScene() == null ? null : overdueTable.getScene().getWindow();
    }

    private void recordVisit(UUID personId) {
        actions.recordVisit(window(), List.of(personId), vm.noticeProperty()::set);
    }

    private void assess(UUID personId, String name) {
        actions.assess(window(), personId, name, vm.noticeProperty()::set);
    }

    private void openFile(UUID personId) {
        actions.openFile(window(), personId, vm.errorProperty()::set);
    }

    @FXML
    private void onRefresh() {
        vm.load();
    }

    @FXML
    private void onOverdueMore() {
        vm.showMore(SectionId.OVERDUE);
    }

    @FXML
    private void onWeekMore() {
        vm.showMore(SectionId.DUE_THIS_WEEK);
    }

    @FXML
    private void onTermsMore() {
        vm.showMore(SectionId.TERMS_ENDING);
    }

    @FXML
    private void onConsentMore() {
        vm.showMore(SectionId.MISSING_CONSENT);
    }

    @FXML
    private void onIncidentsMore() {
        vm.showMore(SectionId.OPEN_INCIDENTS);
    }

    @FXML
    private void onDetailsMore() {
        vm.showMore(SectionId.MISSING_DETAILS);
    }
}
