package org.caredesk.risk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.caredesk.people.Person;
import org.caredesk.risk.data.CareRepository;
import org.caredesk.visits.VisitsFixture;
import org.caredesk.visits.service.VisitServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keeper writes the category bits that people/CategoryBitsTest pins: what is in {@code person_schedule} must be
 * readable with the bits listed there, whatever the enum looks like later.
 */
class StoredCategoryBitsTest {
    @TempDir
    Path dir;
    private VisitsFixture f;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void registering_storesOneBitPerCategory_atItsPinnedPosition() {
        f = new VisitsFixture(dir);
        Person p = f.register("张三", VisitServiceTest.drugUser(f.today().minusMonths(2)), VisitsFixture.elderly());

        int drugUser = 1 << 1;
        int elderlyAlone = 1 << 4;
        assertThat(CareKeeper.categories(p)).isEqualTo(drugUser | elderlyAlone);
        assertThat(new CareRepository().schedule(f.ctx.database().dsl(), p.id()).orElseThrow().categories())
                .isEqualTo(drugUser | elderlyAlone);
    }
}
