package org.caredesk.board.ui;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.HPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;
import org.caredesk.common.I18n;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Category;
import org.caredesk.ui.ViewLoader;
import org.caredesk.board.BoardPerson;
import org.caredesk.board.ColourCount;
import org.caredesk.board.MonthCount;
import org.caredesk.ui.PersonFileOpener;

/**
 * 三色预警看板: the counts grid (each number opens the people behind it), the colour totals as a pie, person-visits
 * per month as bars (a bar opens that month's visits) and the red people. Shown again, it reads the numbers again.
 */
public final class BoardView {
    /** Column ids of the grid after the category: the three colours, then the total (colour null). */
    private static final List<RiskColour> GRID_COLOURS = java.util.Arrays.asList(RiskColour.RED, RiskColour.YELLOW,
            RiskColour.GREEN, null);

    private final BoardViewModel vm;
    private final ViewLoader loader;
    private final PersonFileOpener files;

    @FXML private BorderPane root;
    @FXML private ComboBox<String> buildingFilter;
    @FXML private ComboBox<String> staffFilter;
    @FXML private Button clearFiltersButton;
    @FXML private Button refreshButton;
    @FXML private Label updatedLabel;
    @FXML private GridPane countsGrid;
    @FXML private PieChart colourPie;
    @FXML private FlowPane pieLegend;
    @FXML private BarChart<String, Number> visitsChart;
    @FXML private NumberAxis visitsAxis;
    @FXML private Label noVisitsLabel;
    @FXML private Label redTitle;
    @FXML private TableView<BoardPerson> redTable;
    @FXML private TableColumn<BoardPerson, String> redNameColumn;
    @FXML private TableColumn<BoardPerson, String> redCategoriesColumn;
    @FXML private TableColumn<BoardPerson, String> redReasonColumn;
    @FXML private TableColumn<BoardPerson, String> redLastVisitColumn;
    @FXML private TableColumn<BoardPerson, String> redNextDueColumn;
    @FXML private TableColumn<BoardPerson, String> redBuildingColumn;
    @FXML private TableColumn<BoardPerson, String> redStaffColumn;
    @FXML private Button openRedFileButton;
    @FXML private Button previousRedButton;
    @FXML private Label redPageLabel;
    @FXML private Button nextRedButton;
    @FXML private Label errorLabel;

    private final Map<RiskColour, PieChart.Data> slices = new java.util.EnumMap<>(RiskColour.class);
    private final Map<RiskColour, Hyperlink> legend = new java.util.EnumMap<>(RiskColour.class);

    public BoardView(BoardViewModel vm, ViewLoader loader, PersonFileOpener files) {
        this.vm = vm;
        this.loader = loader;
        this.files = files;
    }

    @FXML
    private void initialize() {
        filter(buildingFilter, vm.buildings(), vm.buildingProperty());
        filter(staffFilter, vm.staffNames(), vm.staffProperty());
        clearFiltersButton.disableProperty().bind(vm.buildingProperty().isNull().and(vm.staffProperty().isNull()));
        refreshButton.disableProperty().bind(vm.loadingProperty());
        updatedLabel.textProperty().bind(vm.updatedProperty());
        errorLabel.textProperty().bind(vm.errorProperty());

        vm.counts().addListener((ListChangeListener<ColourCount>) c -> fillGrid());
        vm.totalsProperty().addListener((obs, old, now) -> {
            fillGrid();
            fillPie(now);
        });
        setUpPie();
        visitsChart.setAnimated(false);
        visitsChart.setLegendVisible(false);
        // Person-visits are whole numbers: no "0.5" ticks.
        visitsAxis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? String.valueOf(n.longValue()) : "";
            }

