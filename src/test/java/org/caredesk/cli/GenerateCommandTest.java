package org.caredesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.people.PersonQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path dataDir;

    @Test
    void generate_addsPeopleToTheDemoCommunity_andRunsAgainWithoutCollisions() {
        assertThat(CliRun.run(dataDir, "demo").exit()).isEqualTo(Cli.OK);
        int demo = count();

        CliRun first = CliRun.run(dataDir, "generate", "--people", "300");
        // The same seed again: the IDs still must not collide, because the counter starts at the registry size.
        CliRun second = CliRun.run(dataDir, "generate", "--people=200");

        assertThat(first.exit()).isEqualTo(Cli.OK);
        assertThat(second.exit()).isEqualTo(Cli.OK);
        assertThat(count()).isEqualTo(demo + 500);
        assertThat(first.out()).hasSize(1);
        assertSentence(first.out().get(0), 300, demo + 300);
        assertSentence(second.out().get(0), 200, demo + 500);
        assertThat(first.err()).last().isEqualTo(I18n.get("cli.progress", "300", "300"));
        try (AppContext ctx = AppContext.open(dataDir)) {
            assertThat(ctx.people().search(PersonQuery.all()).total()).isEqualTo(demo + 500);
        }
    }

    @Test
    void generate_refusesARealCommunity() {
        try (AppContext ctx = AppContext.open(dataDir)) {
            ctx.settings().createCommunity("锦华社区", false);
        }

        CliRun r = CliRun.run(dataDir, "generate", "--people", "10");

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).containsExactly(I18n.get("cli.generate.notDemo", "锦华社区"));
        assertThat(count()).isZero();
    }

    @Test
    void generate_withSeed_isRepeatable() {
        Path other = dataDir.resolve("other");
        for (Path dir : new Path[] {dataDir.resolve("one"), other}) {
            assertThat(CliRun.run(dir, "demo").exit()).isEqualTo(Cli.OK);
            assertThat(CliRun.run(dir, "generate", "--people", "20", "--seed", "7").exit()).isEqualTo(Cli.OK);
        }
        assertThat(names(dataDir.resolve("one"))).isEqualTo(names(other)).hasSizeGreaterThanOrEqualTo(20);
    }

    /** The done sentence with any number of seconds in it. */
    private static void assertSentence(String line, int added, int total) {
        String[] around = I18n.get("cli.generate.done", added, "\u0000", total).split("\u0000");
        assertThat(line).startsWith(around[0]).endsWith(around[1]);
        assertThat(line.substring(around[0].length(), line.length() - around[1].length())).matches("\\d+\\.\\d");
    }

    private int count() {
        try (AppContext ctx = AppContext.open(dataDir)) {
            return ctx.people().count();
        }
    }

    private static java.util.List<String> names(Path dir) {
        try (AppContext ctx = AppContext.open(dir)) {
            return ctx.people().search(PersonQuery.all().withPage(0, 10_000)).items().stream()
                    .map(r -> r.name() + r.maskedIdNumber()).toList();
        }
    }
}
