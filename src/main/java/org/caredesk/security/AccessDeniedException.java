package org.caredesk.security;

import org.caredesk.common.I18n;
import org.caredesk.common.UserException;

/** A service call refused because the logged-in user's roles do not grant it. */
public class AccessDeniedException extends UserException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(Permission needed) {
        super("error.accessDenied", new I18n.Key("permission." + needed.name()));
    }

    public AccessDeniedException() {
        super("error.notLoggedIn");
    }
}
