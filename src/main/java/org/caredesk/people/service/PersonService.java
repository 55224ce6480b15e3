package org.caredesk.people.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.caredesk.audit.Actor;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditDetail;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.audit.AuditOutcome;
import org.caredesk.audit.FieldChange;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.I18n;
import org.caredesk.common.Ids;
import org.caredesk.common.Pinyin;
import org.caredesk.common.Problem;
import org.caredesk.common.Progress;
import org.caredesk.common.RiskColour;
import org.caredesk.common.Text;
import org.caredesk.common.UserException;
import org.caredesk.common.ValidationException;
import org.caredesk.db.BulkWriteGuard;
import org.caredesk.db.BulkWriteJournal;
import org.caredesk.db.BulkWriteKind;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Enums.IdType;
import org.caredesk.people.Enums.PersonStatus;
import org.caredesk.people.Page;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonField;
import org.caredesk.people.PersonNumbers;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.PersonRow;
import org.caredesk.people.UnmaskedRow;
import org.caredesk.people.data.PersonRepository;
import org.caredesk.people.data.PersonRepository.SearchKeys;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's rules and transactions: register, edit, close, search. Every write re-checks the same rules the
 * form shows, so a caller that skipped the form (importer, command line) cannot store a bad record, and every
 * write is recorded in the audit log in its own transaction, with the fields it changed.
 */
public final class PersonService {
    private static final Logger LOG = LoggerFactory.getLogger(PersonService.class);
    /** The actions that change a file: its change history. */
    public static final Set<AuditAction> CHANGE_ACTIONS = Set.of(AuditAction.PERSON_CREATED,
            AuditAction.PERSON_UPDATED, AuditAction.PERSON_CLOSED);

    /**
     * People per transaction of a bulk write. H2 2.5.252 stores the pages of an open transaction once its unsaved
     * changes pass the store's auto-commit memory (19 MB, not settable through the URL). A person with categories,
     * search row, schedule, colour and audit entries dirties about 23 KB of pages, more as the indexes grow
     * (measured: 500 people 11-13 MB, 200 people 4.7-6.1 MB), so 200 keep a wide margin (docs/decisions/0017).
     */
    public static final int BULK_BATCH = 200;

    /** How many ID numbers one owner query asks for: a bind value each, well inside every driver's limit. */
    public static final int CHECK_BATCH = 500;

    /** Longest reason for an export with full numbers; a sentence or two, not a document. */
    public static final int MAX_EXPORT_REASON = 200;
    /** Field name of the reason's problems, for the export dialog. */
    public static final String EXPORT_REASON_FIELD = "exportReason";

    private final DSLContext dsl;
    private final PersonRepository repository;
    private final Clock clock;
    private final PeopleRules rules;
    private final AuditLog audit;
    private final Actor actor;
    private final Session session;
    private final PersonListener listener;
    private final BulkWriteGuard guard;
    private final BulkWriteJournal journal = new BulkWriteJournal();

    /** Records its writes under the {@link Actor#SYSTEM system} name, in the same database. */
    public PersonService(DSLContext dsl, PersonRepository repository, Clock clock, PeopleRules rules,
            Session session) {
        this(dsl, repository, clock, rules, new AuditLog(dsl, new AuditRepository(), clock, session), Actor.SYSTEM,
                session);
    }

    /**
     * @param audit   where every write is recorded, in the write's transaction
     * @param actor   who is acting, asked at each write
     * @param session whose permissions every call checks first
     */
    public PersonService(DSLContext dsl, PersonRepository repository, Clock clock, PeopleRules rules,
            AuditLog audit, Actor actor, Session session) {
        this(dsl, repository, clock, rules, audit, actor, session, PersonListener.NONE);
    }

    /** @param listener told of every registration, edit and closing inside its transaction */
    public PersonService(DSLContext dsl, PersonRepository repository, Clock clock, PeopleRules rules,
            AuditLog audit, Actor actor, Session session, PersonListener listener) {
        this(dsl, repository, clock, rules, audit, actor, session, listener, BulkWriteGuard.NONE);
    }

