package org.caredesk.board;

import java.time.YearMonth;

/** Person-visits (走访人次: a group visit counts once per person) in a month. */
public record MonthCount(YearMonth month, int visits) {}
