package org.caredesk.visits;

import org.caredesk.common.Chinese;

/** A mental-disorder patient's insight into the illness (自知力), from the national follow-up form. */
public enum Insight implements Chinese {
    FULL("自知力完全"),
    PARTIAL("自知力不全"),
    NONE("自知力缺失");

    private final String chinese;

    Insight(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }
}