    /** @param guard takes the safety copy before each bulk write (docs/decisions/0017) */
    public PersonService(DSLContext dsl, PersonRepository repository, Clock clock, PeopleRules rules,
            AuditLog audit, Actor actor, Session session, PersonListener listener, BulkWriteGuard guard) {
        this.guard = guard;
        this.listener = listener;
        this.dsl = dsl;
        this.repository = repository;
        this.clock = clock;
        this.rules = rules;
        this.audit = audit;
        this.actor = actor;
        this.session = session;
    }

    /**
     * Checks that the logged-in user may do something with the registry: the importer and exporter ask before
     * they read a file or write one.
     */
    public void require(Permission permission) {
        session.require(permission);
    }

    /** Whether the logged-in user may do something: for screens that offer an action only to those who may. */
    public boolean may(Permission permission) {
        return session.has(permission);
    }

    public PeopleRules rules() {
        return rules;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** All problems with a draft, including an ID number already registered to someone else. */
    public PersonValidator.Result check(PersonDraft draft, UUID self) {
        session.require(Permission.PEOPLE_WRITE);
        return dsl.transactionResult(cfg -> check(cfg.dsl(), draft, self));
    }

    /**
     * Many new people's drafts checked as {@link #check(PersonDraft, UUID)} checks one, in one transaction with one
     * read of the ID owners per {@link #CHECK_BATCH} drafts: a roster of 200,000 rows is otherwise 200,000 queries.
     */
    public List<PersonValidator.Result> checkAll(List<PersonDraft> drafts) {
        session.require(Permission.PEOPLE_WRITE);
        return dsl.transactionResult(cfg -> checkAll(cfg.dsl(), drafts));
    }

    private List<PersonValidator.Result> checkAll(DSLContext tx, List<PersonDraft> drafts) {
        LocalDate today = today();
        List<PersonValidator.Result> results = new ArrayList<>(drafts.size());
        for (int from = 0; from < drafts.size(); from += CHECK_BATCH) {
            List<PersonValidator.Result> part = new ArrayList<>(CHECK_BATCH);
            Map<IdType, List<String>> numbers = new EnumMap<>(IdType.class);
            for (PersonDraft d : drafts.subList(from, Math.min(drafts.size(), from + CHECK_BATCH))) {
                PersonValidator.Result r = PersonValidator.check(d, today);
                part.add(r);
                if (ownerMatters(r)) {
                    numbers.computeIfAbsent(r.draft().idType(), t -> new ArrayList<>()).add(r.draft().idNumber());
                }
            }
            Map<String, PersonRepository.Owner> owners = repository.findIdOwners(tx, numbers);
            for (PersonValidator.Result r : part) {
                results.add(ownerMatters(r) ? withOwner(r,
                        owners.get(PersonRepository.idKey(r.draft().idType(), r.draft().idNumber())), null) : r);
            }
        }
        return results;
    }

    private PersonValidator.Result check(DSLContext tx, PersonDraft draft, UUID self) {
        PersonValidator.Result r = PersonValidator.check(draft, today());
        if (!ownerMatters(r)) {
            return r;
        }
        return withOwner(r, repository.findIdOwner(tx, r.draft().idType(), r.draft().idNumber()).orElse(null), self);
    }

    /** Whether the ID number is well-formed enough that another holder of it is worth looking up. */
    private static boolean ownerMatters(PersonValidator.Result r) {
        return !r.draft().idNumber().isEmpty() && r.problems().stream()
                .noneMatch(p -> p.field().equals(PersonField.ID_NUMBER.name()) && !p.warning());
    }

    /** The result with a duplicate problem added when the number belongs to someone other than {@code self}. */
    private static PersonValidator.Result withOwner(PersonValidator.Result r, PersonRepository.Owner owner,
            UUID self) {
        if (owner == null || owner.id().equals(self)) {
            return r;
        }
        List<Problem> problems = new ArrayList<>(r.problems());
        problems.add(duplicate(r.draft().idNumber(), owner.name(), owner.status()));
        return new PersonValidator.Result(r.draft(), r.birthDate(), r.sex(), List.copyOf(problems));
    }

    public static Problem duplicate(String idNumber, String ownerName, PersonStatus status) {
        return Problem.error(PersonField.ID_NUMBER.name(),
                status == PersonStatus.CLOSED ? "problem.idNumber.duplicateClosed" : "problem.idNumber.duplicate",
                idNumber, ownerName);
    }

    public Person register(PersonDraft draft) {
        session.require(Permission.PEOPLE_WRITE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            PersonValidator.Result r = check(tx, draft, null);
            if (r.hasErrors()) {
                throw new ValidationException(r.errors());
            }
            Person p = newPerson(r);
            repository.insert(tx, p, keys(p));
            listener.registered(tx, List.of(p));
            audit.append(tx, event(AuditAction.PERSON_CREATED, p, PersonDiff.created(p)));
            return p;
        });
    }