            @Override
            public Number fromString(String s) {
                return Integer.valueOf(s);
            }
        });
        noVisitsLabel.setVisible(false);
        vm.months().addListener((ListChangeListener<MonthCount>) c -> fillBars());
        setUpRedTable();
        fillGrid();

        // The board is built once and shown again from the navigation: read fresh numbers each time it returns.
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && old == null && !vm.updatedProperty().get().isEmpty()) {
                vm.refresh();
            }
        });
        vm.refresh();
    }

    private static void filter(ComboBox<String> box, javafx.collections.ObservableList<String> choices,
            javafx.beans.property.ObjectProperty<String> chosen) {
        box.setCellFactory(lv -> allCell());
        box.setButtonCell(allCell());
        box.getItems().add(null);
        choices.addListener((ListChangeListener<String>) c -> {
            String keep = box.getValue();
            box.getItems().setAll(choices);
            box.getItems().add(0, null);
            box.setValue(keep);
        });
        box.valueProperty().bindBidirectional(chosen);
    }

    private static ListCell<String> allCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? I18n.get("board.filter.all") : item);
            }
        };
    }

    /** Rows of categories, columns 红 黄 绿 合计; every number is a link to the people behind it. */
    private void fillGrid() {
        countsGrid.getChildren().clear();
        countsGrid.add(header(I18n.get("board.grid.category"), HPos.LEFT), 0, 0);
        for (int i = 0; i < GRID_COLOURS.size(); i++) {
            RiskColour colour = GRID_COLOURS.get(i);
            Label h = header(colour == null ? I18n.get("board.grid.total") : I18n.label(colour), HPos.RIGHT);
            if (colour != null) {
                h.getStyleClass().addAll("colour-heading", colour.name());
            }
            countsGrid.add(h, i + 1, 0);
        }
        Map<Category, ColourCount> byCategory = vm.counts().stream()
                .collect(Collectors.toMap(ColourCount::category, Function.identity()));
        int row = 1;
        for (Category category : Category.values()) {
            ColourCount count = byCategory.getOrDefault(category, new ColourCount(category, 0, 0, 0));
            addRow(row++, I18n.label(category), category, count);
        }
        addRow(row, I18n.get("board.grid.everyone"), null, vm.totalsProperty().get());
    }

    private void addRow(int row, String name, Category category, ColourCount count) {
        Label label = new Label(name);
        label.getStyleClass().add(category == null ? "grid-total" : "grid-category");
        countsGrid.add(label, 0, row);
        for (int i = 0; i < GRID_COLOURS.size(); i++) {
            RiskColour colour = GRID_COLOURS.get(i);
            int n = colour == null ? count.total() : count.count(colour);
            Hyperlink link = new Hyperlink(String.valueOf(n));
            link.setId("count-" + (category == null ? "ALL" : category.name()) + "-"
                    + (colour == null ? "TOTAL" : colour.name()));
            link.getStyleClass().add("count-link");
            if (colour != null && n > 0) {
                link.getStyleClass().add(colour.name());
            }
            if (category == null) {
                link.getStyleClass().add("grid-total");
            }
            link.setTooltip(new Tooltip(I18n.get("board.grid.tooltip")));
            link.setOnAction(e -> {
                link.setVisited(false);
                showList(vm.peopleBehind(category, colour));
            });
            GridPane.setHalignment(link, HPos.RIGHT);
            countsGrid.add(link, i + 1, row);
        }
    }

    private static Label header(String text, HPos pos) {
        Label l = new Label(text);
        l.getStyleClass().add("grid-header");
        GridPane.setHalignment(l, pos);
        return l;
    }

    private void setUpPie() {
        colourPie.setAnimated(false);
        colourPie.setLabelsVisible(false);
        for (RiskColour colour : List.of(RiskColour.RED, RiskColour.YELLOW, RiskColour.GREEN)) {
            PieChart.Data d = new PieChart.Data(I18n.label(colour), 0);
            slices.put(colour, d);
            colourPie.getData().add(d);
            // The pie gives each slice a numbered style class; the stylesheet colours them red, yellow, green.
            d.nodeProperty().addListener((obs, old, node) -> clickable(node, () -> showList(
                    vm.peopleBehind(null, colour))));
            clickable(d.getNode(), () -> showList(vm.peopleBehind(null, colour)));
            // A legend of our own: always shown whatever the chart's room, in the colours, and clickable too.
            Hyperlink key = new Hyperlink();
            key.setId("legend-" + colour.name());
            key.getStyleClass().addAll("colour-badge", colour.name(), "pie-key");
            key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            key.setOnAction(e -> {
                key.setVisited(false);
                showList(vm.peopleBehind(null, colour));
            });
            legend.put(colour, key);
            pieLegend.getChildren().add(key);
        }
        fillPie(vm.totalsProperty().get());
    }

    private void fillPie(ColourCount totals) {
        for (Map.Entry<RiskColour, PieChart.Data> e : slices.entrySet()) {
            int n = totals.count(e.getKey());
            String text = I18n.get("board.pie.slice", I18n.label(e.getKey()), String.valueOf(n));
            e.getValue().setName(text);
            legend.get(e.getKey()).setText(text);
            e.getValue().setPieValue(n);
        }
    }

    private void fillBars() {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (MonthCount m : vm.months()) {
            XYChart.Data<String, Number> d = new XYChart.Data<>(monthLabel(m.month()), m.visits());
            YearMonth month = m.month();
            String tip = I18n.get("board.bar.tooltip", String.valueOf(month.getYear()),
                    String.valueOf(month.getMonthValue()), String.valueOf(m.visits()));
            d.nodeProperty().addListener((obs, old, node) -> {
                clickable(node, () -> showList(vm.visitsIn(month)));
                if (node != null) {
                    node.setId("bar-" + month);
                    Tooltip.install(node, new Tooltip(tip));
                }
            });
            series.getData().add(d);
        }
        visitsChart.getData().setAll(List.of(series));
        noVisitsLabel.setVisible(vm.months().stream().allMatch(m -> m.visits() == 0));
    }

    /** "6月" / "Jun": twelve months never repeat a name; the tooltip gives the year. */
    static String monthLabel(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.SHORT, I18n.locale());
    }

    private static void clickable(Node node, Runnable action) {
        if (node == null) {
            return;
        }
        node.setCursor(Cursor.HAND);
        node.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                action.run();
            }
        });
    }

    private void setUpRedTable() {
        redNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        redCategoriesColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                BoardTexts.categories(c.getValue().categories())));
        redReasonColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(BoardTexts.reason(c.getValue())));
        redLastVisitColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                BoardTexts.lastVisit(c.getValue().lastVisit())));
        redNextDueColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                BoardTexts.date(c.getValue().nextVisitDue())));
        redBuildingColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().building()));
        redStaffColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().responsibleStaff()));
        redTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        redTable.setItems(vm.redPeople());
        Label empty = new Label(I18n.get("board.red.none"));
        empty.getStyleClass().add("table-placeholder");
        redTable.setPlaceholder(empty);
        redTable.setRowFactory(t -> {
            TableRow<BoardPerson> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem());
                }
            });
            return row;
        });
        openRedFileButton.disableProperty().bind(redTable.getSelectionModel().selectedItemProperty().isNull());
        redTitle.textProperty().bind(vm.redTitleProperty());
        redPageLabel.textProperty().bind(vm.redPageTextProperty());
        previousRedButton.disableProperty().bind(vm.canPreviousRedProperty().not());
        nextRedButton.disableProperty().bind(vm.canNextRedProperty().not());
    }

    private void open(BoardPerson p) {
        files.open(window(), p.personId(), vm::showError, vm::refresh);
    }

    private void showList(BoardListViewModel list) {
        loader.load(BoardListView.class).controller().show(window(), list, vm::refresh);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    @FXML
    private void onOpenRedFile() {
        BoardPerson p = redTable.getSelectionModel().getSelectedItem();
        if (p != null) {
            open(p);
        }
    }

    @FXML
    private void onRefresh() {
        vm.refresh();
    }

    @FXML
    private void onClearFilters() {
        vm.clearFilters();
    }

    @FXML
    private void onPreviousRed() {
        vm.previousRedPage();
    }

    @FXML
    private void onNextRed() {
        vm.nextRedPage();
    }
}
