package org.caredesk.app;

import java.util.List;
import org.caredesk.ui.NavEntry;

/**
 * One feature's wiring, in one place: the services it builds (for the window and the command line alike), the views
 * it registers and its entries in the navigation. A new feature is one class implementing this and one line in
 * {@link Modules#ALL}. Constructor injection by hand, no framework (docs/decisions/0023).
 */
public interface FeatureModule {

    /**
     * Gives the recipe of each service of this feature: {@code ctx.provide(Type.class, () -> new ...)}. A recipe
     * asks the context for what it needs ({@code ctx.service(Other.class)}), whichever module provides it; every
     * recipe runs once, when the context opens.
     */
    void build(AppContext ctx);

    /** Work once every service exists, before anyone uses them (a backfill of derived rows, a setting applied). */
    default void start(AppContext ctx) {
    }

    /**
     * Registers how this feature's views are made, and the pieces of the window that other features' views may use
     * ({@code screens.provide(Type.class, () -> ...)}).
     */
    default void registerViews(Screens screens) {
    }

    /** Adds this feature's areas to the navigation, for a user whose roles grant them. */
    default void addNavigation(Screens screens, List<NavEntry> entries) {
    }
}
