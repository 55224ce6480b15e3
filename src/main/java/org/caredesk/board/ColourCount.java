package org.caredesk.board;

import org.caredesk.common.RiskColour;
import org.caredesk.people.Category;

/** People in the registry (active files) by colour, for one category; {@code category} null: everyone. */
public record ColourCount(Category category, int red, int yellow, int green) {
    public int total() {
        return red + yellow + green;
    }

    public int count(RiskColour colour) {
        switch (colour) {
            case RED:
                return red;
            case YELLOW:
                return yellow;
            default:
                return green;
        }
    }
}
