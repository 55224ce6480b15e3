package org.caredesk.audit;

/**
 * Who is acting now: the user name an audit entry is written under. Services ask at the moment they write, so the
 * same service serves whoever is logged in at the time.
 */
@FunctionalInterface
public interface Actor {
    /** The name recorded for work the program does by itself, and for everything before login exists. */
    String SYSTEM_NAME = "system";

    Actor SYSTEM = () -> SYSTEM_NAME;

    String userName();
}
