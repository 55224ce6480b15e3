package org.caredesk.today;

import org.caredesk.common.Chinese;

/** The legal terms whose end the work list warns about ahead of time. */
public enum TermKind implements Chinese {
    CORRECTION_END("社区矫正期满"),
    RELEASE_HELP_END("安置帮教期满"),
    DRUG_PROGRAMME_END("社区戒毒/康复期满");

    private final String chinese;

    TermKind(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }
}
