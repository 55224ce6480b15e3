package org.caredesk.risk.service;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonField;
import org.caredesk.risk.ColourOverride;
import org.caredesk.risk.ColourReason;
import org.caredesk.common.IncidentType;
import org.caredesk.risk.RiskSettings;

/**
 * A person's colour from their data (docs/decisions/0014). Each factor gives a colour and the most serious wins:
 * the mental-disorder risk level (the latest visit's, else the registry's), the correction level, a positive urine
 * test in the last months, the latest assessment. An active override replaces the result; an incident that still
 * holds makes the person red, unless an override was set or renewed after it. Pure: today comes in.
 */
public final class ColourDecider {
    private final RiskSettings settings;

    public ColourDecider(RiskSettings settings) {
        this.settings = settings;
    }

    /**
     * What the colour is computed from.
     *
     * @param visitMentalLevel  the risk level of the latest visit that assessed one; null when none did
     * @param lastPositiveUrine the date of the latest positive urine test; null when none
     * @param assessment        the colour of the latest assessment and its total; null when none
     * @param override          the override not yet ended (it may be past its last day); null when none
     * @param incident          the incident that holds the person red; null when none does
     */
    public record Inputs(List<Membership> memberships, Integer visitMentalLevel, LocalDate lastPositiveUrine,
            AssessmentFactor assessment, ColourOverride override, IncidentHold incident) {
        public Inputs {
            memberships = List.copyOf(memberships);
        }
    }

    public record AssessmentFactor(RiskColour colour, int total) {}

    /** An incident that keeps a person red, with when it was recorded (an override set later outranks it). */
    public record IncidentHold(IncidentType type, LocalDateTime recordedAt) {}

    /**
     * @param detail         the factor's value (see {@link org.caredesk.risk.ColourChange#detail()})
     * @param reviewOn       the first day the colour may change by itself; null when nothing would change it
     * @param overrideExpired the override given has passed its last day and must be ended
     */
    public record Decision(RiskColour colour, ColourReason reason, String detail, LocalDate reviewOn,
            boolean overrideExpired) {}

    public Decision decide(Inputs in, LocalDate today) {
        RiskColour colour = RiskColour.GREEN;
        ColourReason reason = ColourReason.DEFAULT;
        String detail = null;
        LocalDate reviewOn = null;
        String unknown = null;
        for (Membership m : in.memberships()) {
            switch (m.category()) {
                case MENTAL_DISORDER: {
                    Integer level = in.visitMentalLevel() != null ? in.visitMentalLevel() : m.mentalRiskLevel();
                    if (level == null) {
                        unknown = unknown != null ? unknown : PersonField.MENTAL_RISK_LEVEL.name();
                    } else {
                        RiskColour c = settings.mapping().mentalColour(level);
                        if (wins(c, colour, reason)) {
                            colour = c;
                            reason = ColourReason.MENTAL_LEVEL;
                            detail = String.valueOf(level);
                        }
                    }
                    break;
                }
                case CORRECTION:
                    if (m.correctionLevel() == null) {
                        unknown = unknown != null ? unknown : PersonField.CORRECTION_LEVEL.name();
                    } else {
                        RiskColour c = settings.mapping().correctionColour(m.correctionLevel());
                        if (wins(c, colour, reason)) {
                            colour = c;
                            reason = ColourReason.CORRECTION_LEVEL;
                            detail = m.correctionLevel().name();
                        }
                    }
                    break;
                case DRUG_USER:
                    if (in.lastPositiveUrine() != null) {
                        LocalDate lastRedDay = in.lastPositiveUrine().plusMonths(settings.positiveUrineMonths());
                        if (!today.isAfter(lastRedDay)) {
                            reviewOn = lastRedDay.plusDays(1);
                            if (wins(RiskColour.RED, colour, reason)) {
                                colour = RiskColour.RED;
                                reason = ColourReason.POSITIVE_URINE;
                                detail = in.lastPositiveUrine().toString();
                            }
                        }
                    }
                    break;
                default:
                    break;
            }
        }
        if (in.assessment() != null && wins(in.assessment().colour(), colour, reason)) {
            colour = in.assessment().colour();
            reason = ColourReason.ASSESSMENT;
            detail = String.valueOf(in.assessment().total());
        }
        if (reason == ColourReason.DEFAULT && unknown != null) {
            // Green here rests on a detail nobody has entered yet (资料待补): say so instead of "无风险因素".
            reason = ColourReason.DETAILS_MISSING;
            detail = unknown;
        }

        ColourOverride o = in.override();
        boolean expired = o != null && !o.activeOn(today);
        boolean overrideApplies = o != null && !expired
                && (in.incident() == null || o.updatedAt().isAfter(in.incident().recordedAt()));
        if (overrideApplies) {
            LocalDate overrideEnds = o.expiresOn().plusDays(1);
            return new Decision(o.colour(), ColourReason.OVERRIDE, o.reason(), earlier(reviewOn, overrideEnds), false);
        }
        if (in.incident() != null) {
            if (o != null && !expired) {
                reviewOn = earlier(reviewOn, o.expiresOn().plusDays(1));
            }
            return new Decision(RiskColour.RED, ColourReason.INCIDENT, in.incident().type().name(), reviewOn, expired);
        }
        return new Decision(colour, reason, detail, reviewOn, expired);
    }

    /** A factor wins when it is more serious, or as serious and the current one is the mere default. */
    private static boolean wins(RiskColour candidate, RiskColour current, ColourReason currentReason) {
        return candidate.ordinal() > current.ordinal()
                || candidate == current && currentReason == ColourReason.DEFAULT;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
