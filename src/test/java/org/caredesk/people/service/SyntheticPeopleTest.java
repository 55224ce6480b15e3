package org.caredesk.people.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caredesk.app.AppContext;
import org.caredesk.common.IdNumber;
import org.caredesk.common.PhoneNumber;
import org.caredesk.common.Progress;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@OnBothDatabases
class SyntheticPeopleTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 14);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay(ZoneId.systemDefault()).toInstant(),
            ZoneId.systemDefault());

    private final AppContext ctx;

    SyntheticPeopleTest(TestDatabase database) {
        ctx = database.context(Path.of("target", "test-data"), CLOCK);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void everyGeneratedPerson_passesTheValidatorWithoutProblems() {
        for (PersonDraft d : new SyntheticPeople(11, 0, TODAY).next(5_000)) {
            PersonValidator.Result r = PersonValidator.check(d, TODAY);
            assertThat(r.problems()).as(d.toString()).isEmpty();
            // Already in normal form: what is generated is what gets stored and searched.
            assertThat(r.draft()).isEqualTo(d);
            assertThat(IdNumber.isValid(d.idNumber(), TODAY)).isTrue();
            assertThat(PhoneNumber.isValid(d.phone1())).isTrue();
        }
    }

    @Test
    void idNumbers_neverRepeat_overAHundredThousandPeople() {
        SyntheticPeople g = new SyntheticPeople(3, 0, TODAY);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(g.next().idNumber())).isTrue();
        }
    }

    @Test
    void idNumbers_ofDifferentCounterRanges_neverMeet_whateverTheSeeds() {
        Set<String> first = new HashSet<>();
        new SyntheticPeople(1, 0, TODAY).next(3_000).forEach(d -> first.add(d.idNumber()));
        for (PersonDraft d : new SyntheticPeople(2, 3_000, TODAY).next(3_000)) {
            assertThat(first).doesNotContain(d.idNumber());
        }
    }

    @Test
    void sameSeedAndStart_giveTheSamePeople() {
        assertThat(new SyntheticPeople(42, 17, TODAY).next(500))
                .isEqualTo(new SyntheticPeople(42, 17, TODAY).next(500));
        assertThat(new SyntheticPeople(42, 17, TODAY).next(50))
                .isNotEqualTo(new SyntheticPeople(43, 17, TODAY).next(50));
    }

    @Test
    void populations_areSpreadLikeTheExampleCommunity() {
        Map<Category, Integer> counts = new EnumMap<>(Category.class);
        int highRisk = 0;
        int mental = 0;
        List<PersonDraft> drafts = new SyntheticPeople(5, 0, TODAY).next(10_000);
        for (PersonDraft d : drafts) {
            for (Membership m : d.memberships()) {
                counts.merge(m.category(), 1, Integer::sum);
                if (m.category() == Category.MENTAL_DISORDER) {
                    mental++;
                    highRisk += m.mentalRiskLevel() >= 3 ? 1 : 0;
                }
            }
            if (d.categories().contains(Category.ELDERLY_ALONE)) {
                assertThat(IdNumber.parseBirth(d.idNumber()).orElseThrow()).isBefore(TODAY.minusYears(60));
            }
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrder(Category.values());
        // Weights 17:20:3:32 of DOMAIN.md's example, give or take sampling noise and second categories.
        assertThat(counts.get(Category.MENTAL_DISORDER)).isBetween(2_400, 3_400);
        assertThat(counts.get(Category.DRUG_USER)).isBetween(1_500, 2_300);
        assertThat(counts.get(Category.CORRECTION)).isBetween(150, 450);
        assertThat(highRisk / (double) mental).isBetween(0.55, 0.70);
        long several = drafts.stream().filter(d -> d.memberships().size() > 1).count();
        assertThat(several).isBetween(400L, 1_200L);
    }

    @Test
    void registerInto_registersEveryone_inChunks() {
        PersonService people = ctx.people();
        List<long[]> reports = new java.util.ArrayList<>();
        Progress progress = new Progress() {
            @Override
            public void update(long done, long total) {
                reports.add(new long[] {done, total});
            }

            @Override
            public void message(String text) {}

            @Override
            public boolean isCancelled() {
                return false;
            }
        };

        int added = new SyntheticPeople(9, 0, TODAY).registerInto(people, SyntheticPeople.CHUNK + 7, progress);

        assertThat(added).isEqualTo(SyntheticPeople.CHUNK + 7);
        assertThat(people.count()).isEqualTo(SyntheticPeople.CHUNK + 7);
        assertThat(reports).extracting(r -> r[0]).containsExactly(0L, (long) SyntheticPeople.CHUNK,
                SyntheticPeople.CHUNK + 7L);
        assertThat(people.search(PersonQuery.text("")).total()).isEqualTo(SyntheticPeople.CHUNK + 7);
    }

    @Test
    void registerInto_replacesAnIdNumberSomeoneAlreadyHolds() {
        PersonDraft first = new SyntheticPeople(9, 0, TODAY).next();
        PersonService people = ctx.people();
        people.register(PersonDraft.minimal("登记在先", first.idNumber(),
                List.of(Membership.of(Category.ELDERLY_ALONE))));

        int added = new SyntheticPeople(9, 0, TODAY).registerInto(people, 10, Progress.NONE);

        assertThat(added).isEqualTo(10);
        assertThat(people.count()).isEqualTo(11);
        assertThat(people.search(PersonQuery.text(first.idNumber())).items())
                .singleElement().satisfies(r -> assertThat(r.name()).isEqualTo("登记在先"));
    }

    @Test
    void registerInto_stopsBetweenChunksWhenCancelled() {
        Progress cancelled = new Progress() {
            @Override
            public void update(long done, long total) {}

            @Override
            public void message(String text) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThat(new SyntheticPeople(1, 0, TODAY).registerInto(ctx.people(), 10, cancelled)).isZero();
        assertThat(ctx.people().count()).isZero();
    }
}
