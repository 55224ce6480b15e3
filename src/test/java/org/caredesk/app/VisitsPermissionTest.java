package org.caredesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.caredesk.common.RiskColour;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.security.AccessDeniedException;
import org.caredesk.security.Permission;
import org.caredesk.security.PermissionMatrix;
import org.caredesk.security.Role;
import org.caredesk.security.UserIdentity;
import org.caredesk.risk.AssessmentDraft;
import org.caredesk.incidents.IncidentDraft;
import org.caredesk.common.IncidentType;
import org.caredesk.risk.RiskSettings;
import org.caredesk.visits.VisitDraft;
import org.caredesk.visits.VisitPerson;
import org.caredesk.visits.VisitType;
import org.caredesk.risk.WorkListFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each role against each call of the visits area: refused exactly when the role lacks the call's permission. */
@OnBothDatabases
class VisitsPermissionTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;
    private AppContext ctx;
    private final Map<String, Call> calls = new LinkedHashMap<>();

    private record Call(Permission needs, Runnable run) {}

    @BeforeEach
    void open() {
        MutableClock clock = MutableClock.morning();
        ctx = database.context(dir.resolve("data"), clock);
        Person p = ctx.people().register(PersonDraft.minimal("张桂兰", "11010519491231002X",
                List.of(Membership.of(Category.ELDERLY_ALONE))));
        UUID id = p.id();
        LocalDate today = LocalDate.now(clock);
        VisitDraft visit = new VisitDraft(ctx.clock().instant().atZone(clock.getZone()).toLocalDateTime(),
                VisitType.PHONE, "李建华", null, List.of(VisitPerson.of(id)), Set.of(), null, null, null);
        IncidentDraft incident = new IncidentDraft(id, visit.visitedAt(), IncidentType.OTHER, null, "处理", Set.of(),
                null);
        UUID nobody = UUID.randomUUID();

        calls.put("visits.newDraft", new Call(Permission.VISITS_WRITE, () -> ctx.visits().newDraft(List.of(id))));
        calls.put("visits.subject", new Call(Permission.VISITS_READ, () -> ctx.visits().subject(id)));
        calls.put("visits.propose", new Call(Permission.VISITS_READ,
                () -> ctx.visits().propose(id, today, VisitPerson.of(id))));
        calls.put("visits.save", new Call(Permission.VISITS_WRITE, () -> ctx.visits().save(visit)));
        calls.put("visits.find", new Call(Permission.VISITS_READ, () -> ctx.visits().find(nobody)));
        calls.put("visits.history", new Call(Permission.VISITS_READ, () -> ctx.visits().history(id, 0, 10)));
        calls.put("assessments.save", new Call(Permission.VISITS_WRITE,
                () -> ctx.assessments().save(new AssessmentDraft(id, today, Map.of(), null))));
        calls.put("assessments.history", new Call(Permission.VISITS_READ, () -> ctx.assessments().history(id)));
        calls.put("assessments.latest", new Call(Permission.VISITS_READ, () -> ctx.assessments().latest(id)));
        calls.put("colours.current", new Call(Permission.VISITS_READ, () -> ctx.colours().current(id)));
        calls.put("colours.timeline", new Call(Permission.VISITS_READ, () -> ctx.colours().timeline(id)));
        calls.put("colours.activeOverride", new Call(Permission.VISITS_READ, () -> ctx.colours().activeOverride(id)));
        calls.put("colours.setOverride", new Call(Permission.COLOUR_OVERRIDE,
                () -> ctx.colours().setOverride(id, RiskColour.YELLOW, "观察", null)));
        calls.put("colours.renewOverride", new Call(Permission.COLOUR_OVERRIDE,
                () -> ctx.colours().renewOverride(id, null)));
        calls.put("colours.clearOverride", new Call(Permission.COLOUR_OVERRIDE,
                () -> ctx.colours().clearOverride(id)));
        calls.put("colours.reviewDue", new Call(Permission.VISITS_READ, () -> ctx.colours().reviewDue()));
        calls.put("incidents.record", new Call(Permission.INCIDENTS_WRITE, () -> ctx.incidents().record(incident)));
        calls.put("incidents.update", new Call(Permission.INCIDENTS_WRITE,
                () -> ctx.incidents().update(nobody, incident, 0)));
        calls.put("incidents.close", new Call(Permission.INCIDENTS_WRITE,
                () -> ctx.incidents().close(nobody, "结果", 0)));
        calls.put("incidents.find", new Call(Permission.VISITS_READ, () -> ctx.incidents().find(nobody)));
        calls.put("incidents.forPerson", new Call(Permission.VISITS_READ, () -> ctx.incidents().forPerson(id)));
        calls.put("incidents.open", new Call(Permission.VISITS_READ, () -> ctx.incidents().open(0, 10)));
        calls.put("workList.today", new Call(Permission.VISITS_READ,
                () -> ctx.workList().today(WorkListFilter.ALL, 10)));
        calls.put("workList.overdue", new Call(Permission.VISITS_READ,
                () -> ctx.workList().overdue(WorkListFilter.ALL, 0, 10)));
        calls.put("workList.dueThisWeek", new Call(Permission.VISITS_READ,
                () -> ctx.workList().dueThisWeek(WorkListFilter.ALL, 0, 10)));
        calls.put("workList.termsEnding", new Call(Permission.VISITS_READ,
                () -> ctx.workList().termsEnding(WorkListFilter.ALL, 0, 10)));
        calls.put("workList.missingConsent", new Call(Permission.VISITS_READ,
                () -> ctx.workList().missingConsent(WorkListFilter.ALL, 0, 10)));
        calls.put("workList.missingDetails", new Call(Permission.VISITS_READ,
                () -> ctx.workList().missingDetails(WorkListFilter.ALL, 0, 10)));
        calls.put("workList.openIncidents", new Call(Permission.VISITS_READ,
                () -> ctx.workList().openIncidents(WorkListFilter.ALL, 0, 10)));
        calls.put("board.colourCounts", new Call(Permission.VISITS_READ,
                () -> ctx.board().colourCounts(WorkListFilter.ALL)));
        calls.put("board.visitsPerMonth", new Call(Permission.VISITS_READ,
                () -> ctx.board().visitsPerMonth(WorkListFilter.ALL, 12)));
        calls.put("board.redPeople", new Call(Permission.VISITS_READ,
                () -> ctx.board().redPeople(WorkListFilter.ALL, 0, 10)));
        calls.put("board.people", new Call(Permission.VISITS_READ,
                () -> ctx.board().people(WorkListFilter.ALL, null, null, 0, 10)));
        calls.put("board.visitsIn", new Call(Permission.VISITS_READ,
                () -> ctx.board().visitsIn(YearMonth.from(today), WorkListFilter.ALL, 0, 10)));
        calls.put("board.responsibleStaff", new Call(Permission.VISITS_READ, () -> ctx.board().responsibleStaff()));
        calls.put("board.buildings", new Call(Permission.VISITS_READ, () -> ctx.board().buildings()));
        calls.put("riskSettings.save", new Call(Permission.SETTINGS_MANAGE,
                () -> ctx.riskSettings().save(RiskSettings.DEFAULTS)));
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachCall_isAllowedExactlyWhenTheRoleHasItsPermission(Role role) {
        ctx.session().login(new UserIdentity(UUID.randomUUID(), "u", "u", Set.of(role)), ctx.clock().instant());

        List<String> wrong = new ArrayList<>();
        calls.forEach((name, call) -> {
            boolean allowed = PermissionMatrix.allows(role, call.needs());
            if (deniedFor(call.run()) == allowed) {
                wrong.add(name + (allowed ? " was refused" : " was allowed"));
            }
        });

        assertThat(wrong).as(role.name()).isEmpty();
    }

    @Test
    void withNobodyLoggedIn_everyCallIsRefused() {
        ctx.session().logout();

        calls.forEach((name, call) -> assertThat(deniedFor(call.run())).as(name).isTrue());
    }

    private static boolean deniedFor(Runnable call) {
        try {
            call.run();
            return false;
        } catch (AccessDeniedException e) {
            return true;
        } catch (RuntimeException e) {
            // Let through, then refused by the call's own rules.
            return false;
        }
    }
}
