package org.caredesk.cli;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.caredesk.app.AppContext;
import org.caredesk.app.UsersModule;
import org.caredesk.common.I18n;
import org.caredesk.security.Role;
import org.caredesk.users.User;

/**
 * {@code users add NAME --role ROLE... [--name DISPLAY]}: adds an account; the password comes from
 * {@code CAREDESK_NEW_PASSWORD} or the console, and the user must choose their own at the first login.
 */
final class UsersCommand {
    private final Cli cli;

    UsersCommand(Cli cli) {
        this.cli = cli;
    }

    int run(Args args) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value = args.option("--role"); value != null; value = args.option("--role")) {
            for (String part : value.split("[,，]")) {
                if (!part.isBlank()) {
                    roles.add(role(part.strip()));
                }
            }
        }
        String display = args.option("--name");
        String name = args.word("cli.what.userName");
        args.finish();
        if (roles.isEmpty()) {
            throw new UsageException("cli.users.roleRequired");
        }
        try (AppContext ctx = cli.open()) {
            char[] pw = cli.password(Cli.NEW_PASSWORD_ENV, I18n.get("cli.newPasswordPrompt", name));
            try {
                User added = UsersModule.users(ctx).addUser(UsersModule.session(ctx), name,
                        display == null ? name : display, roles, pw);
                cli.out().println(I18n.get("cli.users.added", added.userName(), String.join("、",
                        added.roles().stream().sorted().map(I18n::label).toList())));
            } finally {
                Arrays.fill(pw, '\0');
            }
        }
        return Cli.OK;
    }

    /** A role by its constant (FRONT_DESK, front-desk) or its Chinese name (前台). */
    static Role role(String text) {
        String constant = text.toUpperCase(Locale.ROOT).replace('-', '_');
        for (Role r : Role.values()) {
            if (r.name().equals(constant) || r.chinese().equals(text)
                    || r.name().replace("_", "").equals(constant.replace("_", ""))) {
                return r;
            }
        }
        throw new UsageException("cli.users.unknownRole", text,
                String.join(", ", Arrays.stream(Role.values()).map(Role::name).toList()));
    }
}
