package org.caredesk.risk.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.caredesk.audit.Actor;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditDetail;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;
import org.caredesk.common.RiskColour;
import org.caredesk.common.ValidationException;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.service.ColourRules;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.caredesk.settings.data.SettingsRepository;
import org.caredesk.risk.AssessmentItem;
import org.caredesk.risk.RiskSettings;
import org.caredesk.risk.RiskSettingsService;
import org.jooq.DSLContext;

/**
 * The rule numbers in {@code app_setting}, under keys {@code riskRules.*}. Read once and kept (every save of a
 * visit needs them); a save replaces the kept copy. A stored value that is missing, unreadable or out of range is
 * its default, so a damaged value cannot stop the work list.
 */
public final class StoredRiskSettings implements RiskSettingsService {
    static final String PREFIX = "riskRules.";

    /** One number: its key (after the prefix), the field label, the range and how to read it from the record. */
    private record Limit(String key, int min, int max, ToIntFunction<RiskSettings> get) {
        String labelKey() {
            return "field.riskRules." + key;
        }
    }

    private static final List<Limit> NUMBERS = List.of(
            new Limit("redDays", 1, 365, RiskSettings::redDays),
            new Limit("yellowDays", 1, 365, RiskSettings::yellowDays),
            new Limit("greenDays", 1, 365, RiskSettings::greenDays),
            new Limit("mentalMaxMonths", 1, 12, RiskSettings::mentalMaxMonths),
            new Limit("unstableMentalLevel", 1, 5, RiskSettings::unstableMentalLevel),
            new Limit("unstableMentalDays", 1, 90, RiskSettings::unstableMentalDays),
            new Limit("urineMonthsYear1", 1, 12, RiskSettings::urineMonthsYear1),
            new Limit("urineMonthsYear2", 1, 12, RiskSettings::urineMonthsYear2),
            new Limit("urineMonthsYear3", 1, 12, RiskSettings::urineMonthsYear3),
            new Limit("positiveUrineMonths", 1, 24, RiskSettings::positiveUrineMonths),
            new Limit("termWarnDays", 1, 180, RiskSettings::termWarnDays),
            new Limit("overrideDays", 1, 365, RiskSettings::overrideDays),
            new Limit("incidentHours", 1, 168, RiskSettings::incidentHours),
            new Limit("assessmentYellowFrom", 1, AssessmentItem.maxTotal(), RiskSettings::assessmentYellowFrom),
            new Limit("assessmentRedFrom", 1, AssessmentItem.maxTotal(), RiskSettings::assessmentRedFrom),
            new Limit("mentalYellowFrom", 1, 5, s -> s.mapping().mentalYellowFrom()),
            new Limit("mentalRedFrom", 1, 5, s -> s.mapping().mentalRedFrom()));

    private static final String CORRECTION = "correction.";

    private final DSLContext dsl;
    private final AuditLog audit;
    private final Actor actor;
    private final Session session;
    private volatile RiskSettings kept;

    public StoredRiskSettings(DSLContext dsl, AuditLog audit, Actor actor, Session session) {
        this.dsl = dsl;
        this.audit = audit;
        this.actor = actor;
        this.session = session;
    }

    @Override
    public RiskSettings load() {
        RiskSettings s = kept;
        if (s == null) {
            s = read(new SettingsRepository(dsl));
            kept = s;
        }
        return s;
    }

