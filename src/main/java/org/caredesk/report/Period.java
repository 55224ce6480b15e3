package org.caredesk.report;

/** The two columns of every section: the month itself (本月) and the year up to the month's end (本年累计). */
public enum Period {
    MONTH,
    YEAR_TO_DATE
}