    /**
     * Registers many people: all or nothing. Duplicates within the list and with people already registered are
     * refused like any other problem; the exception lists them by position (0-based).
     */
    public List<Person> registerAll(List<PersonDraft> drafts) {
        return registerAll(drafts, null);
    }

    /**
     * As {@link #registerAll(List)}; the audit log records an import from {@code source} (a file name; null when
     * unknown) and each new file's creation.
     */
    public List<Person> registerAll(List<PersonDraft> drafts, String source) {
        return registerAll(drafts, source, Progress.NONE);
    }

    /**
     * Registers an import as one bulk write (docs/decisions/0017): every draft is checked first and nothing is
     * written if one is refused; then the safety copy is taken and the people are written in transactions of
     * {@link #BULK_BATCH}, small enough that H2 never stores an open transaction's pages, each tagged with the
     * write; a last small transaction marks the write done and records the import. A failure or a cancel on the
     * way takes back what was written; a killed program has it taken back at the next start
     * ({@link #undoInterruptedWrites}).
     *
     * @param progress told after each transaction; a cancel is honoured between transactions
     * @throws ValidationException when a draft is refused; nothing was written
     * @throws CancellationException when cancelled; nothing stays written
     */
    public List<Person> registerAll(List<PersonDraft> drafts, String source, Progress progress) {
        return registerAll(drafts, source, progress, BulkWriteKind.IMPORT);
    }

    /**
     * As {@link #registerAll(List, String, Progress)}, as a write of the given kind: {@link BulkWriteKind#DEMO} for
     * the demo roster, whose people are thereby marked fictitious for good.
     */
    public List<Person> registerAll(List<PersonDraft> drafts, String source, Progress progress, BulkWriteKind kind) {
        session.require(Permission.PEOPLE_WRITE);
        List<Person> people = validated(drafts);
        BulkWrite write = beginBulkWrite(kind, source, people.size());
        try {
            write(write, people, progress);
            finishBulkWrite(write, importSummary(source, people.size()));
        } catch (RuntimeException | Error e) {
            abandonBulkWrite(write, e);
            throw e;
        }
        return people;
    }

    /** The audit entry of an import of {@code count} people from {@code source} (null: unknown), by the actor. */
    public AuditEvent importSummary(String source, int count) {
        String n = String.valueOf(count);
        return AuditEvent.success(actor.userName(), AuditAction.IMPORT, AuditObjectType.ROSTER, null, source,
                source == null ? AuditDetail.message("audit.detail.importCount", n)
                        : AuditDetail.message("audit.detail.import", source, n));
    }

