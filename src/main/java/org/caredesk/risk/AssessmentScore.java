package org.caredesk.risk;

import org.caredesk.common.RiskColour;

/** What a set of answers adds up to, shown on the form before saving. */
public record AssessmentScore(int total, int maxTotal, RiskColour colour) {}
