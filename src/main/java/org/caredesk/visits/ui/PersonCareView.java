package org.caredesk.visits.ui;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.caredesk.common.I18n;
import org.caredesk.common.RiskColour;
import org.caredesk.risk.ColourChange;
import org.caredesk.risk.ColourTexts;
import org.caredesk.ui.ColourBadgeCell;
import org.caredesk.ui.Columns;
import org.caredesk.ui.FormWindow;
import org.caredesk.visits.Visit;

/**
 * A person's 走访记录 and 颜色变化 in a window opened from their file: the colour now and why, the override shown as
 * such with its last day, and the actions 记录走访, 风险评估 and 调整颜色 (each for users who may).
 */
public final class PersonCareView {
    private static final double PREFERRED_WIDTH = 1000;
    private static final double PREFERRED_HEIGHT = 640;

    private final PersonCareViewModel vm;
    private final CareActions actions;

    @FXML private BorderPane root;
    @FXML private Label titleLabel;
    @FXML private Button visitButton;
    @FXML private Button assessButton;
    @FXML private Button overrideButton;
    @FXML private Label colourBadge;
    @FXML private Label colourLabel;
    @FXML private Label overrideLabel;
    @FXML private TabPane tabs;
    @FXML private Tab visitsTab;
    @FXML private Tab coloursTab;
    @FXML private TableView<Visit> visitsTable;
    @FXML private Button moreVisitsButton;
    @FXML private TableView<ColourChange> timelineTable;
    @FXML private Label noticeLabel;
    @FXML private Label errorLabel;

    private Stage stage;
    private final Runnable onChange;

    public PersonCareView(PersonCareViewModel vm, CareActions actions) {
        this.vm = vm;
        this.actions = actions;
        this.onChange = vm::refresh;
    }

    @FXML
    private void initialize() {
        visitButton.setVisible(vm.canRecord());
        visitButton.setManaged(vm.canRecord());
        assessButton.setVisible(vm.canRecord());
        assessButton.setManaged(vm.canRecord());
        overrideButton.setVisible(vm.canOverride());
        overrideButton.setManaged(vm.canOverride());
        vm.colourProperty().addListener((obs, old, now) -> ColourBadgeCell.paint(colourBadge, now));
        ColourBadgeCell.paint(colourBadge, vm.colourProperty().get());
        colourLabel.textProperty().bind(vm.colourTextProperty());
        overrideLabel.textProperty().bind(vm.overrideTextProperty());
        overrideLabel.visibleProperty().bind(vm.overrideProperty().isNotNull());
        overrideLabel.managedProperty().bind(overrideLabel.visibleProperty());
        visitsTab.textProperty().bind(vm.visitsTitleProperty());
        moreVisitsButton.visibleProperty().bind(vm.moreVisitsProperty());
        moreVisitsButton.managedProperty().bind(moreVisitsButton.visibleProperty());
        noticeLabel.textProperty().bind(vm.noticeProperty());
        errorLabel.textProperty().bind(vm.errorProperty());

        visitsTable.getColumns().setAll(List.of(
                text("visitWhenColumn", "care.column.when", 120, PersonCareViewModel::when),
                text("visitTypeColumn", "care.column.type", 70, v -> I18n.label(v.data().type())),
                text("visitStaffColumn", "care.column.staff", 110, PersonCareViewModel::othersPresent),
                text("visitFindingsColumn", "care.column.findings", 220, v -> nz(v.data().findings())),
                text("visitNeedsColumn", "care.column.needs", 90, PersonCareViewModel::needs),
                text("visitHelpColumn", "care.column.help", 150, v -> nz(v.data().helpGiven())),
                text("visitPartColumn", "care.column.part", 160, vm::part),
                text("visitNextColumn", "care.column.next", 90, vm::nextVisit)));
        placeholder(visitsTable, "care.noVisits");
        visitsTable.setItems(vm.visits());

        TableColumn<ColourChange, RiskColour> to = new TableColumn<>(I18n.get("care.column.colour"));
        to.setId("timelineColourColumn");
        to.setSortable(false);
        to.setPrefWidth(60);
        to.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().to()));
        to.setCellFactory(c -> new ColourBadgeCell<>());
        timelineTable.getColumns().setAll(List.of(
                text("timelineWhenColumn", "care.column.when", 120, PersonCareViewModel::when),
                to,
                text("timelineChangeColumn", "care.column.change", 90, PersonCareViewModel::change),
                text("timelineSourceColumn", "care.column.source", 100, c -> I18n.label(c.source())),
                text("timelineReasonColumn", "care.column.reason", 300, ColourTexts::reason),
                text("timelineByColumn", "care.column.by", 90, ColourChange::changedBy)));
        placeholder(timelineTable, "care.noChanges");
        timelineTable.setItems(vm.timeline());
        for (TableView<?> t : List.of(visitsTable, timelineTable)) {
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void placeholder(TableView<?> table, String key) {
        Columns.placeholder(table, I18n.get(key));
    }

    private static <T> TableColumn<T, String> text(String id, String key, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(I18n.get(key));
        c.setId(id);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }

    public void show(Window owner, UUID personId, String name) {
        titleLabel.setText(I18n.get("care.title", name));
        vm.load(personId, name);
        actions.changes().listen(onChange);
        stage = FormWindow.over(owner, root).title(titleLabel.getText()).size(PREFERRED_WIDTH, PREFERRED_HEIGHT)
                .build();
        stage.setOnHidden(e -> actions.changes().unlisten(onChange));
        stage.show();
    }

    @FXML
    private void onVisit() {
        actions.recordVisit(stage, List.of(vm.personId()), vm.noticeProperty()::set);
    }

    @FXML
    private void onAssess() {
        actions.assess(stage, vm.personId(), vm.name(), vm.noticeProperty()::set);
    }

    @FXML
    private void onOverride() {
        actions.override(stage, vm.personId(), vm.name(), vm.overrideProperty().get(), vm.noticeProperty()::set);
    }

    @FXML
    private void onMoreVisits() {
        vm.showMoreVisits();
    }

    @FXML
    private void onClose() {
        stage.close();
    }
}
