package org.caredesk.roster.service;

import java.util.ArrayList;
import java.util.List;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;
import org.caredesk.common.Text;

/**
 * One thing wrong with an imported roster, located as the user sees it in Excel.
 *
 * @param row    the Excel row number as the user sees it (1-based); 0 for the file as a whole
 * @param column the header text (e.g. "证件号码"), or null when the problem is not about one column
 */
public record ImportProblem(int row, String column, Problem problem) {
    /**
     * Values from the file are echoed cut to a readable length and with control characters made visible: a
     * 40,000-character cell would otherwise fill the problem list, and a direction override reorder the sentence.
     */
    public ImportProblem {
        column = Text.echo(column);
        if (problem.args().stream().anyMatch(a -> a instanceof String)) {
            List<Object> args = new ArrayList<>(problem.args().size());
            for (Object a : problem.args()) {
                args.add(a instanceof String s ? Text.echo(s) : a);
            }
            problem = new Problem(problem.field(), problem.key(), args, problem.warning());
        }
    }

    public boolean warning() {
        return problem.warning();
    }

    /** What is wrong, without the location. */
    public String message() {
        return problem.localized();
    }

    /** The whole sentence: "第 5 行，“证件号码”列：身份证号码最后一位校验码不对……". */
    public String localized() {
        String message = problem.localized();
        if (row <= 0) {
            return column == null ? message : I18n.get("roster.problem.atColumn", column, message);
        }
        if (column == null) {
            return I18n.get("roster.problem.atRow", String.valueOf(row), message);
        }
        return I18n.get("roster.problem.at", String.valueOf(row), column, message);
    }
}
