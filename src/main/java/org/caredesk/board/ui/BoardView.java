package org.caredesk.board.ui;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
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
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;
import org.caredesk.common.I18n;
import org.caredesk.common.RiskColour;
import org.caredesk.ui.ViewLoader;
import org.caredesk.board.BoardPerson;
import org.caredesk.board.ColourCount;
import org.caredesk.board.MonthCount;
import org.caredesk.ui.Columns;
import org.caredesk.ui.PersonFileOpener;
import org.caredesk.ui.TextChoices;
import org.controlsfx.control.SearchableComboBox;

/**
 * 三色预警看板: the counts grid (each number opens the people behind it), the colour totals as a pie, person-visits
 * per month as bars (a bar opens that month's visits) and the red people. Shown again, it reads the numbers again.
 */
public final class BoardView {
    private final BoardViewModel vm;
    private final ViewLoader loader;
    private final PersonFileOpener files;

    @FXML private BorderPane root;
    @FXML private ComboBox<String> buildingFilter;
    /** Searchable: a centre has a dozen caseworkers, and typing a surname finds one faster than scrolling. */
    @FXML private SearchableComboBox<String> staffFilter;
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
        String all = I18n.get("board.filter.all");
        TextChoices.filter(buildingFilter, vm.buildings(), vm.buildingProperty(), all);
        TextChoices.filter(staffFilter, vm.staffNames(), vm.staffProperty(), all);
        clearFiltersButton.disableProperty().bind(vm.buildingProperty().isNull().and(vm.staffProperty().isNull()));
        refreshButton.disableProperty().bind(vm.loadingProperty());
        updatedLabel.textProperty().bind(vm.updatedProperty());
        errorLabel.textProperty().bind(vm.errorProperty());

        new CountsGrid(countsGrid, vm, this::showList);
        vm.totalsProperty().addListener((obs, old, now) -> fillPie(now));
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

        // The board is built once and shown again from the navigation: read fresh numbers each time it returns.
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && old == null && !vm.updatedProperty().get().isEmpty()) {
                vm.refresh();
            }
        });
        vm.refresh();
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
        BoardTexts.personColumns(redNameColumn, redCategoriesColumn, redReasonColumn, redLastVisitColumn,
                redNextDueColumn, redBuildingColumn, redStaffColumn);
        Columns.fillWidth(redTable);
        redTable.setItems(vm.redPeople());
        Columns.placeholder(redTable, I18n.get("board.red.none"));
        Columns.openOnDoubleClick(redTable, this::open);
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
