package org.caredesk.cli;

import java.util.Arrays;
import org.caredesk.app.AppContext;
import org.caredesk.app.Login;
import org.caredesk.common.I18n;
import org.caredesk.common.UserException;
import org.caredesk.security.DataFolderKeys;
import org.caredesk.settings.Community;

/**
 * {@code demo --password PW}: sets up an empty data folder with the demo community, the administrator {@code admin}
 * and one account per role, all with that password. A folder with data is refused before anything is written.
 */
final class DemoCommand {
    private final Cli cli;

    DemoCommand(Cli cli) {
        this.cli = cli;
    }

    int run(Args args) {
        String given = args.option("--password");
        args.finish();
        if (cli.login().state(cli.dataDir()) != DataFolderKeys.State.NEW) {
            throw new UserException("demo.error.notEmpty");
        }
        char[] pw = given != null ? given.toCharArray()
                : cli.password(Cli.PASSWORD_ENV, I18n.get("cli.passwordPrompt", Login.DEMO_ADMIN));
        try (AppContext ctx = cli.login().setUp(cli.dataDir(), Login.CommunityChoice.demoCommunity(),
                Login.DEMO_ADMIN, I18n.get("cli.demo.adminName"), pw)) {
            Community c = ctx.settings().community().orElseThrow();
            cli.out().println(I18n.get("cli.demo.done", c.name(), ctx.people().count(), cli.dataDir().toString()));
            cli.out().println(I18n.get("cli.demo.accounts", Login.DEMO_ADMIN + ", " + String.join(", ",
                    Login.DEMO_ACCOUNTS.stream().map(Login.DemoAccount::userName).toList())));
        } finally {
            Arrays.fill(pw, '\0');
        }
        return Cli.OK;
    }
}