    /**
     * Starts a bulk write: takes the safety copy of the database and sets the marker ({@link BulkWriteGuard}), then
     * commits the journal row that says the write is running. People go in with {@link #registerInto}; the write
     * ends with {@link #finishBulkWrite} or, on failure, {@link #abandonBulkWrite}.
     *
     * @param source the file a roster came from, or a short description, for the audit log and the sentence shown
     *     when the write was interrupted
     */
    public BulkWrite beginBulkWrite(BulkWriteKind kind, String source, int plannedRows) {
        session.require(Permission.PEOPLE_WRITE);
        BulkWriteGuard.Running running = guard.begin(kind, source, plannedRows);
        BulkWriteJournal.Entry entry = new BulkWriteJournal.Entry(Ids.newId(), kind, source, plannedRows,
                actor.userName(), LocalDateTime.now(clock));
        try {
            dsl.transaction(cfg -> journal.start(cfg.dsl(), entry));
        } catch (RuntimeException e) {
            running.finish();
            throw e;
        }
        return new BulkWrite(entry, running);
    }

    /**
     * Checks the drafts (all or nothing, as {@link #registerAll(List)}) and registers them into a running bulk
     * write, in transactions of {@link #BULK_BATCH}.
     */
    public List<Person> registerInto(BulkWrite write, List<PersonDraft> drafts, Progress progress) {
        session.require(Permission.PEOPLE_WRITE);
        List<Person> people = validated(drafts);
        write(write, people, progress);
        return people;
    }

