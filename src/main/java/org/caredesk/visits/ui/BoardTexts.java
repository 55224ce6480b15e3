package org.caredesk.visits.ui;

import java.time.LocalDate;
import java.util.Collection;
import java.util.stream.Collectors;
import org.caredesk.common.I18n;
import org.caredesk.people.Category;
import org.caredesk.people.ui.DateText;
import org.caredesk.visits.BoardPerson;
import org.caredesk.visits.ColourTexts;

/** How the board's lines read: categories, the reason for the colour, dates, "从未走访". */
final class BoardTexts {
    private BoardTexts() {}

    static String categories(Collection<Category> categories) {
        return categories.stream().sorted().map(I18n::label)
                .collect(Collectors.joining(I18n.get("people.listSeparator")));
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
