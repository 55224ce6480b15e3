package org.caredesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.caredesk.common.I18n;
import org.caredesk.common.UserException;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonDraft;
import org.caredesk.settings.Community;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

@OnBothDatabases
class DemoCommunityTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;
    private AppContext ctx;

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        ctx = database.context(dir, Clock.systemDefaultZone());
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void create_makesTheDemoCommunityWithItsPeople() {
        Community c = DemoCommunity.create(ctx);

        assertThat(c.demo()).isTrue();
        assertThat(c.name()).isEqualTo(DemoCommunity.NAME);
        assertThat(ctx.settings().community()).map(Community::id).contains(c.id());
        assertThat(ctx.people().count()).isEqualTo(105);
        assertThat(ctx.people().countActiveByCategory()).containsEntry(Category.MENTAL_DISORDER, 32)
                .containsEntry(Category.RELEASED_PRISONER, 17);
    }

    @Test
    void create_refusesAFolderThatAlreadyHasACommunity() {
        ctx.settings().createCommunity("锦绣社区", false);

        assertThatThrownBy(() -> DemoCommunity.create(ctx)).isInstanceOfSatisfying(UserException.class, e -> {
            assertThat(e.key()).isEqualTo("demo.error.notEmpty");
            assertThat(e.localized()).isEqualTo("这个数据文件夹里已经有数据了，不能再放入演示社区。请另选一个空的数据文件夹。");
        });
        assertThat(ctx.people().count()).isZero();
    }

    @Test
    void create_refusesAFolderThatAlreadyHasPeople() {
        ctx.people().register(PersonDraft.minimal("赵六", "11010519491231002X",
                List.of(Membership.of(Category.ELDERLY_ALONE))));

        assertThatThrownBy(() -> DemoCommunity.create(ctx)).isInstanceOfSatisfying(UserException.class,
                e -> assertThat(e.key()).isEqualTo("demo.error.notEmpty"));
        assertThat(ctx.people().count()).isEqualTo(1);
        assertThat(ctx.settings().community()).isEmpty();
    }

    @Test
    void create_twice_refusesTheSecondTime() {
        DemoCommunity.create(ctx);

        assertThatThrownBy(() -> DemoCommunity.create(ctx)).isInstanceOf(UserException.class);
        assertThat(ctx.people().count()).isEqualTo(105);
    }
}