    private static RiskSettings read(SettingsRepository repo) {
        RiskSettings d = RiskSettings.DEFAULTS;
        Map<String, Integer> v = new LinkedHashMap<>();
        for (Limit n : NUMBERS) {
            v.put(n.key(), number(repo, n).orElse(n.get().applyAsInt(d)));
        }
        Map<CorrectionLevel, RiskColour> correction = new EnumMap<>(CorrectionLevel.class);
        for (CorrectionLevel l : CorrectionLevel.values()) {
            correction.put(l, repo.get(PREFIX + CORRECTION + l.name()).flatMap(StoredRiskSettings::colour)
                    .orElse(d.mapping().correctionColour(l)));
        }
        RiskSettings s = new RiskSettings(v.get("redDays"), v.get("yellowDays"), v.get("greenDays"),
                v.get("mentalMaxMonths"), v.get("unstableMentalLevel"), v.get("unstableMentalDays"),
                v.get("urineMonthsYear1"), v.get("urineMonthsYear2"), v.get("urineMonthsYear3"),
                v.get("positiveUrineMonths"), v.get("termWarnDays"), v.get("overrideDays"), v.get("incidentHours"),
                v.get("assessmentYellowFrom"), v.get("assessmentRedFrom"),
                new ColourRules.Mapping(v.get("mentalYellowFrom"), v.get("mentalRedFrom"), correction));
        // Values each in range can still contradict each other (red from below yellow): then the defaults.
        return problems(s).isEmpty() ? s : d;
    }

    @Override
    public void save(RiskSettings s) {
        session.require(Permission.SETTINGS_MANAGE);
        List<Problem> problems = problems(s);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            SettingsRepository repo = new SettingsRepository(tx);
            List<AuditEvent> events = new ArrayList<>();
            for (Limit n : NUMBERS) {
                String value = String.valueOf(n.get().applyAsInt(s));
                changed(repo, n.key(), value, events);
            }
            for (CorrectionLevel l : CorrectionLevel.values()) {
                changed(repo, CORRECTION + l.name(), s.mapping().correctionColour(l).name(), events);
            }
            audit.appendAll(tx, events);
        });
        kept = s;
    }

    private void changed(SettingsRepository repo, String key, String value, List<AuditEvent> events) {
        String old = repo.get(PREFIX + key).orElse(null);
        if (value.equals(old)) {
            return;
        }
        repo.put(PREFIX + key, value);
        events.add(AuditEvent.success(actor.userName(), AuditAction.SETTING_CHANGED, AuditObjectType.SETTING,
                PREFIX + key, PREFIX + key, AuditDetail.text((old == null ? "" : old) + " → " + value)));
    }

    /** One sentence per number out of range, and for thresholds in the wrong order. */
    static List<Problem> problems(RiskSettings s) {
        List<Problem> problems = new ArrayList<>();
        for (Limit n : NUMBERS) {
            int value = n.get().applyAsInt(s);
            if (value < n.min() || value > n.max()) {
                problems.add(Problem.error(n.key(), "problem.riskRules.range", new I18n.Key(n.labelKey()),
                        String.valueOf(n.min()), String.valueOf(n.max()), String.valueOf(value)));
            }
        }
        if (problems.isEmpty()) {
            order(problems, "yellowDays", "field.riskRules.redDays", s.redDays(), "field.riskRules.yellowDays",
                    s.yellowDays());
            order(problems, "greenDays", "field.riskRules.yellowDays", s.yellowDays(), "field.riskRules.greenDays",
                    s.greenDays());
            order(problems, "assessmentRedFrom", "field.riskRules.assessmentYellowFrom", s.assessmentYellowFrom(),
                    "field.riskRules.assessmentRedFrom", s.assessmentRedFrom());
            order(problems, "mentalRedFrom", "field.riskRules.mentalYellowFrom", s.mapping().mentalYellowFrom(),
                    "field.riskRules.mentalRedFrom", s.mapping().mentalRedFrom());
        }
        return problems;
    }

    /** {@code low} must not be above {@code high}. */
    private static void order(List<Problem> problems, String field, String lowLabel, int low, String highLabel,
            int high) {
        if (low > high) {
            problems.add(Problem.error(field, "problem.riskRules.order", new I18n.Key(lowLabel),
                    new I18n.Key(highLabel)));
        }
    }

    private static Optional<Integer> number(SettingsRepository repo, Limit n) {
        return repo.get(PREFIX + n.key()).flatMap(v -> {
            try {
                int i = Integer.parseInt(v.strip());
                return i >= n.min() && i <= n.max() ? Optional.of(i) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<RiskColour> colour(String v) {
        try {
            return Optional.of(RiskColour.valueOf(v.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
