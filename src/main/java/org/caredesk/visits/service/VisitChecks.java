package org.caredesk.visits.service;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.caredesk.common.FieldLength;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;
import org.caredesk.common.Text;
import org.caredesk.people.Category;
import org.caredesk.people.Person;
import org.caredesk.common.UrineResult;
import org.caredesk.visits.VisitDraft;
import org.caredesk.visits.VisitPerson;

/**
 * The rules of a visit record, each broken rule one sentence naming the field (and the person). Pure: the people
 * and "now" come in. The form can show the same sentences; the service checks again before it writes.
 */
public final class VisitChecks {
    public static final int STAFF_LENGTH = 200;
    public static final int TEXT_LENGTH = 2000;
    public static final int SYMPTOMS_LENGTH = 500;
    public static final int MAX_RISK_LEVEL = 5;

    private VisitChecks() {}

    /** The draft with texts trimmed (blank → null) and what is wrong with it; nothing wrong: no problems. */
    public record Result(VisitDraft draft, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Checks what needs no database: required fields, lengths, dates, people given once. */
    public static Result fields(VisitDraft d, LocalDateTime now) {
        List<Problem> problems = new ArrayList<>();
        if (d.visitedAt() == null) {
            problems.add(Problem.error("visitedAt", "problem.required", new I18n.Key("field.visit.visitedAt")));
        } else if (d.visitedAt().isAfter(now)) {
            problems.add(Problem.error("visitedAt", "problem.notAfterNow", new I18n.Key("field.visit.visitedAt")));
        }
        if (d.type() == null) {
            problems.add(Problem.error("type", "problem.required", new I18n.Key("field.visit.type")));
        }
        String staff = Text.clean(d.staff());
        if (staff == null) {
            problems.add(Problem.error("staff", "problem.required", new I18n.Key("field.visit.staff")));
        }
        String volunteers = Text.clean(d.volunteers());
        length(problems, "staff", "field.visit.staff", staff, STAFF_LENGTH);
        length(problems, "volunteers", "field.visit.volunteers", volunteers, STAFF_LENGTH);
        String findings = Text.clean(d.findings());
        String help = Text.clean(d.helpGiven());
        String plan = Text.clean(d.followUpPlan());
        length(problems, "findings", "field.visit.findings", findings, TEXT_LENGTH);
        length(problems, "helpGiven", "field.visit.helpGiven", help, TEXT_LENGTH);
        length(problems, "followUpPlan", "field.visit.followUpPlan", plan, TEXT_LENGTH);
        if (d.people().isEmpty()) {
            problems.add(Problem.error("people", "problem.visit.noPeople"));
        }
        Set<UUID> seen = new HashSet<>();
        List<VisitPerson> parts = new ArrayList<>(d.people().size());
        LocalDate date = d.visitedAt() == null ? null : d.visitedAt().toLocalDate();
        for (VisitPerson p : d.people()) {
            if (p.personId() == null) {
                problems.add(Problem.error("people", "problem.visit.noPeople"));
                continue;
            }
            if (!seen.add(p.personId())) {
                problems.add(Problem.error("people", "problem.visit.duplicatePerson", name(p)));
                continue;
            }
            parts.add(cleanPart(p, date));
        }
        VisitDraft clean = new VisitDraft(d.visitedAt(), d.type(), staff, volunteers, parts, d.needs(), findings,
                help, plan);
        return new Result(clean, problems);
    }

    /**
     * Checks one person's part against their file (named in every sentence): the file is open, the urine test only
     * for a drug user, the follow-up items only for a mental-disorder patient, levels and dates in range.
     */
    public static List<Problem> part(VisitPerson p, Person person, LocalDate visitDate, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        String name = person.name();
        if (person.isClosed()) {
            problems.add(Problem.error("people", "problem.visit.personClosed", name));
            return problems;
        }
        boolean drugUser = has(person, Category.DRUG_USER);
        boolean mental = has(person, Category.MENTAL_DISORDER);
        if (p.hasUrinePart() && !drugUser) {
            problems.add(Problem.error("urineResult", "problem.visit.urineNotDrugUser", name));
        } else if (p.urineDate() != null && p.urineResult() == null) {
            problems.add(Problem.error("urineResult", "problem.visit.urineDateWithoutResult", name));
        } else if (p.urineDate() != null && p.urineDate().isAfter(today)) {
            problems.add(Problem.error("urineDate", "problem.visit.urineDateFuture", name));
        }
        if (p.hasMentalPart() && !mental) {
            problems.add(Problem.error("mentalRiskLevel", "problem.visit.mentalNotPatient", name));
        } else {
            if (p.mentalRiskLevel() != null && (p.mentalRiskLevel() < 0 || p.mentalRiskLevel() > MAX_RISK_LEVEL)) {
                problems.add(Problem.error("mentalRiskLevel", "problem.visit.riskLevel", name,
                        String.valueOf(MAX_RISK_LEVEL)));
            }
            if (p.symptoms() != null && p.symptoms().length() > SYMPTOMS_LENGTH) {
                problems.add(Problem.error("symptoms", "problem.visit.symptomsTooLong", name,
                        String.valueOf(SYMPTOMS_LENGTH)));
            }
        }
        if (p.nextVisitDate() != null && visitDate != null && !p.nextVisitDate().isAfter(visitDate)) {
            problems.add(Problem.error("nextVisitDate", "problem.visit.nextVisitNotAfter", name));
        }
        return problems;
    }

    /** Trimmed texts; a test result without a date was taken at the visit; "not tested" has no date. */
    private static VisitPerson cleanPart(VisitPerson p, LocalDate visitDate) {
        LocalDate urineDate = p.urineDate();
        if (p.urineResult() == UrineResult.NOT_TESTED) {
            urineDate = null;
        } else if (p.urineResult() != null && urineDate == null) {
            urineDate = visitDate;
        }
        return new VisitPerson(p.personId(), p.personName(), p.urineResult(), urineDate, p.mentalRiskLevel(),
                Text.clean(p.symptoms()), p.insight(), p.medication(), p.consentOnFile(), p.nextVisitDate());
    }

    private static boolean has(Person p, Category c) {
        return p.data().memberships().stream().anyMatch(m -> m.category() == c);
    }

    private static String name(VisitPerson p) {
        return p.personName() != null ? p.personName() : p.personId().toString();
    }

    static void length(List<Problem> problems, String field, String labelKey, String value, int max) {
        FieldLength.check(problems, field, labelKey, value, max);
    }
}
