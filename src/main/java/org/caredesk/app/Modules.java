package org.caredesk.app;

import java.util.List;

/** The features of the program, in the order the navigation shows them. The window and the command line use these. */
public final class Modules {
    private Modules() {}

    public static final List<FeatureModule> ALL = List.of(
            new PeopleModule(),
            new VisitsModule(),
            new BoardModule(),
            new ReportModule(),
            new UsersModule(),
            new AuditModule(),
            new BackupsModule(),
            new SettingsModule());
}
