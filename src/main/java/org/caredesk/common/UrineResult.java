package org.caredesk.common;


/** A drug user's urine test at a visit. Only NEGATIVE and POSITIVE are tests that reset the test cadence. */
public enum UrineResult implements Chinese {
    NEGATIVE("阴性"),
    POSITIVE("阳性"),
    NOT_TESTED("未检");

    private final String chinese;

    UrineResult(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }
}
