package org.caredesk.risk;

/**
 * Narrows the work list and the board to one responsible staff member and/or one building; null means any.
 */
public record WorkListFilter(String responsibleStaff, String building) {
    public static final WorkListFilter ALL = new WorkListFilter(null, null);

    public WorkListFilter {
        responsibleStaff = blankToNull(responsibleStaff);
        building = blankToNull(building);
    }

    public static WorkListFilter staff(String name) {
        return new WorkListFilter(name, null);
    }

    public static WorkListFilter building(String building) {
        return new WorkListFilter(null, building);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
