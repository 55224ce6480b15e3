package org.caredesk.people;

import org.caredesk.common.Chinese;

/** The key populations a person can belong to; several at once. */
public enum Category implements Chinese {
    RELEASED_PRISONER("刑满释放人员"),
    DRUG_USER("吸毒人员"),
    CORRECTION("社区矫正对象"),
    MENTAL_DISORDER("严重精神障碍患者"),
    ELDERLY_ALONE("独居老人"),
    DISABLED("残疾人"),
    OTHER("其他");

    private final String chinese;

    Category(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }
}
