package org.caredesk.risk;

import org.caredesk.common.Chinese;

/**
 * The questions of the structured risk assessment. Each is answered with a score from 0 (no risk) to
 * {@link #MAX_SCORE} (serious); the total decides the colour under the thresholds of {@link RiskSettings}. The
 * answers' labels are the i18n keys {@link #answerKey(int)}.
 */
public enum AssessmentItem implements Chinese {
    /** Recent conflicts or disputes (with family, neighbours, others). */
    CONFLICTS("近期矛盾纠纷"),
    EMPLOYMENT("就业状况"),
    FAMILY_SUPPORT("家庭支持"),
    /** Alcohol or drugs. */
    SUBSTANCE_USE("物质滥用"),
    MENTAL_STATE("精神状态");

    public static final int MAX_SCORE = 2;

    private final String chinese;

    AssessmentItem(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }

    /** The label of an answer, e.g. {@code assessment.answer.CONFLICTS.2}. */
    public String answerKey(int score) {
        if (score < 0 || score > MAX_SCORE) {
            throw new IllegalArgumentException("score " + score + " outside 0.." + MAX_SCORE);
        }
        return "assessment.answer." + name() + "." + score;
    }

    /** The highest total the form can give. */
    public static int maxTotal() {
        return values().length * MAX_SCORE;
    }
}
