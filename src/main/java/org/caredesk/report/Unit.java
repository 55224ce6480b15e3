package org.caredesk.report;

/** What a figure counts: people, events (visits, tests, incidents, colour changes), or a rate in percent. */
public enum Unit {
    PERSONS,
    TIMES,
    PERCENT
}
