package org.caredesk.common;

/** How long work (import, export, generation) reports progress and learns that the user cancelled it. */
public interface Progress {
    void update(long done, long total);

    void message(String text);

    boolean isCancelled();

    /** Progress that ignores reports and is never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total) {}

        @Override
        public void message(String text) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
