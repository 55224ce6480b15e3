package org.caredesk.visits;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.caredesk.app.AppContext;
import org.caredesk.app.MutableClock;
import org.caredesk.common.IdNumber;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;

/**
 * A fresh in-memory program whose clock stands at Monday 2 June 2025, 09:00 Beijing time until a test moves it,
 * with helpers to register people. The session holds every role but the auditor's; the actor is "caseworker".
 */
public final class VisitsFixture implements AutoCloseable {
    public final MutableClock clock = MutableClock.morning();
    public final AppContext ctx;
    private int sequence;

    public VisitsFixture(Path dir) {
        this(dir, TestDatabase.H2);
    }

    /** On a fresh database of the given kind: the service tests run on H2 and PostgreSQL. */
    public VisitsFixture(Path dir, TestDatabase database) {
        ctx = database.context(dir, clock);
        ctx.actAs(() -> "caseworker");
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    public void advance(Duration d) {
        clock.advance(d);
    }

    public void advanceDays(long days) {
        clock.advance(Duration.ofDays(days));
    }

    /** A valid resident ID number, different at each call. */
    public String nextId() {
        String first17 = "110105" + "19800101" + String.format("%03d", ++sequence);
        return first17 + IdNumber.checkChar(first17);
    }

    public Person register(String name, Membership... memberships) {
        return ctx.people().register(PersonDraft.minimal(name, nextId(), List.of(memberships)));
    }

    /** Registered with a building and a responsible staff member. */
    public Person register(String name, String building, String staff, Membership... memberships) {
        PersonDraft d = PersonDraft.minimal(name, nextId(), List.of(memberships));
        PersonDraft withPlace = new PersonDraft(d.name(), d.idType(), d.idNumber(), d.ethnicity(), d.phone1(),
                d.phone2(), d.estate(), building, d.unit(), d.room(), d.householdAddress(), d.livingSituation(),
                d.emergencyName(), d.emergencyRelation(), d.emergencyPhone(), staff, d.note(), d.memberships());
        return ctx.people().register(withPlace);
    }

    public static Membership elderly() {
        return Membership.of(Category.ELDERLY_ALONE);
    }

    /** A visit now (or at {@code at}) for one person with the given part. */
    public VisitDraft visit(LocalDateTime at, VisitPerson... parts) {
        return new VisitDraft(at, VisitType.HOME, "李建华", null, List.of(parts), Set.of(Need.EMPLOYMENT),
                "情况稳定", "送去慰问品", "下次了解就业情况");
    }

    public Visit visitNow(Person p) {
        return ctx.visits().save(visit(now(), VisitPerson.of(p.id())));
    }

    @Override
    public void close() {
        ctx.close();
    }
}
