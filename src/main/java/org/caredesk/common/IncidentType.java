package org.caredesk.common;


/** The kinds of emergency (应急处置) the community records. */
public enum IncidentType implements Chinese {
    RELAPSE("病情复发"),
    SELF_HARM("伤害自身"),
    HARM_TO_OTHERS("危害他人"),
    MISSING("走失"),
    DISPUTE("冲突纠纷"),
    OTHER("其他");

    private final String chinese;

    IncidentType(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }
}
