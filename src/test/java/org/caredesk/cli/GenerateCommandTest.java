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
        assertThat(CliRun.demo(dataDir).exit()).isEqualTo(Cli.OK);
        int demo = count();

        CliRun first = CliRun.admin(dataDir, "generate", "--people", "300", "--visits", "0");
        // The same seed again: the IDs still must not collide, because the counter starts at the registry size.
        CliRun second = CliRun.admin(dataDir, "generate", "--people=200", "--visits=0");

        assertThat(first.exit()).isEqualTo(Cli.OK);
        assertThat(second.exit()).isEqualTo(Cli.OK);
        assertThat(count()).isEqualTo(demo + 500);
        assertThat(first.out()).hasSize(1);
        assertSentence(first.out().get(0), 300, demo + 300);
        assertSentence(second.out().get(0), 200, demo + 500);
        assertThat(first.err()).last().isEqualTo(I18n.get("cli.progress", "300", "300"));
        try (AppContext ctx = CliRun.open(dataDir)) {
            assertThat(ctx.people().search(PersonQuery.all()).total()).isEqualTo(demo + 500);
        }
    }

    @Test
    void generate_alsoAddsAbout20VisitsPerNewPerson_overTwoYears_withOneAuditEntry() {
        assertThat(CliRun.demo(dataDir).exit()).isEqualTo(Cli.OK);
        int demoVisits;
        try (AppContext ctx = CliRun.open(dataDir)) {
            demoVisits = visits(ctx);
        }

        CliRun r = CliRun.admin(dataDir, "generate", "--people", "50");

        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(r.out()).hasSize(2);
        try (AppContext ctx = CliRun.open(dataDir)) {
            int added = visits(ctx) - demoVisits;
            assertThat(added).isBetween(50 * 15, 50 * 25);
            assertThat(r.out().get(1)).startsWith(I18n.get("cli.generate.visitsDone", added, "\u0000")
                    .split("\u0000")[0]);
            // Everyone generated has a last visit and a next one due; the demo's people kept their own history.
            assertThat(ctx.workList().overdue(org.caredesk.risk.WorkListFilter.ALL, 0, 1).total())
                    .isLessThan(ctx.people().count() / 2);
        }
    }

    private static int visits(AppContext ctx) {
        return ctx.database().dsl().fetchCount(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("VISIT")));
    }

    @Test
    void generate_refusesARealCommunity() {
        CliRun.setUp(dataDir, "锦华社区");

        CliRun r = CliRun.admin(dataDir, "generate", "--people", "10");

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).containsExactly(I18n.get("cli.generate.notDemo", "锦华社区"));
        assertThat(count()).isZero();
    }

    @Test
    void generate_withSeed_isRepeatable() {
        Path other = dataDir.resolve("other");
        for (Path dir : new Path[] {dataDir.resolve("one"), other}) {
            assertThat(CliRun.demo(dir).exit()).isEqualTo(Cli.OK);
            assertThat(CliRun.admin(dir, "generate", "--people", "20", "--seed", "7").exit()).isEqualTo(Cli.OK);
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
        try (AppContext ctx = CliRun.open(dataDir)) {
            return ctx.people().count();
        }
    }

    private static java.util.List<String> names(Path dir) {
        try (AppContext ctx = CliRun.open(dir)) {
            return ctx.people().search(PersonQuery.all().withPage(0, 10_000)).items().stream()
                    .map(r -> r.name() + r.maskedIdNumber()).toList();
        }
    }
}
