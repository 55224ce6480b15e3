package org.caredesk.risk;

import java.time.format.DateTimeFormatter;
import org.caredesk.common.I18n;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.common.IncidentType;

/** How the reason for a colour reads, in the current language: "精神障碍风险等级 4 级", "应急事件：伤害自身". */
public final class ColourTexts {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ColourTexts() {}

    public static String reason(ColourReason reason, String detail) {
        if (reason == null) {
            return "";
        }
        String key = "colourReason." + reason.name();
        String d = detail == null ? "" : detail;
        switch (reason) {
            case CORRECTION_LEVEL:
                return I18n.get(key, label(CorrectionLevel.class, d));
            case INCIDENT:
                return I18n.get(key, label(IncidentType.class, d));
            case DEFAULT:
                return I18n.get(key);
            case DETAILS_MISSING:
                // The field's label; the stored name itself when it is not one (edited by hand).
                return I18n.get(key, I18n.has("field." + d) ? new I18n.Key("field." + d) : d);
            default:
                return I18n.get(key, d);
        }
    }

    /** "人工调整为红色，到 2025-08-31 为止。原因：… （test 于 2025-06-02 09:00 设定）"; empty without one. */
    public static String override(ColourOverride o) {
        if (o == null) {
            return "";
        }
        return I18n.get("care.override", I18n.label(o.colour()),
                o.expiresOn() == null ? "" : DAY.format(o.expiresOn()), o.reason(), o.setBy(),
                TIME.format(o.updatedAt()));
    }

    public static String reason(ColourExplained c) {
        return reason(c.reason(), c.detail());
    }

    /** An enum constant's label from its stored name; the name itself when it is not one (edited by hand). */
    private static <E extends Enum<E>> String label(Class<E> type, String name) {
        try {
            return I18n.label(Enum.valueOf(type, name));
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
