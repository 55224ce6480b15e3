package org.caredesk.report.template;

import org.caredesk.common.I18n;

/**
 * A placeholder the filler cannot fill, where it is: the sheet's name and the cell's address as Excel shows them
 * (C5), and the placeholder as written.
 */
public record TemplateProblem(String sheet, String cell, Kind kind, String placeholder) {
    /** What is wrong with it. */
    public enum Kind {
        /** A well-formed placeholder whose code is not one of the report's figures. */
        UNKNOWN_CODE("report.template.problem.unknown"),
        /** A {@code {{} never closed by {@code }}}. */
        UNCLOSED("report.template.problem.unclosed"),
        /** {@code {{}}} with no code inside. */
        EMPTY("report.template.problem.empty"),
        /** Full-width braces (｛｛…｝｝), as a Chinese input method types them. */
        FULL_WIDTH("report.template.problem.fullWidth");

        private final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    /** One line for the user, e.g. "工作表 表1 单元格 C5：未知的指标代码 {{走访率}}". */
    public String sentence() {
        return I18n.get(kind.key, sheet, cell, placeholder, Placeholders.CLOSE, Placeholders.OPEN);
    }
}
