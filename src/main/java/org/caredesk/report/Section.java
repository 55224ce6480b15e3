package org.caredesk.report;

/** The parts of the monthly report, in the order of the workbook's sheets; each is one sheet. */
public enum Section {
    KEY_POPULATIONS,
    VISITS,
    MENTAL_DISORDERS,
    CORRECTION,
    RELEASED_PRISONERS,
    DRUG_USERS,
    INCIDENTS,
    DATA_QUALITY
}
