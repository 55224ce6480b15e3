package org.caredesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.caredesk.app.AppContext;
import org.caredesk.app.DemoCommunity;
import org.caredesk.common.I18n;
import org.caredesk.settings.Community;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path dataDir;

    @Test
    void demo_createsTheDemoCommunityInAnEmptyFolder() {
        CliRun r = CliRun.run(dataDir, "demo");

        assertThat(r.exit()).isEqualTo(Cli.OK);
        try (AppContext ctx = AppContext.open(dataDir)) {
            Community c = ctx.settings().community().orElseThrow();
            assertThat(c.demo()).isTrue();
            assertThat(c.name()).isEqualTo(DemoCommunity.NAME);
            assertThat(r.out()).containsExactly(
                    I18n.get("cli.demo.done", c.name(), ctx.people().count(), dataDir.toString()));
        }
    }

    @Test
    void demo_refusesAFolderThatAlreadyHasData() {
        try (AppContext ctx = AppContext.open(dataDir)) {
            ctx.settings().createCommunity("锦华社区", false);
        }

        CliRun r = CliRun.run(dataDir, "demo");

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).hasSize(1);
        assertThat(r.err().get(0)).doesNotContain("Exception").doesNotStartWith("!");
        try (AppContext ctx = AppContext.open(dataDir)) {
            assertThat(ctx.settings().community().orElseThrow().name()).isEqualTo("锦华社区");
            assertThat(ctx.people().count()).isZero();
        }
    }

    @Test
    void demo_twice_refusesTheSecondTime() {
        assertThat(CliRun.run(dataDir, "demo").exit()).isEqualTo(Cli.OK);
        int before;
        try (AppContext ctx = AppContext.open(dataDir)) {
            before = ctx.people().count();
        }

        CliRun again = CliRun.run(dataDir, "demo");

        assertThat(again.exit()).isEqualTo(Cli.FAILED);
        assertThat(again.err()).hasSize(1);
        try (AppContext ctx = AppContext.open(dataDir)) {
            assertThat(ctx.people().count()).isEqualTo(before);
        }
    }
}
