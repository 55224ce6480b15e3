package org.caredesk.ui;

import java.util.function.Supplier;

/**
 * One area in the navigation bar. The view is built the first time it is shown.
 *
 * @param id         stable id for tests (the nav button gets {@code nav-<id>})
 * @param titleKey   i18n key of the label
 * @param view       builds the area's root node
 * @param controller the area's controller after building, for shortcuts (may be null)
 */
public record NavEntry(String id, String titleKey, Supplier<ViewLoader.Loaded<?>> view) {}
