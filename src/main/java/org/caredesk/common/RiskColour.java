package org.caredesk.common;

/** The three-colour warning grade. Declared from least to most serious so ordinal comparison means severity. */
public enum RiskColour implements Chinese {
    GREEN("绿"), YELLOW("黄"), RED("红");

    private final String chinese;

    RiskColour(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }

    public RiskColour max(RiskColour other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
