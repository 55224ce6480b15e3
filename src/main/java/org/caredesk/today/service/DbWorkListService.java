package org.caredesk.today.service;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.caredesk.db.ConsistentRead;
import org.caredesk.people.Page;
import org.caredesk.people.PersonMissingDetails;
import org.caredesk.people.service.PeopleRules;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.caredesk.risk.ColourService;
import org.caredesk.today.ConsentItem;
import org.caredesk.today.DueItem;
import org.caredesk.incidents.OpenIncident;
import org.caredesk.today.TermItem;
import org.caredesk.today.TermKind;
import org.caredesk.today.WorkList;
import org.caredesk.today.WorkListCounts;
import org.caredesk.risk.WorkListFilter;
import org.caredesk.today.WorkListService;
import org.caredesk.today.data.WorkListRepository;
import org.caredesk.today.data.WorkListRepository.TermQuery;
import org.jooq.DSLContext;
import org.caredesk.risk.service.CareKeeper;
import org.caredesk.risk.service.DueRules;

/** The 今日工作 lists: the colours time has changed are brought up to date first, then each list is read. */
public final class DbWorkListService implements WorkListService {
    private final DSLContext dsl;
    private final WorkListRepository lists;
    private final CareKeeper keeper;
    private final ColourService colours;
    private final PeopleRules peopleRules;
    private final Session session;

    public DbWorkListService(DSLContext dsl, WorkListRepository lists, CareKeeper keeper, ColourService colours,
            PeopleRules peopleRules, Session session) {
        this.dsl = dsl;
        this.lists = lists;
        this.keeper = keeper;
        this.colours = colours;
        this.peopleRules = peopleRules;
        this.session = session;
    }

    @Override
    public WorkList today(WorkListFilter filter, int limit) {
        session.require(Permission.VISITS_READ);
        colours.reviewDue();
        LocalDate today = keeper.today();
        LocalDate weekEnd = DueRules.weekEnd(today);
        LocalDateTime lateBefore = lateBefore();
        // The lists and their counts are read at one moment, so a visit saved meanwhile is in all of them or none.
        return ConsistentRead.read(dsl, tx -> {
            Page<DueItem> overdue = lists.due(tx, filter, null, today.minusDays(1), 0, limit);
            Page<DueItem> week = lists.due(tx, filter, today, weekEnd, 0, limit);
            List<TermItem> terms = terms(tx, filter, today);
            Page<ConsentItem> consent = lists.missingConsent(tx, filter, 0, limit);
            Page<OpenIncident> incidents = lists.openIncidents(tx, filter, lateBefore, 0, limit);
            int late = lists.countLateIncidents(tx, filter, lateBefore);
            Page<PersonMissingDetails> missing = lists.missingDetails(tx, filter, 0, limit);
            WorkListCounts counts = new WorkListCounts(overdue.total(), week.total(), terms.size(), consent.total(),
                    incidents.total(), late, missing.total());
            return new WorkList(today, weekEnd, counts, overdue.items(), week.items(),
                    terms.subList(0, Math.min(limit, terms.size())), consent.items(), incidents.items(),
                    missing.items());
        });
    }

    @Override
    public Page<DueItem> overdue(WorkListFilter filter, int offset, int limit) {
        session.require(Permission.VISITS_READ);
        return lists.due(dsl, filter, null, keeper.today().minusDays(1), offset(offset), limit(limit));
    }

    @Override
    public Page<DueItem> dueThisWeek(WorkListFilter filter, int offset, int limit) {
        session.require(Permission.VISITS_READ);
        LocalDate today = keeper.today();
        return lists.due(dsl, filter, today, DueRules.weekEnd(today), offset(offset), limit(limit));
    }

    @Override
    public Page<TermItem> termsEnding(WorkListFilter filter, int offset, int limit) {
        session.require(Permission.VISITS_READ);
        List<TermItem> all = terms(dsl, filter, keeper.today());
        int from = Math.min(offset(offset), all.size());
        return new Page<>(all.subList(from, Math.min(all.size(), from + limit(limit))), from, all.size());
    }

    @Override
    public Page<ConsentItem> missingConsent(WorkListFilter filter, int offset, int limit) {
        session.require(Permission.VISITS_READ);
        return lists.missingConsent(dsl, filter, offset(offset), limit(limit));
    }

    @Override
    public Page<PersonMissingDetails> missingDetails(WorkListFilter filter, int offset, int limit) {
        session.require(Permission.VISITS_READ);
        return lists.missingDetails(dsl, filter, offset(offset), limit(limit));
    }

    @Override
    public Page<OpenIncident> openIncidents(WorkListFilter filter, int offset, int limit) {
        session.require(Permission.VISITS_READ);
        return lists.openIncidents(dsl, filter, lateBefore(), offset(offset), limit(limit));
    }

    private List<TermItem> terms(DSLContext dsl, WorkListFilter filter, LocalDate today) {
        DueRules rules = keeper.dueRules();
        DueRules.DateRange window = rules.warningWindow(today);
        DueRules.DateRange releases = rules.releasesEnding(today);
        DueRules.DateRange drugStarts = rules.drugStartsEnding(today);
        return lists.termsEnding(dsl, filter, List.of(
                new TermQuery(TermKind.CORRECTION_END, window.from(), window.to(), 0),
                new TermQuery(TermKind.RELEASE_HELP_END, releases.from(), releases.to(),
                        peopleRules.releasedFollowYears()),
                new TermQuery(TermKind.DRUG_PROGRAMME_END, drugStarts.from(), drugStarts.to(),
                        peopleRules.drugMaxYears())));
    }

    private LocalDateTime lateBefore() {
        return keeper.now().minusHours(keeper.settings().incidentHours());
    }

    private static int offset(int offset) {
        return Math.max(0, offset);
    }

    private static int limit(int limit) {
        return limit <= 0 ? 50 : limit;
    }
}
