package org.caredesk.risk;

import org.caredesk.common.Chinese;

/** What caused a colour change: the rules applied to new data, a risk assessment, a caseworker's
 * override, an override that expired, or an incident. */
public enum ColourSource implements Chinese {
    RULE("规则"),
    ASSESSMENT("风险评估"),
    OVERRIDE("人工调整"),
    OVERRIDE_EXPIRED("人工调整到期"),
    INCIDENT("应急事件");

    private final String chinese;

    ColourSource(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }
}
