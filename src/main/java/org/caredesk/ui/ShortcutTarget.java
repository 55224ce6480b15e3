package org.caredesk.ui;

/**
 * A screen that answers the shell's keyboard shortcuts (新建 Ctrl+N, 保存 Ctrl+S, 搜索 Ctrl+F). The shell sends each
 * shortcut to the screen on show; a screen ignores what it has no use for.
 */
public interface ShortcutTarget {
    default void onNew() {}

    default void onSave() {}

    default void onFind() {}
}
