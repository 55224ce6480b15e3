package org.caredesk.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caredesk.common.I18n;
import org.caredesk.common.IncidentType;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.Enums.CorrectionType;
import org.caredesk.people.Enums.DrugProgramme;
import org.caredesk.people.Enums.Medication;
import org.caredesk.visits.VisitType;

/**
 * Every figure of the monthly report, in the order the sheets show them (decision 0028 lists the same). Codes are
 * built from the Chinese names of the categories and types, so they stay the same whatever the language.
 */
public final class FigureCatalogue {
    /** The code part for "all categories" (合计). */
    public static final String ALL = "合计";
    public static final String VISIT_RATE = "走访完成率";
    public static final String CARE_RATE = "管理率";
    public static final String STANDARD_RATE = "规范管理率";

    private static final List<Figure> FIGURES;
    private static final Map<String, Figure> BY_CODE;

    static {
        List<Figure> f = new ArrayList<>();
        keyPopulations(f);
        visits(f);
        mental(f);
        correction(f);
        released(f);
        drugs(f);
        incidents(f);
        dataQuality(f);
        Map<String, Figure> byCode = new LinkedHashMap<>();
        for (Figure x : f) {
            if (byCode.put(x.code(), x) != null) {
                throw new IllegalStateException("figure code twice: " + x.code());
            }
        }
        FIGURES = Collections.unmodifiableList(f);
        BY_CODE = Collections.unmodifiableMap(byCode);
    }

    private FigureCatalogue() {}

    public static List<Figure> all() {
        return FIGURES;
    }

    public static List<Figure> of(Section section) {
        return FIGURES.stream().filter(x -> x.section() == section).toList();
    }

