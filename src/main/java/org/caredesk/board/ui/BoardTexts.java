package org.caredesk.board.ui;

import java.time.LocalDate;
import java.util.Collection;
import org.caredesk.common.I18n;
import org.caredesk.people.Category;
import org.caredesk.people.CategoryLabels;
import org.caredesk.ui.DateText;
import org.caredesk.board.BoardPerson;
import org.caredesk.risk.ColourTexts;

/** How the board's lines read: categories, the reason for the colour, dates, "从未走访". */
final class BoardTexts {
    private BoardTexts() {}

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
