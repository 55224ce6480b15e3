package org.caredesk.report.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.caredesk.common.I18n;
import org.caredesk.report.DetailRow;
import org.caredesk.report.Figure;
import org.caredesk.report.FigureCatalogue;
import org.caredesk.report.MonthlyReport;
import org.caredesk.report.Period;
import org.caredesk.report.ReportScope;
import org.caredesk.report.Section;
import org.caredesk.report.service.ReportService;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.TaskRunner;

/**
 * The report screen (统计报表): the director chooses a month and a scope, the figures are computed off the FX thread
 * (with the month before, for the change column), shown section by section, opened to the rows behind any count,
 * and saved as the workbook. Every figure is the service's: this model only chooses and formats.
 */
public final class ReportViewModel {
    /** How far back the month list reaches: two years of reports. */
    static final int MONTHS_BACK = 24;

    /** A scope as the choice box shows it. */
    public record ScopeChoice(ReportScope scope, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * The rows behind one figure and period, with the title that says which. For a rate, {@code parts} says of each
     * row whether it counts in the numerator too; empty for a count.
     */
    public record Detail(String title, List<DetailRow> rows, List<String> parts) {}

    private final ReportService service;
    private final TaskRunner tasks;
    private final Supplier<List<String>> buildings;
    private final Supplier<List<String>> staff;

    private final ObservableList<YearMonth> months = FXCollections.observableArrayList();
    private final ObjectProperty<YearMonth> month = new SimpleObjectProperty<>();
    private final ObservableList<ScopeChoice> scopes = FXCollections.observableArrayList();
    private final ObjectProperty<ScopeChoice> scope = new SimpleObjectProperty<>();
    private final ObservableList<Section> sections = FXCollections.observableArrayList(Section.values());
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.KEY_POPULATIONS);
    private final ObservableList<ReportLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<MonthlyReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private MonthlyReport before;
    /** Only the newest computation shows: a slower earlier one must not overwrite it. */
    private int request;

    public ReportViewModel(ReportService service, TaskRunner tasks, Clock clock, Supplier<List<String>> buildings,
            Supplier<List<String>> staff) {
        this.service = service;
        this.tasks = tasks;
        this.buildings = buildings;
        this.staff = staff;
        YearMonth now = YearMonth.now(clock);
        for (int i = 0; i <= MONTHS_BACK; i++) {
            months.add(now.minusMonths(i));
        }
        // The report is made in the first days of the next month: last month is the usual choice.
        month.set(now.minusMonths(1));
        ScopeChoice all = new ScopeChoice(ReportScope.ALL, ReportScope.ALL.label());
        scopes.add(all);
        scope.set(all);
        section.addListener((o, a, b) -> fillLines());
    }

    /** Reads the buildings and caseworkers the scope list offers. */
    public void loadScopes() {
        tasks.run(p -> {
            List<ScopeChoice> choices = new ArrayList<>();
            buildings.get().forEach(b -> choices.add(choice(ReportScope.building(b))));
            staff.get().forEach(s -> choices.add(choice(ReportScope.staff(s))));
            return choices;
        }, choices -> scopes.addAll(choices), e -> error.set(ErrorMessages.of(e)));
    }

    private static ScopeChoice choice(ReportScope s) {
        return new ScopeChoice(s, s.label());
    }

    /** Computes the chosen month and the month before it, in one background task. */
    public void compute() {
        YearMonth m = month.get();
        ScopeChoice s = scope.get();
        if (m == null || s == null) {
            return;
        }
        int mine = ++request;
        busy.set(true);
        error.set("");
        notice.set(I18n.get("report.screen.computing", label(m)));
        tasks.run(p -> new MonthlyReport[] {service.compute(m, s.scope()), service.compute(m.minusMonths(1),
                s.scope())}, pair -> {
                    if (mine != request) {
                        return;
                    }
                    busy.set(false);
                    before = pair[1];
                    report.set(pair[0]);
                    fillLines();
                    notice.set(I18n.get("report.screen.computed", label(m), s.label(),
                            pair[0].asOf().toString()));
                }, e -> {
                    if (mine != request) {
                        return;
                    }
                    busy.set(false);
                    notice.set("");
                    error.set(ErrorMessages.of(e));
                });
    }

    private void fillLines() {
        MonthlyReport r = report.get();
        if (r == null) {
            lines.clear();
            return;
        }
        List<ReportLine> shown = new ArrayList<>();
        for (Figure f : FigureCatalogue.of(section.get())) {
            shown.add(new ReportLine(f, ReportTexts.value(r, f, Period.MONTH),
                    ReportTexts.value(r, f, Period.YEAR_TO_DATE), ReportTexts.change(r, before, f)));
        }
        lines.setAll(shown);
    }

    /**
     * The rows behind a figure for a period; none for a stock's year column. A count lists what it counted; a rate
     * lists its denominator's rows, each marked whether its numerator counts it too (the same record in both lists).
     */
    public Optional<Detail> detail(ReportLine line, Period period) {
        MonthlyReport r = report.get();
        Figure f = line.figure();
        if (r == null || !f.has(period)) {
            return Optional.empty();
        }
        String when = I18n.get(period == Period.MONTH ? "report.col.month" : "report.col.year");
        String where = r.scope().label();
        if (!f.isRate()) {
            String title = I18n.get("report.screen.detailTitle", line.name(), when, label(r.month()), where,
                    String.valueOf(r.count(f.code(), period)));
            return Optional.of(new Detail(title, r.rows(f.code(), period), List.of()));
        }
        List<DetailRow> below = r.rows(f.denominator(), period);
        Set<DetailRow> above = new HashSet<>(r.rows(f.numerator(), period));
        List<String> parts = below.stream().map(row -> I18n.get(above.contains(row) ? "report.screen.numerator"
                : "report.screen.denominatorOnly")).toList();
        String title = I18n.get("report.screen.rateTitle", line.name(), when, label(r.month()), where,
                String.valueOf(r.count(f.numerator(), period)), String.valueOf(below.size()));
        return Optional.of(new Detail(title, below, parts));
    }

    /** Writes the computed report to {@code file}; {@code totalsOnly} leaves the detail sheets out. */
    public void export(Path file, boolean totalsOnly) {
        MonthlyReport r = report.get();
        if (r == null || busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        notice.set(I18n.get("report.screen.saving"));
        tasks.run(p -> service.export(r, file, totalsOnly), name -> {
            busy.set(false);
            notice.set(I18n.get("report.screen.saved", name));
        }, e -> {
            busy.set(false);
            notice.set("");
            error.set(ErrorMessages.of(e));
        });
    }

    /** The file name offered when saving: 2026年11月统计月报.xlsx. */
    public String suggestedFileName() {
        MonthlyReport r = report.get();
        YearMonth m = r == null ? month.get() : r.month();
        return I18n.get("report.screen.fileName", String.valueOf(m.getYear()), String.valueOf(m.getMonthValue()));
    }

    static String label(YearMonth m) {
        return I18n.get("report.screen.month", String.valueOf(m.getYear()), String.valueOf(m.getMonthValue()));
    }

    public ObservableList<YearMonth> months() {
        return months;
    }

    public ObjectProperty<YearMonth> monthProperty() {
        return month;
    }

    public ObservableList<ScopeChoice> scopes() {
        return scopes;
    }

    public ObjectProperty<ScopeChoice> scopeProperty() {
        return scope;
    }

    public ObservableList<Section> sections() {
        return sections;
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public ObservableList<ReportLine> lines() {
        return lines;
    }

    public ReadOnlyObjectProperty<MonthlyReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
