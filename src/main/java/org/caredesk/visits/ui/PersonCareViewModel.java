package org.caredesk.visits.ui;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.caredesk.common.I18n;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Page;
import org.caredesk.ui.DateText;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.TaskRunner;
import org.caredesk.risk.ColourChange;
import org.caredesk.risk.ColourOverride;
import org.caredesk.risk.ColourService;
import org.caredesk.risk.ColourState;
import org.caredesk.risk.ColourTexts;
import org.caredesk.visits.Visit;
import org.caredesk.visits.VisitPerson;
import org.caredesk.visits.VisitService;

/**
 * A person's visits (newest first, paged) and colour: the colour now and why, the active override with its last
 * day, and every change (newest first) with its source, reason and user.
 */
public final class PersonCareViewModel {
    public static final int VISIT_PAGE = 30;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final VisitService visits;
    private final ColourService colours;
    private final TaskRunner tasks;
    private final boolean canRecord;
    private final boolean canOverride;
    private UUID personId;
    private String name = "";

    private final ObservableList<Visit> visitList = FXCollections.observableArrayList();
    private final ObservableList<ColourChange> timeline = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper moreVisits = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<RiskColour> colour = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper colourText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ColourOverride> override = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper overrideText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper visitsTitle = new ReadOnlyStringWrapper("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private long latest;

    public PersonCareViewModel(VisitService visits, ColourService colours, TaskRunner tasks, boolean canRecord,
            boolean canOverride) {
        this.visits = visits;
        this.colours = colours;
        this.tasks = tasks;
        this.canRecord = canRecord;
        this.canOverride = canOverride;
    }

    private record Snapshot(ColourState state, List<ColourChange> timeline, Page<Visit> visits) {}

    public void load(UUID person, String personName) {
        this.personId = person;
        this.name = personName;
        refresh();
    }

    /** Reads everything again (after a visit, an assessment or an override). */
    public void refresh() {
        long request = ++latest;
        UUID id = personId;
        tasks.run(p -> new Snapshot(colours.current(id), colours.timeline(id), visits.history(id, 0, VISIT_PAGE)),
                s -> {
                    if (request != latest) {
                        return;
                    }
                    error.set("");
                    show(s);
                }, e -> error.set(ErrorMessages.of(e)));
    }

    private void show(Snapshot s) {
        ColourState st = s.state();
        colour.set(st.colour());
        String since = st.since() == null ? "" : I18n.get("care.since", TIME.format(st.since()));
        colourText.set(I18n.get(st.overridden() ? "care.colourOverridden" : "care.colourNow",
                I18n.label(st.colour()), ColourTexts.reason(st)) + since);
        override.set(st.override());
        overrideText.set(overrideText(st.override()));
        List<ColourChange> newestFirst = new ArrayList<>(s.timeline());
        Collections.reverse(newestFirst);
        timeline.setAll(newestFirst);
        visitList.setAll(s.visits().items());
        updateVisits(s.visits().total());
    }

    private void updateVisits(int total) {
        moreVisits.set(visitList.size() < total);
        visitsTitle.set(I18n.get("care.visitsTab", total));
    }

    public void showMoreVisits() {
        if (!moreVisits.get()) {
            return;
        }
        int offset = visitList.size();
        long request = latest;
        UUID id = personId;
        tasks.run(p -> visits.history(id, offset, VISIT_PAGE), page -> {
            if (request == latest && visitList.size() == offset) {
                visitList.addAll(page.items());
                updateVisits(page.total());
            }
        }, e -> error.set(ErrorMessages.of(e)));
    }

    /** "人工调整为红色，到 2025-08-31 为止。原因：… （test 于 2025-06-02 09:00 设定）"; empty without one. */
    public static String overrideText(ColourOverride o) {
        if (o == null) {
            return "";
        }
        return ColourTexts.override(o);
    }

    // ----- how the lines read -----

    public static String when(Visit v) {
        return TIME.format(v.data().visitedAt());
    }

    public static String when(ColourChange c) {
        return TIME.format(c.changedAt());
    }

    public static String change(ColourChange c) {
        return c.from() == null ? I18n.get("care.firstColour", I18n.label(c.to()))
                : I18n.get("care.fromTo", I18n.label(c.from()), I18n.label(c.to()));
    }

    public static String needs(Visit v) {
        return v.data().needs().stream().map(I18n::label)
                .collect(Collectors.joining(I18n.get("people.listSeparator")));
    }

    /** This person's own part: urine test, risk level, insight, medication, consent. */
    public String part(Visit v) {
        VisitPerson p = v.partOf(personId).orElse(null);
        if (p == null) {
            return "";
        }
        List<String> bits = new ArrayList<>();
        if (p.urineResult() != null) {
            bits.add(I18n.get("care.part.urine", I18n.label(p.urineResult()),
                    p.urineDate() == null ? "" : DateText.format(p.urineDate())));
        }
        if (p.mentalRiskLevel() != null) {
            bits.add(I18n.get("care.part.level", p.mentalRiskLevel()));
        }
        if (p.insight() != null) {
            bits.add(I18n.label(p.insight()));
        }
        if (p.medication() != null) {
            bits.add(I18n.label(p.medication()));
        }
        if (p.consentOnFile() != null) {
            bits.add(I18n.get(p.consentOnFile() ? "care.part.consentYes" : "care.part.consentNo"));
        }
        if (p.symptoms() != null) {
            bits.add(p.symptoms());
        }
        return String.join(I18n.get("care.part.separator"), bits);
    }

    public String nextVisit(Visit v) {
        return v.partOf(personId).map(p -> DateText.format(p.nextVisitDate())).orElse("");
    }

    public static String othersPresent(Visit v) {
        String volunteers = v.data().volunteers();
        return volunteers == null ? v.data().staff() : v.data().staff() + I18n.get("people.listSeparator")
                + volunteers;
    }

    public UUID personId() {
        return personId;
    }

    public String name() {
        return name;
    }

    public boolean canRecord() {
        return canRecord;
    }

    public boolean canOverride() {
        return canOverride;
    }

    public ObservableList<Visit> visits() {
        return visitList;
    }

    public ObservableList<ColourChange> timeline() {
        return timeline;
    }

    public ReadOnlyBooleanProperty moreVisitsProperty() {
        return moreVisits.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RiskColour> colourProperty() {
        return colour.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty colourTextProperty() {
        return colourText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ColourOverride> overrideProperty() {
        return override.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty overrideTextProperty() {
        return overrideText.getReadOnlyProperty();
    }

    /** "走访记录（12）". */
    public ReadOnlyStringProperty visitsTitleProperty() {
        return visitsTitle.getReadOnlyProperty();
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty noticeProperty() {
        return notice;
    }
}
