package org.caredesk.board.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.caredesk.board.ColourCount;
import org.caredesk.common.I18n;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Category;

/**
 * The board's counts grid: rows of categories and 全部, columns 红 黄 绿 合计, every number a link to the people
 * behind it. It is the one part of the board that builds its nodes by hand each time the numbers change, so it
 * stands apart from the charts and the red list that {@link BoardView} only binds.
 */
final class CountsGrid {
    /** Column ids of the grid after the category: the three colours, then the total (colour null). */
    private static final List<RiskColour> COLOURS = Arrays.asList(RiskColour.RED, RiskColour.YELLOW,
            RiskColour.GREEN, null);

    private final GridPane grid;
    private final BoardViewModel vm;
    private final Consumer<BoardListViewModel> showList;

    /** Fills {@code grid} now and again whenever the board's counts or totals change. */
    CountsGrid(GridPane grid, BoardViewModel vm, Consumer<BoardListViewModel> showList) {
        this.grid = grid;
        this.vm = vm;
        this.showList = showList;
        vm.counts().addListener((ListChangeListener<ColourCount>) c -> fill());
        vm.totalsProperty().addListener((obs, old, now) -> fill());
        fill();
    }

    /** Builds the new cells first and swaps them in at once, so the grid is never seen empty between two reads. */
    private void fill() {
        List<Node> cells = new ArrayList<>();
        cells.add(at(header(I18n.get("board.grid.category"), HPos.LEFT), 0, 0));
        for (int i = 0; i < COLOURS.size(); i++) {
            RiskColour colour = COLOURS.get(i);
            Label h = header(colour == null ? I18n.get("board.grid.total") : I18n.label(colour), HPos.RIGHT);
            if (colour != null) {
                h.getStyleClass().addAll("colour-heading", colour.name());
            }
            cells.add(at(h, i + 1, 0));
        }
        Map<Category, ColourCount> byCategory = vm.counts().stream()
                .collect(Collectors.toMap(ColourCount::category, Function.identity()));
        int row = 1;
        for (Category category : Category.values()) {
            ColourCount count = byCategory.getOrDefault(category, new ColourCount(category, 0, 0, 0));
            addRow(cells, row++, I18n.label(category), category, count);
        }
        addRow(cells, row, I18n.get("board.grid.everyone"), null, vm.totalsProperty().get());
        grid.getChildren().setAll(cells);
    }

    private static Node at(Node node, int column, int row) {
        GridPane.setConstraints(node, column, row);
        return node;
    }

    private void addRow(List<Node> cells, int row, String name, Category category, ColourCount count) {
        Label label = new Label(name);
        label.getStyleClass().add(category == null ? "grid-total" : "grid-category");
        cells.add(at(label, 0, row));
        for (int i = 0; i < COLOURS.size(); i++) {
            RiskColour colour = COLOURS.get(i);
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
                showList.accept(vm.peopleBehind(category, colour));
            });
            GridPane.setHalignment(link, HPos.RIGHT);
            cells.add(at(link, i + 1, row));
        }
    }

    private static Label header(String text, HPos pos) {
        Label l = new Label(text);
        l.getStyleClass().add("grid-header");
        GridPane.setHalignment(l, pos);
        return l;
    }
}
