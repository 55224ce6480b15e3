package org.caredesk.common;

public enum Sex implements Chinese {
    MALE("男"), FEMALE("女");

    private final String chinese;

    Sex(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }
}
