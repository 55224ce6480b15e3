package org.caredesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.caredesk.app.Version;
import org.caredesk.common.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dataDir;

    @Test
    void help_printsUsageAndExitsZero() {
        for (String flag : new String[] {"--help", "-h", "help"}) {
            CliRun r = CliRun.run(dataDir, flag);
            assertThat(r.exit()).isEqualTo(Cli.OK);
            assertThat(r.outText()).isEqualTo(I18n.get("cli.help") + "\n" + I18n.get("cli.help.safety") + "\n"
                    + I18n.get("cli.help.options") + "\n" + I18n.get("cli.help.login") + "\n"
                    + I18n.get("cli.help.visits") + "\n" + I18n.get("cli.help.report"))
                    .contains("bench search", "bench dashboard", "--visits", "--dry-run", "--all", "--seed", "--user",
                            "CAREDESK_PASSWORD", "users add", "audit verify", "audit export", "report monthly",
                            "--totals-only", "report codes");
            assertThat(r.err()).isEmpty();
        }
    }

    @Test
    void noArguments_printsUsage() {
        CliRun r = CliRun.run(dataDir);
        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(r.outText()).startsWith(I18n.get("cli.help"));
    }

    @Test
    void version_printsProgramVersion() {
        CliRun r = CliRun.run(dataDir, "--version");
        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(r.out()).containsExactly("CareDesk " + Version.current());
    }

    @Test
    void unknownCommand_isUsageErrorWithHint() {
        CliRun r = CliRun.run(dataDir, "frobnicate");
        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).containsExactly(I18n.get("cli.unknownCommand", "frobnicate"));
    }

    @Test
    void generateWithoutPeople_isUsageErrorAndTouchesNothing() {
        CliRun r = CliRun.admin(dataDir, "generate");
        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).containsExactly(I18n.get("cli.optionRequired", "generate", "--people"),
                I18n.get("cli.hint"));
        assertThat(dataDir.resolve("db")).doesNotExist();
    }

    @Test
    void generateWithBadNumber_isUsageError() {
        CliRun r = CliRun.admin(dataDir, "generate", "--people", "many");
        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.err().get(0)).isEqualTo(I18n.get("cli.notANumber", "--people", "many"));

        r = CliRun.admin(dataDir, "generate", "--people=0");
        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.err().get(0)).isEqualTo(I18n.get("cli.outOfRange", "--people", "1",
                String.valueOf(GenerateCommand.MAX_PEOPLE), "0"));

        r = CliRun.admin(dataDir, "generate", "--people");
        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.err().get(0)).isEqualTo(I18n.get("cli.optionNeedsValue", "--people"));
    }

    @Test
    void extraArgument_isUsageError() {
        CliRun r = CliRun.run(dataDir, "demo", "now");
        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.err().get(0)).isEqualTo(I18n.get("cli.unexpectedArgument", "now", "demo"));
        assertThat(dataDir.resolve("db")).doesNotExist();
    }

    @Test
    void benchWithoutWhat_isUsageError() {
        CliRun r = CliRun.run(dataDir, "bench");
        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.err().get(0)).isEqualTo(I18n.get("cli.missingArgument", "bench",
                new I18n.Key("cli.what.subject.bench")));

        r = CliRun.run(dataDir, "bench", "speed");
        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.err().get(0)).isEqualTo(I18n.get("cli.unknownSubject", "bench", "speed",
                "search | dashboard | import | report"));
    }

    @Test
    void englishOutput_whenLocaleIsEnglish() {
        try {
            I18n.setLocale(I18n.ENGLISH);
            CliRun r = CliRun.admin(dataDir, "generate");
            assertThat(r.err().get(0)).startsWith("The command generate needs --people");
        } finally {
            I18n.setLocale(I18n.CHINESE);
        }
    }

    @Test
    void generateIntoFolderWithoutCommunity_isRefusedWithoutCreatingADatabase() {
        CliRun r = CliRun.admin(dataDir, "generate", "--people", "10");
        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).containsExactly(I18n.get("cli.noCommunity", dataDir.toString()));
        assertThat(Files.exists(dataDir.resolve("db"))).isFalse();
    }
}
