package org.caredesk.settings;

/** What a user can change on the settings page. */
public record AppSettings(Language language, FontSize fontSize) {
    public static final AppSettings DEFAULTS = new AppSettings(Language.CHINESE, FontSize.NORMAL);

    public enum Language { CHINESE, ENGLISH }

    /** Base font size in pixels; "large" is for older staff and projectors. */
    public enum FontSize {
        NORMAL(14), LARGE(17);

        private final int points;

        FontSize(int points) {
            this.points = points;
        }

        public int points() {
            return points;
        }
    }
}
