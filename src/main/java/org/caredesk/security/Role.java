package org.caredesk.security;

import org.caredesk.common.Chinese;

/** The roles of DOMAIN.md. A user may hold several, except that the auditor role stands alone. */
public enum Role implements Chinese {
    FRONT_DESK("前台"),
    CASEWORKER("社工"),
    COUNSELLOR("心理咨询师"),
    VOLUNTEER_COORDINATOR("志愿者管理"),
    DIRECTOR("主任/管理员"),
    AUDITOR("审计员");

    private final String chinese;

    Role(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }
}