    public static Optional<Figure> find(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    public static Figure get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("no figure " + code));
    }

    // Codes of the figures that are a category's (or everyone's): 在册.严重精神障碍患者, 在册.合计.
    public static String registered(Category c) {
        return "在册." + part(c);
    }

    public static String added(Category c) {
        return "新增." + part(c);
    }

    public static String closed(Category c) {
        return "销册." + part(c);
    }

    public static String closedFor(CloseReason r) {
        return "销册." + ALL + "." + r.chinese();
    }

    public static String colour(Category c, RiskColour colour) {
        return registered(c) + "." + colourPart(colour);
    }

    public static String colourChanges(Category c) {
        return "变色." + part(c);
    }

    public static String visitsDone(VisitType t) {
        return "走访.已访." + t.chinese();
    }

    public static String medication(Medication m) {
        return "精神障碍.服药." + m.chinese();
    }

    public static String correctionType(CorrectionType t) {
        return "社区矫正." + t.chinese();
    }

    public static String correctionLevel(CorrectionLevel l) {
        return "社区矫正." + l.chinese();
    }

    public static String programme(DrugProgramme p) {
        return "吸毒." + p.chinese();
    }

    public static String incidents(IncidentType t) {
        return "应急处置." + t.chinese();
    }

    /** The categories a figure is given for, then null for everyone (合计). */
    public static List<Category> categoriesAndAll() {
        List<Category> cs = new ArrayList<>(List.of(Category.values()));
        cs.add(null);
        return cs;
    }

    private static String part(Category c) {
        return c == null ? ALL : c.chinese();
    }

    private static String colourPart(RiskColour colour) {
        return colour.chinese() + "色";
    }

    private static Object label(Category c) {
        return c == null ? new I18n.Key("report.fig.allCategories") : new I18n.Key(I18n.enumKey(c));
    }

    private static Object label(Enum<?> e) {
        return new I18n.Key(I18n.enumKey(e));
    }

    private static Figure count(String code, Section s, Unit u, String key, boolean stock, Object... args) {
        return new Figure(code, s, u, key, List.of(args), stock, null, null);
    }

    private static void keyPopulations(List<Figure> f) {
        Section s = Section.KEY_POPULATIONS;
        for (Category c : categoriesAndAll()) {
            f.add(count(registered(c), s, Unit.PERSONS, "registered", true, label(c)));
            f.add(count(added(c), s, Unit.PERSONS, "added", false, label(c)));
            f.add(count(closed(c), s, Unit.PERSONS, "closed", false, label(c)));
            for (RiskColour colour : List.of(RiskColour.RED, RiskColour.YELLOW, RiskColour.GREEN)) {
                f.add(count(colour(c, colour), s, Unit.PERSONS, "colour", true, label(c), label(colour)));
            }
            f.add(count(colourChanges(c), s, Unit.TIMES, "colourChanges", false, label(c)));
        }
        for (CloseReason r : CloseReason.values()) {
            f.add(count(closedFor(r), s, Unit.PERSONS, "closedFor", false, label(r)));
        }
    }

    private static void visits(List<Figure> f) {
        Section s = Section.VISITS;
        f.add(count("走访.应访", s, Unit.TIMES, "visitsDue", false));
        f.add(count("走访.按时", s, Unit.TIMES, "visitsOnTime", false));
        f.add(new Figure(VISIT_RATE, s, Unit.PERCENT, "visitRate", List.of(), false, "走访.按时", "走访.应访"));
        f.add(count("走访.已访", s, Unit.TIMES, "visitsDone", false));
        for (VisitType t : VisitType.values()) {
            f.add(count(visitsDone(t), s, Unit.TIMES, "visitsDoneByType", false, label(t)));
        }
        f.add(count("走访.逾期", s, Unit.PERSONS, "visitsOverdue", true));
    }

    private static void mental(List<Figure> f) {
        Section s = Section.MENTAL_DISORDERS;
        String registered = registered(Category.MENTAL_DISORDER);
        f.add(count("精神障碍.三级以上", s, Unit.PERSONS, "mentalRisk3", true));
        f.add(count("精神障碍.在管", s, Unit.PERSONS, "mentalInCare", true));
        f.add(new Figure(CARE_RATE, s, Unit.PERCENT, "careRate", List.of(), true, "精神障碍.在管", registered));
        f.add(count("精神障碍.规范管理", s, Unit.PERSONS, "mentalStandard", true));
        f.add(new Figure(STANDARD_RATE, s, Unit.PERCENT, "standardRate", List.of(), true, "精神障碍.规范管理",
                registered));
        f.add(count("精神障碍.知情同意", s, Unit.PERSONS, "mentalConsent", true));
        for (Medication m : Medication.values()) {
            f.add(count(medication(m), s, Unit.PERSONS, "mentalMedication", true, label(m)));
        }
    }

    private static void correction(List<Figure> f) {
        Section s = Section.CORRECTION;
        for (CorrectionType t : CorrectionType.values()) {
            f.add(count(correctionType(t), s, Unit.PERSONS, "correctionType", true, label(t)));
        }
        for (CorrectionLevel l : CorrectionLevel.values()) {
            f.add(count(correctionLevel(l), s, Unit.PERSONS, "correctionLevel", true, label(l)));
        }
        f.add(count("社区矫正.接收", s, Unit.PERSONS, "correctionReceived", false));
        f.add(count("社区矫正.解除", s, Unit.PERSONS, "correctionReleased", false));
    }

    private static void released(List<Figure> f) {
        Section s = Section.RELEASED_PRISONERS;
        f.add(count("安置帮教.帮教期内", s, Unit.PERSONS, "releasedInPeriod", true));
        f.add(count("安置帮教.释放", s, Unit.PERSONS, "releasedNew", false));
        f.add(count("安置帮教.帮教期满", s, Unit.PERSONS, "releasedEnding", false));
    }

    private static void drugs(List<Figure> f) {
        Section s = Section.DRUG_USERS;
        for (DrugProgramme p : DrugProgramme.values()) {
            f.add(count(programme(p), s, Unit.PERSONS, "drugProgramme", true, label(p)));
        }
        f.add(count("吸毒.期满", s, Unit.PERSONS, "drugEnding", false));
        f.add(count("尿检.应检", s, Unit.TIMES, "urineDue", false));
        f.add(count("尿检.已检", s, Unit.TIMES, "urineDone", false));
        f.add(count("尿检.阳性", s, Unit.TIMES, "urinePositive", false));
    }

    private static void incidents(List<Figure> f) {
        Section s = Section.INCIDENTS;
        for (IncidentType t : IncidentType.values()) {
            f.add(count(incidents(t), s, Unit.TIMES, "incidentsOfType", false, label(t)));
        }
        f.add(count("应急处置." + ALL, s, Unit.TIMES, "incidents", false));
        f.add(count("应急处置.24小时内办结", s, Unit.TIMES, "incidentsIn24h", false));
        f.add(count("应急处置.未办结", s, Unit.TIMES, "incidentsOpen", true));
    }

    private static void dataQuality(List<Figure> f) {
        Section s = Section.DATA_QUALITY;
        f.add(count("数据质量.无帮扶责任人", s, Unit.PERSONS, "noCaseworker", true));
        f.add(count("数据质量.未签知情同意", s, Unit.PERSONS, "noConsent", true));
        f.add(count("数据质量.资料待补", s, Unit.PERSONS, "detailsMissing", true));
    }
}
