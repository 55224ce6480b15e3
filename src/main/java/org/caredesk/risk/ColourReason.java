package org.caredesk.risk;

import org.caredesk.common.Chinese;

/** Why a person has their colour now: the deciding factor (the most serious one), shown with its detail
 * (a risk level, a correction level, a test date, an assessment total, the caseworker's reason, an incident type). */
public enum ColourReason implements Chinese {
    DEFAULT("无风险因素"),
    MENTAL_LEVEL("精神障碍风险等级"),
    CORRECTION_LEVEL("矫正管理等级"),
    POSITIVE_URINE("尿检阳性"),
    ASSESSMENT("风险评估"),
    OVERRIDE("人工调整"),
    INCIDENT("应急事件"),
    /** No factor gave a colour and a detail that would (a risk level, a correction level) is not known yet. */
    DETAILS_MISSING("资料待补");

    private final String chinese;

    ColourReason(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }
}