    /** Marks the write done in one small transaction with its summary in the audit log (null: none). */
    public void finishBulkWrite(BulkWrite write, AuditEvent summary) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            journal.finish(tx, write.entry().id(), LocalDateTime.now(clock));
            if (summary != null) {
                audit.append(tx, summary);
            }
        });
        write.running().finish();
    }

    /**
     * Takes back what a failed or cancelled write wrote, at once. If that fails too, the journal still says the
     * write is running and the next start takes it back.
     */
    public void abandonBulkWrite(BulkWrite write, Throwable why) {
        try {
            undo(write.entry());
            write.running().finish();
        } catch (RuntimeException | Error e) {
            why.addSuppressed(e);
            LOG.error("Could not take back the bulk write {}; the next start will", write.entry().id(), e);
        }
    }

    /**
     * Takes back every bulk write that did not end (the program was killed or the power went): its people are
     * deleted in bounded transactions, with everything other areas kept for them, and the audit log gets one entry
     * saying so; the log's own entries stay, since it is append-only. Runs at start, as the system, before anyone
     * works with the data. A cut at any moment leaves the journal row running, so the next start goes on.
     *
     * @return the writes taken back, oldest first
     */
    public List<BulkWriteJournal.Entry> undoInterruptedWrites() {
        List<BulkWriteJournal.Entry> open = journal.unfinished(dsl);
        for (BulkWriteJournal.Entry e : open) {
            undo(e);
        }
        return open;
    }

    private void undo(BulkWriteJournal.Entry e) {
        int removed = 0;
        for (;;) {
            int n = dsl.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                List<UUID> ids = repository.peopleOfBulkWrite(tx, e.id(), BULK_BATCH);
                if (!ids.isEmpty()) {
                    listener.removing(tx, ids);
                    repository.deletePeople(tx, ids);
                }
                return ids.size();
            });
            if (n == 0) {
                break;
            }
            removed += n;
        }
        AuditAction action = switch (e.kind()) {
            case GENERATE -> AuditAction.DATA_GENERATED;
            case RESTORE -> AuditAction.RESTORE;
            default -> AuditAction.IMPORT;
        };
        AuditEvent event = new AuditEvent(Actor.SYSTEM_NAME, action, AuditObjectType.ROSTER, e.id().toString(),
                e.source(), AuditDetail.message("audit.detail.bulkWriteUndone." + e.kind().name(),
                        e.source() == null ? "" : e.source(), String.valueOf(e.plannedRows()),
                        e.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ')),
                AuditOutcome.FAILURE);
        dsl.transaction(cfg -> {
            journal.undone(cfg.dsl(), e.id(), LocalDateTime.now(clock));
            audit.append(cfg.dsl(), event);
        });
        LOG.warn("Took back the interrupted bulk write {} ({} {}, started {}): {} people removed", e.id(), e.kind(),
                e.source(), e.startedAt(), removed);
    }

    /** Every draft checked, with duplicates inside the list, in one read; nothing is written. */
    private List<Person> validated(List<PersonDraft> drafts) {
        return dsl.transactionResult(cfg -> {
            List<PersonValidator.Result> results = checkAll(cfg.dsl(), drafts);
            List<Problem> problems = new ArrayList<>();
            List<Person> people = new ArrayList<>(drafts.size());
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < results.size(); i++) {
                PersonValidator.Result r = results.get(i);
                Integer first = seen.putIfAbsent(PersonRepository.idKey(r.draft().idType(), r.draft().idNumber()), i);
                if (first != null && !r.draft().idNumber().isEmpty()) {
                    problems.add(Problem.error(PersonField.ID_NUMBER.name(), "problem.idNumber.duplicateInBatch",
                            r.draft().idNumber(), String.valueOf(first + 1), String.valueOf(i + 1)));
                }
                problems.addAll(r.errors());
                if (!r.hasErrors()) {
                    people.add(newPerson(r));
                }
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            return people;
        });
    }

    /** The people in transactions of {@link #BULK_BATCH}, each with their audit entries and tagged with the write. */
    private void write(BulkWrite write, List<Person> people, Progress progress) {
        int total = people.size();
        for (int from = 0; from < total; from += BULK_BATCH) {
            if (progress.isCancelled()) {
                throw new CancellationException("bulk write cancelled");
            }
            List<Person> part = people.subList(from, Math.min(total, from + BULK_BATCH));
            List<SearchKeys> keys = new ArrayList<>(part.size());
            List<AuditEvent> events = new ArrayList<>(part.size());
            for (Person p : part) {
                keys.add(keys(p));
                events.add(event(AuditAction.PERSON_CREATED, p, PersonDiff.created(p)));
            }
            dsl.transaction(cfg -> {
                DSLContext tx = cfg.dsl();
                repository.insertAll(tx, part, keys, write.entry().id());
                listener.registered(tx, part);
                audit.appendAll(tx, events);
            });
            progress.update(from + part.size(), total);
        }
    }

    /**
     * Saves an edited file. A number that comes back exactly as {@link #view} showed it masked keeps its stored
     * value, so a user who may not see the full numbers can edit everything else (docs/decisions/0011).
     */
    public Person update(UUID id, PersonDraft draft, int expectedVersion) {
        session.require(Permission.PEOPLE_WRITE);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Person old = repository.findById(tx, id).orElseThrow(() -> new UserException("error.personNotFound"));
            PersonDraft typed = PersonNumbers.keepUnchanged(PersonNumbers.of(draft), PersonNumbers.of(old.data()))
                    .applyTo(draft);
            PersonValidator.Result r = check(tx, typed, id);
            if (r.hasErrors()) {
                throw new ValidationException(r.errors());
            }
            LocalDateTime now = LocalDateTime.now(clock);
            Person p = new Person(id, r.draft(), r.birthDate(), r.sex(),
                    ColourRules.defaultColour(r.draft().memberships()), old.status(), old.closeReason(),
                    old.closeDate(), old.closeNote(), expectedVersion + 1, old.createdAt(), now);
            if (!repository.update(tx, p, keys(p), expectedVersion)) {
                throw new UserException("error.personChangedMeanwhile", old.name());
            }
            p = withColour(p, listener.changed(tx, old, p));
            audit.append(tx, event(AuditAction.PERSON_UPDATED, p, PersonDiff.between(old, p)));
            return p;
        });
    }

    /** Closes a file (销册). The record stays; nobody deletes a person. */
    public Person close(UUID id, CloseReason reason, LocalDate date, String note, int expectedVersion) {
        session.require(Permission.PEOPLE_CLOSE);
        List<Problem> problems = new ArrayList<>();
        if (reason == null) {
            problems.add(Problem.error("closeReason", "problem.required", new I18n.Key("field.closeReason")));
        }
        if (date == null) {
            problems.add(Problem.error("closeDate", "problem.required", new I18n.Key("field.closeDate")));
        } else if (date.isAfter(today())) {
            problems.add(Problem.error("closeDate", "problem.future", new I18n.Key("field.closeDate")));
        }
        String cleanNote = Text.clean(note);
        if (reason == CloseReason.OTHER && cleanNote == null) {
            problems.add(Problem.error("closeNote", "problem.closeNote.requiredForOther"));
        }
        if (cleanNote != null && cleanNote.length() > 500) {
            problems.add(Problem.error("closeNote", "problem.tooLong", new I18n.Key("field.closeNote"), "500"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Person old = repository.findById(tx, id).orElseThrow(() -> new UserException("error.personNotFound"));
            if (old.isClosed()) {
                throw new UserException("error.personAlreadyClosed", old.name());
            }
            Person p = new Person(id, old.data(), old.birthDate(), old.sex(), old.colour(), PersonStatus.CLOSED,
                    reason, date, cleanNote, expectedVersion + 1, old.createdAt(), LocalDateTime.now(clock));
            if (!repository.update(tx, p, keys(p), expectedVersion)) {
                throw new UserException("error.personChangedMeanwhile", old.name());
            }
            p = withColour(p, listener.changed(tx, old, p));
            audit.append(tx, event(AuditAction.PERSON_CLOSED, p, PersonDiff.between(old, p)));
            return p;
        });
    }

    /**
     * Records that the people list (masked) was written to a file. A file leaves the program's protection, so the
     * log says who took which rows where.
     */
    public void recordExport(String fileName, int rows) {
        session.require(Permission.PEOPLE_EXPORT);
        audit.record(AuditEvent.success(actor.userName(), AuditAction.EXPORT, AuditObjectType.ROSTER, null, fileName,
                AuditDetail.message("audit.detail.export", fileName, String.valueOf(rows))));
    }

    /**
     * Records that the people list was written to a file with full numbers, and why. Needs
     * {@link Permission#PEOPLE_EXPORT_FULL} and a reason ({@link #checkExportReason}).
     */
    public void recordFullExport(String fileName, int rows, String reason) {
        session.require(Permission.PEOPLE_EXPORT_FULL);
        String why = checkExportReason(reason);
        audit.record(AuditEvent.success(actor.userName(), AuditAction.EXPORT, AuditObjectType.ROSTER, null, fileName,
                AuditDetail.message("audit.detail.exportFull", fileName, String.valueOf(rows), why)));
    }

    /** The problems with a reason for exporting full numbers: none, missing, or too long. */
    public static List<Problem> exportReasonProblems(String reason) {
        String why = Text.clean(reason);
        if (why == null) {
            return List.of(Problem.error(EXPORT_REASON_FIELD, "problem.exportReason.required"));
        }
        if (why.length() > MAX_EXPORT_REASON) {
            return List.of(Problem.error(EXPORT_REASON_FIELD, "problem.tooLong",
                    new I18n.Key("field.exportReason"), String.valueOf(MAX_EXPORT_REASON)));
        }
        return List.of();
    }

    /**
     * The reason, stripped.
     *
     * @throws ValidationException when it is blank or too long
     */
    public static String checkExportReason(String reason) {
        List<Problem> problems = exportReasonProblems(reason);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return Text.clean(reason);
    }

    /** Reads a file without recording it: for the program's own use, not to show it to someone. */
    public Optional<Person> find(UUID id) {
        session.require(Permission.PEOPLE_READ);
        return repository.findById(dsl, id);
    }

    /**
     * Reads a file to show it to the user (the form, the 销册 dialog), recording in the audit log who looked. The
     * ID, phone and certificate numbers come masked, as in the list; {@link #revealNumbers} gives them in full.
     */
    public Optional<Person> view(UUID id) {
        session.require(Permission.PEOPLE_READ);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Optional<Person> found = repository.findById(tx, id);
            found.ifPresent(p -> audit.append(tx, AuditEvent.success(actor.userName(), AuditAction.PERSON_VIEWED,
                    AuditObjectType.PERSON, p.id().toString(), p.name(), null)));
            return found.map(Person::withNumbersMasked);
        });
    }

    /**
     * One person's full numbers, for a user with {@link Permission#PEOPLE_REVEAL}. The audit entry
     * ({@link AuditAction#NUMBERS_REVEALED}, the person as object) is written in the same transaction as the read,
     * so nobody sees a number that the log does not show they saw.
     */
    public PersonNumbers revealNumbers(UUID id) {
        session.require(Permission.PEOPLE_REVEAL);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Person p = repository.findById(tx, id).orElseThrow(() -> new UserException("error.personNotFound"));
            audit.append(tx, AuditEvent.success(actor.userName(), AuditAction.NUMBERS_REVEALED,
                    AuditObjectType.PERSON, p.id().toString(), p.name(),
                    AuditDetail.message("audit.detail.numbersRevealed")));
            return PersonNumbers.of(p.data());
        });
    }

    /** The file's change history: its creation, edits and 销册, newest first, each with the fields it changed. */
    public List<AuditEntry> personHistory(UUID id) {
        session.require(Permission.PEOPLE_READ);
        return audit.history(AuditObjectType.PERSON, id.toString(), CHANGE_ACTIONS);
    }

    public Page<PersonRow> search(PersonQuery query) {
        session.require(Permission.PEOPLE_READ);
        return repository.search(dsl, query, SearchText.needle(query.text()));
    }

    /** How many of the people matching the query the demo or {@code generate} invented. */
    public int countFictitious(PersonQuery query) {
        session.require(Permission.PEOPLE_READ);
        return repository.countFictitious(dsl, query, SearchText.needle(query.text()));
    }

    public void forEachRow(PersonQuery query, Consumer<PersonRow> consumer) {
        session.require(Permission.PEOPLE_READ);
        repository.forEachRow(dsl, query, SearchText.needle(query.text()), consumer);
    }

    /**
     * Every matching row with its full ID number and first phone, for an export with full numbers: needs
     * {@link Permission#PEOPLE_EXPORT_FULL}; the exporter records the export with its reason.
     */
    public void forEachUnmaskedRow(PersonQuery query, Consumer<UnmaskedRow> consumer) {
        session.require(Permission.PEOPLE_EXPORT_FULL);
        repository.forEachUnmaskedRow(dsl, query, SearchText.needle(query.text()), consumer);
    }

    public List<String> buildings() {
        session.require(Permission.PEOPLE_READ);
        return repository.buildings(dsl);
    }

    public int count() {
        session.require(Permission.PEOPLE_READ);
        return repository.count(dsl);
    }

    public Map<Category, Integer> countActiveByCategory() {
        session.require(Permission.PEOPLE_READ);
        return repository.countActiveByCategory(dsl);
    }

    private Person newPerson(PersonValidator.Result r) {
        LocalDateTime now = LocalDateTime.now(clock);
        return new Person(Ids.newId(), r.draft(), r.birthDate(), r.sex(),
                ColourRules.defaultColour(r.draft().memberships()), PersonStatus.ACTIVE, null, null, null, 0, now, now);
    }

    private static Person withColour(Person p, RiskColour colour) {
        return colour == p.colour() ? p : new Person(p.id(), p.data(), p.birthDate(), p.sex(), colour, p.status(),
                p.closeReason(), p.closeDate(), p.closeNote(), p.version(), p.createdAt(), p.updatedAt());
    }

    private AuditEvent event(AuditAction action, Person p, List<FieldChange> changes) {
        return AuditEvent.success(actor.userName(), action, AuditObjectType.PERSON, p.id().toString(), p.name(),
                AuditDetail.changes(changes));
    }

    static SearchKeys keys(Person p) {
        Pinyin.Spellings s = Pinyin.of(p.name());
        String haystack = SearchText.haystack(p.name(), s, p.data().idNumber(), p.data().phone1(), p.data().phone2());
        return new SearchKeys(s.sortKey(), s.primaryInitials(), haystack);
    }

    /** A bulk write under way: its journal entry and the safety copy's marker. */
    public record BulkWrite(BulkWriteJournal.Entry entry, BulkWriteGuard.Running running) {}
}
