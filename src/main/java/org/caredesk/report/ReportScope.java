package org.caredesk.report;

import org.caredesk.common.I18n;
import org.caredesk.common.Text;
import org.caredesk.common.UserException;

/**
 * Whom a report covers: the whole community, one building or one caseworker's people. The building and the
 * caseworker are a person's current ones: the program keeps no history of either.
 *
 * @param building      only people of this building, or null
 * @param responsible   only people this caseworker (帮扶责任人) looks after, or null
 */
public record ReportScope(String building, String responsible) {
    public static final ReportScope ALL = new ReportScope(null, null);

    public static ReportScope building(String building) {
        return new ReportScope(Text.clean(building), null);
    }

    public static ReportScope staff(String staff) {
        return new ReportScope(null, Text.clean(staff));
    }

    /** What a reader sees: 全社区, 楼栋：7栋, 帮扶责任人：周敏 (the workbook, the screen, the command line). */
    public String label() {
        if (building != null) {
            return I18n.get("report.scope.building", building);
        }
        if (responsible != null) {
            return I18n.get("report.scope.staff", responsible);
        }
        return I18n.get("report.scope.all");
    }

    public boolean isAll() {
        return building == null && responsible == null;
    }

    /**
     * Reads {@code building:7栋} or {@code staff:周敏} as the command line takes it.
     *
     * @throws UserException naming the text when it is neither
     */
    public static ReportScope parse(String text) {
        String s = Text.clean(text);
        if (s != null) {
            int colon = s.indexOf(':');
            String kind = colon < 0 ? "" : s.substring(0, colon);
            String value = colon < 0 ? null : Text.clean(s.substring(colon + 1));
            if (value != null && "building".equals(kind)) {
                return building(value);
            }
            if (value != null && "staff".equals(kind)) {
                return staff(value);
            }
        }
        throw new UserException("report.error.scope", text == null ? "" : text);
    }
}
