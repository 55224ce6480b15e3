package org.caredesk.board.ui;

import java.time.LocalDate;
import java.util.Collection;
import org.caredesk.common.I18n;
import org.caredesk.people.Category;
import org.caredesk.people.CategoryLabels;
import javafx.scene.control.TableColumn;
import org.caredesk.ui.Columns;
import org.caredesk.ui.DateText;
import org.caredesk.board.BoardPerson;
import org.caredesk.risk.ColourTexts;

/** How the board's lines read: categories, the reason for the colour, dates, "从未走访". */
final class BoardTexts {
    private BoardTexts() {}

    /** The columns the red list and the lists behind the numbers both show of a person, in the same words. */
    static void personColumns(TableColumn<BoardPerson, String> name, TableColumn<BoardPerson, String> categories,
            TableColumn<BoardPerson, String> reason, TableColumn<BoardPerson, String> lastVisit,
            TableColumn<BoardPerson, String> nextDue, TableColumn<BoardPerson, String> building,
            TableColumn<BoardPerson, String> staff) {
        Columns.text(name, BoardPerson::name);
        Columns.text(categories, p -> categories(p.categories()));
        Columns.text(reason, BoardTexts::reason);
        Columns.text(lastVisit, p -> lastVisit(p.lastVisit()));
        Columns.text(nextDue, p -> date(p.nextVisitDue()));
        Columns.text(building, BoardPerson::building);
        Columns.text(staff, BoardPerson::responsibleStaff);
    }

    static String categories(Collection<Category> categories) {
        return CategoryLabels.join(categories);
    }

    static String reason(BoardPerson p) {
        return ColourTexts.reason(p);
    }

    static String lastVisit(LocalDate date) {
        return date == null ? I18n.get("board.neverVisited") : DateText.format(date);
    }

    static String date(LocalDate date) {
        return DateText.format(date);
    }
}
