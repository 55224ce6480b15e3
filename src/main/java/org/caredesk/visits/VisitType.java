package org.caredesk.visits;

import org.caredesk.common.Chinese;

/** How a visit took place (走访方式). */
public enum VisitType implements Chinese {
    HOME("入户走访"),
    PHONE("电话"),
    OFFICE("来访"),
    GROUP("集体活动");

    private final String chinese;

    VisitType(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }
}
