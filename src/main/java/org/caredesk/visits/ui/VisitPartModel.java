package org.caredesk.visits.ui;

import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.caredesk.common.I18n;
import org.caredesk.people.CategoryLabels;
import org.caredesk.people.Enums.Medication;
import org.caredesk.ui.DateInput;
import org.caredesk.ui.DateText;
import org.caredesk.visits.Insight;
import org.caredesk.risk.NextVisitProposal;
import org.caredesk.common.UrineResult;
import org.caredesk.visits.VisitPerson;
import org.caredesk.visits.VisitSubject;

/**
 * One person's part of the visit form: the parts of their own categories (urine test; the national follow-up items)
 * and the next visit, proposed by the rules until the caseworker types their own date.
 */
public final class VisitPartModel {
    private final VisitSubject subject;
    private final ObjectProperty<UrineResult> urineResult = new SimpleObjectProperty<>();
    private final DateInput urineDate = new DateInput();
    private final ObjectProperty<Integer> riskLevel = new SimpleObjectProperty<>();
    private final StringProperty symptoms = new SimpleStringProperty("");
    private final ObjectProperty<Insight> insight = new SimpleObjectProperty<>();
    private final ObjectProperty<Medication> medication = new SimpleObjectProperty<>();
    private final ObjectProperty<Boolean> consent = new SimpleObjectProperty<>();
    private final DateInput nextVisit = new DateInput();
    private final ReadOnlyStringWrapper proposal = new ReadOnlyStringWrapper("");
    private boolean applying;
    private boolean nextVisitTyped;

    VisitPartModel(VisitSubject subject) {
        this.subject = subject;
        nextVisit.textProperty().addListener((obs, old, now) -> {
            if (!applying) {
                nextVisitTyped = true;
            }
        });
    }

    /** Shows the rules' proposal; puts its date in the field unless the caseworker typed their own. */
    void apply(NextVisitProposal p, java.time.LocalDate visitDate) {
        String text = I18n.get("visitForm.proposal", DateText.format(p.nextVisit()), I18n.label(p.colourAfter()));
        if (p.nextUrineTest() != null && !p.nextUrineTest().isAfter(visitDate)) {
            // No test given at this visit and the last one is too long ago: say so rather than show a past date.
            text += I18n.get("visitForm.urineDueNow");
        } else if (p.nextUrineTest() != null) {
            text += I18n.get("visitForm.proposalUrine", DateText.format(p.nextUrineTest()));
        }
        proposal.set(text);
        if (!nextVisitTyped || DateText.isBlank(nextVisit.textProperty().get())) {
            applying = true;
            nextVisit.set(p.nextVisit());
            applying = false;
            nextVisitTyped = false;
        }
    }

    /** The part as the service takes it; only the parts of the person's categories are given. */
    public VisitPerson part() {
        VisitPerson p = VisitPerson.of(subject.personId()).withName(subject.name());
        if (subject.drugUser() && (urineResult.get() != null || urineDate.value() != null)) {
            p = p.withUrine(urineResult.get(), urineResult.get() == UrineResult.NOT_TESTED ? null : urineDate.value());
        }
        if (subject.mentalDisorder()) {
            String s = symptoms.get() == null || symptoms.get().isBlank() ? null : symptoms.get().strip();
            p = p.withMental(riskLevel.get(), s, insight.get(), medication.get(), consent.get());
        }
        return p.withNextVisit(nextVisit.value());
    }

    /** A date as the home screen shows it: "从未" when there is none. */
    private static String date(java.time.LocalDate date) {
        return date == null ? I18n.get("today.never") : DateText.format(date);
    }

    /** "张三 · 吸毒人员 · 上次走访 2025-05-01，应于 2025-05-08 走访". */
    public String summary() {
        String categories = CategoryLabels.join(subject.categories());
        return I18n.get("visitForm.personSummary", subject.name(), categories,
                date(subject.lastVisit()), date(subject.nextVisitDue()));
    }

    boolean hasInput() {
        return urineResult.get() != null || !DateText.isBlank(urineDate.textProperty().get())
                || riskLevel.get() != null || !symptoms.get().isBlank() || insight.get() != null
                || medication.get() != null || consent.get() != null || nextVisitTyped;
    }

    public UUID personId() {
        return subject.personId();
    }

    public String name() {
        return subject.name();
    }

    public VisitSubject subject() {
        return subject;
    }

    public ObjectProperty<UrineResult> urineResultProperty() {
        return urineResult;
    }

    public DateInput urineDate() {
        return urineDate;
    }

    public ObjectProperty<Integer> riskLevelProperty() {
        return riskLevel;
    }

    public StringProperty symptomsProperty() {
        return symptoms;
    }

    public ObjectProperty<Insight> insightProperty() {
        return insight;
    }

    public ObjectProperty<Medication> medicationProperty() {
        return medication;
    }

    /** Signed consent on file: yes, no, or not asked this time (null). */
    public ObjectProperty<Boolean> consentProperty() {
        return consent;
    }

    public DateInput nextVisit() {
        return nextVisit;
    }

    /** What the rules propose: "建议 2025-06-09 前再次走访（走访后为 红）". */
    public ReadOnlyStringProperty proposalProperty() {
        return proposal.getReadOnlyProperty();
    }
}
