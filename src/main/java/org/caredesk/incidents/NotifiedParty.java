package org.caredesk.incidents;

import org.caredesk.common.Chinese;

/** Who was notified of an incident; several per incident. */
public enum NotifiedParty implements Chinese {
    POLICE("公安"),
    HOSPITAL("医院"),
    FAMILY("家属"),
    MENTAL_HEALTH_AGENCY("精防机构");

    private final String chinese;

    NotifiedParty(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }
}
