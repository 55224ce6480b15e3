package org.caredesk.report.ui;

import java.time.YearMonth;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.caredesk.common.I18n;
import org.caredesk.report.Period;
import org.caredesk.report.Section;
import org.caredesk.ui.Columns;
import org.caredesk.ui.DialogService;
import org.caredesk.ui.ViewLoader;

/**
 * 统计报表: month and scope, 计算, the sections on the left and their figures on the right with 本月, 本年累计 and the
 * change against the month before. Each value is a link to the rows behind it; 导出 Excel saves the workbook.
 */
public final class ReportView {
    private final ReportViewModel vm;
    private final DialogService dialogs;
    private final ViewLoader loader;

    @FXML private VBox root;
    @FXML private ComboBox<YearMonth> monthChoice;
    @FXML private ComboBox<ReportViewModel.ScopeChoice> scopeChoice;
    @FXML private Button computeButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private CheckBox totalsOnlyCheck;
    @FXML private Button exportButton;
    @FXML private ListView<Section> sectionList;
    @FXML private TableView<ReportLine> figureTable;
    @FXML private TableColumn<ReportLine, String> nameColumn;
    @FXML private TableColumn<ReportLine, String> unitColumn;
    @FXML private TableColumn<ReportLine, ReportLine> monthColumn;
    @FXML private TableColumn<ReportLine, ReportLine> yearColumn;
    @FXML private TableColumn<ReportLine, String> changeColumn;
    @FXML private Label noticeLabel;
    @FXML private Label errorLabel;

    public ReportView(ReportViewModel vm, DialogService dialogs, ViewLoader loader) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.loader = loader;
    }

    @FXML
    private void initialize() {
        monthChoice.setItems(vm.months());
        monthChoice.valueProperty().bindBidirectional(vm.monthProperty());
        monthChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(YearMonth m) {
                return m == null ? "" : ReportViewModel.label(m);
            }

            @Override
            public YearMonth fromString(String s) {
                return null;
            }
        });
        scopeChoice.setItems(vm.scopes());
        scopeChoice.valueProperty().bindBidirectional(vm.scopeProperty());
        sectionList.setItems(vm.sections());
        sectionList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Section s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : I18n.get("report.section." + s.name()));
            }
        });
        sectionList.getSelectionModel().select(vm.sectionProperty().get());
        sectionList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.sectionProperty().set(b);
            }
        });
        Columns.text(nameColumn, ReportLine::name);
        Columns.text(unitColumn, ReportLine::unit);
        monthColumn.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        yearColumn.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        monthColumn.setCellFactory(c -> new ValueCell(Period.MONTH));
        yearColumn.setCellFactory(c -> new ValueCell(Period.YEAR_TO_DATE));
        Columns.text(changeColumn, ReportLine::change);
        figureTable.setItems(vm.lines());
        Columns.fillWidth(figureTable);
        Columns.placeholder(figureTable, I18n.get("report.screen.empty"));

        busyIndicator.visibleProperty().bind(vm.busyProperty());
        computeButton.disableProperty().bind(vm.busyProperty());
        exportButton.disableProperty().bind(vm.busyProperty().or(vm.reportProperty().isNull()));
        totalsOnlyCheck.disableProperty().bind(exportButton.disableProperty());
        noticeLabel.textProperty().bind(vm.noticeProperty());
        Columns.message(errorLabel, vm.errorProperty());
        vm.loadScopes();
    }

    /** A figure's value, a link to the rows behind it (a stock's year column has none). */
    private final class ValueCell extends TableCell<ReportLine, ReportLine> {
        private final Period period;

        ValueCell(Period period) {
            this.period = period;
        }

        @Override
        protected void updateItem(ReportLine line, boolean empty) {
            super.updateItem(line, empty);
            setText(null);
            setGraphic(null);
            if (empty || line == null) {
                return;
            }
            String text = period == Period.MONTH ? line.month() : line.year();
            if (line.figure().has(period)) {
                Hyperlink link = new Hyperlink(text);
                link.setUserData(line.figure().code() + "/" + period.name());
                link.getStyleClass().add("report-value");
                // A link's own padding set it lower than the plain numbers beside it.
                link.setPadding(Insets.EMPTY);
                link.setOnAction(e -> showDetail(line, period));
                setGraphic(link);
            } else {
                setText(text);
            }
        }
    }

    private void showDetail(ReportLine line, Period period) {
        vm.detail(line, period).ifPresent(d -> loader.load(ReportDetailView.class).controller()
                .show(root.getScene().getWindow(), d));
    }

    @FXML
    private void onCompute() {
        vm.compute();
    }

    @FXML
    private void onExport() {
        dialogs.chooseExcelToSave(I18n.get("report.screen.saveTitle"), vm.suggestedFileName())
                .ifPresent(file -> vm.export(file, totalsOnlyCheck.isSelected()));
    }
}
