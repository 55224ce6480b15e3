package org.caredesk.visits;

import org.caredesk.common.Chinese;

/** Needs identified at a visit; several per visit. */
public enum Need implements Chinese {
    EMPLOYMENT("就业"),
    MEDICAL("医疗"),
    HOUSING("住房"),
    PSYCHOLOGICAL("心理"),
    LEGAL("法律"),
    FINANCIAL("经济"),
    OTHER("其他");

    private final String chinese;

    Need(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }
}
