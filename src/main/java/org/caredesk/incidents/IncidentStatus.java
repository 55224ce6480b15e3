package org.caredesk.incidents;

import org.caredesk.common.Chinese;

/** An incident is open until it is completed (closed); an open one older than the set hours is flagged. */
public enum IncidentStatus implements Chinese {
    OPEN("处置中"),
    CLOSED("已办结");

    private final String chinese;

    IncidentStatus(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }
}
