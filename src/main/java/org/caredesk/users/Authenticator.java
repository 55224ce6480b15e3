package org.caredesk.users;

/**
 * Checks a user name and password and, when they are right, starts the session. The login window calls this off
 * the FX thread; the program's implementation may first have to open the encrypted database with the password.
 */
@FunctionalInterface
public interface Authenticator {
    /**
     * @throws org.caredesk.common.UserException with a sentence for the user when the login is refused (wrong name
     *                                           or password, account locked or deactivated)
     */
    LoginResult login(String userName, char[] password);
}
