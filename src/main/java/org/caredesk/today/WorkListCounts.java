package org.caredesk.today;

/** How many lines each list of the home screen has in all (the lists themselves are limited). */
public record WorkListCounts(
        int overdue,
        int dueThisWeek,
        int termsEnding,
        int missingConsent,
        int openIncidents,
        int lateIncidents,
        int missingDetails) {}
