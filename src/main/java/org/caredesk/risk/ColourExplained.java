package org.caredesk.risk;

/**
 * Anything shown with the reason for a colour (a timeline entry, the colour now, a line of the board), so
 * {@link ColourTexts} reads them all the same way without knowing the rooms that show them.
 */
public interface ColourExplained {
    ColourReason reason();

    /** The factor's value, as stored with the reason (see {@link ColourChange#detail()}). */
    String detail();
}
