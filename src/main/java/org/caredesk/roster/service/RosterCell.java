package org.caredesk.roster.service;

/**
 * One non-empty cell of a roster as the sheet stores it, read without POI's workbook model: what kind of value it
 * holds (a formula counts as its last computed value), the value, and whether its number format shows a date.
 *
 * @param kind          what the cell holds
 * @param text          the text of a text cell, the Excel error text (#N/A) of an error cell, else null
 * @param number        the value of a number or boolean (1 or 0) cell
 * @param dateFormatted true when a number cell's format shows it as a date
 */
record RosterCell(Kind kind, String text, double number, boolean dateFormatted) {
    enum Kind { STRING, NUMERIC, BOOLEAN, ERROR }

    static RosterCell string(String text) {
        return new RosterCell(Kind.STRING, text, 0, false);
    }

    static RosterCell number(double value, boolean dateFormatted) {
        return new RosterCell(Kind.NUMERIC, null, value, dateFormatted);
    }

    static RosterCell bool(boolean value) {
        return new RosterCell(Kind.BOOLEAN, null, value ? 1 : 0, false);
    }

    static RosterCell error(String text) {
        return new RosterCell(Kind.ERROR, text, 0, false);
    }
}
