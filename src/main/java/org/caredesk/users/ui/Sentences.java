package org.caredesk.users.ui;

import java.util.List;
import java.util.stream.Collectors;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;

/** Several sentences shown as one message. */
final class Sentences {
    private Sentences() {}

    /** Chinese sentences end in "。" and follow each other without a space; English ones need one. */
    static String separator() {
        return "zh".equals(I18n.locale().getLanguage()) ? "" : " ";
    }

    static String join(String a, String b) {
        return a.isEmpty() ? b : a + separator() + b;
    }

    static String of(List<Problem> problems) {
        return problems.stream().map(Problem::localized).collect(Collectors.joining(separator()));
    }
}
