package org.caredesk.risk;

import org.caredesk.common.Chinese;

/** How a colour override stopped applying. */
public enum OverrideEnd implements Chinese {
    CLEARED("已撤销"),
    EXPIRED("已到期");

    private final String chinese;

    OverrideEnd(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }
}
