package org.caredesk.roster.service;

import org.caredesk.people.service.PersonService;
import org.caredesk.people.service.PersonValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.ss.util.CellReference;
import org.caredesk.common.Chinese;
import org.caredesk.common.FailureKind;
import org.caredesk.common.I18n;
import org.caredesk.common.PhoneNumber;
import org.caredesk.common.Problem;
import org.caredesk.common.Progress;
import org.caredesk.common.UserException;
import org.caredesk.excel.XlsxCheck;
import org.caredesk.common.ValidationException;
import org.caredesk.db.BulkWriteKind;
import org.caredesk.people.Category;
import org.caredesk.people.MissingDetails;
import org.caredesk.security.Permission;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.Enums.CorrectionType;
import org.caredesk.people.Enums.DisabilityKind;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.DrugProgramme;
import org.caredesk.people.Enums.IdType;
import org.caredesk.people.Enums.LivingSituation;
import org.caredesk.people.Enums.Medication;
import org.caredesk.people.Membership;
import org.caredesk.people.data.PersonRepository;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Imports the people roster from an .xlsx file. Columns are found by their header text in any order; each row
 * becomes a {@link PersonDraft} checked by the same rules as the form ({@link PersonService#check}), plus
 * duplicates inside the file. A real import is all or nothing: one bad row and nothing is written.
 */
public final class RosterImporter {
    private static final Logger LOG = LoggerFactory.getLogger(RosterImporter.class);
    private static final String PHONE_SEPARATORS = "[、,，;；/]";

    /**
     * How much one file may hold.
     *
     * @param rows     people rows at most (blank rows do not count)
     * @param problems problem lines kept at most
     * @param bytes    file size at most
     */
    public record Limits(int rows, int problems, long bytes) {
        /** 200,000 people import within a 512 MB heap (docs/decisions/0020); 1,000 lines is already a lot to read. */
        public static final Limits DEFAULT = new Limits(200_000, 1_000, 100L * 1024 * 1024);
    }

    private final PersonService people;
    private final Limits limits;

    public RosterImporter(PersonService people) {
        this(people, Limits.DEFAULT);
    }

    public RosterImporter(PersonService people, Limits limits) {
        this.people = people;
        this.limits = limits;
    }

    /**
     * Checks (dry run) or imports a roster file.
     *
     * @throws UserException one clear sentence when the file is missing, unreadable, too large, corrupt or not an
     *                       .xlsx
     * @throws CancellationException when {@code progress} reports that the user cancelled; nothing was written
     */
    public ImportResult importFile(Path file, boolean dryRun, Progress progress) {
        people.require(Permission.PEOPLE_IMPORT);
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new UserException("roster.error.notExcel", name);
        }
        try (InputStream in = Files.newInputStream(file)) {
            if (Files.size(file) > limits.bytes()) {
                throw new UserException("roster.error.tooLarge", name, megabytes(limits.bytes()));
            }
            XlsxCheck.check(FileMagic.prepareToCheckMagic(in), name);
        } catch (NoSuchFileException e) {
            throw new UserException(e, "roster.error.notFound", file.toString());
        } catch (IOException e) {
            throw new UserException(e, "roster.error.cannotRead", name);
        }
        // Opened from the file, not a stream: POI then inflates one part at a time instead of the whole zip.
        return importWorkbook(() -> RosterWorkbook.open(file.toFile()), name, dryRun, progress,
                BulkWriteKind.IMPORT);
    }

    /** As {@link #importFile}, from a stream (the demo roster on the classpath); the caller closes it. */
    public ImportResult importStream(InputStream raw, String fileName, boolean dryRun, Progress progress) {
        return importStream(raw, fileName, dryRun, progress, BulkWriteKind.IMPORT);
    }

    /**
     * As {@link #importStream(InputStream, String, boolean, Progress)}, written as a bulk write of the given kind
     * ({@link BulkWriteKind#DEMO} for the demo roster, so its invented people are marked fictitious).
     */
    public ImportResult importStream(InputStream raw, String fileName, boolean dryRun, Progress progress,
            BulkWriteKind kind) {
        people.require(Permission.PEOPLE_IMPORT);
        InputStream in = FileMagic.prepareToCheckMagic(raw);
        XlsxCheck.check(in, fileName);
        return importWorkbook(() -> RosterWorkbook.open(in), fileName, dryRun, progress, kind);
    }

    /** How a workbook is opened: from a file or from a stream. */
    private interface Opener {
        RosterWorkbook open() throws IOException, OpenXML4JException, SAXException;
    }

    private ImportResult importWorkbook(Opener opener, String fileName, boolean dryRun, Progress progress,
            BulkWriteKind kind) {
        Progress p = progress == null ? Progress.NONE : progress;
        p.message(I18n.get("roster.progress.reading", fileName));
        Checked checked;
        try (RosterWorkbook workbook = opener.open()) {
            checked = check(workbook, p, !dryRun);
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            if (e instanceof UserException || e instanceof CancellationException) {
                throw (RuntimeException) e;
            }
            throw unreadable(e, fileName);
        }
        if (checked.refused() || dryRun) {
            return new ImportResult(checked.count, 0, dryRun, checked.problems);
        }
        cancelIfAsked(p);
        p.message(I18n.get("roster.progress.writing"));
        List<PersonDraft> drafts = checked.rows.stream().map(r -> r.draft).toList();
        try {
            people.registerAll(drafts, fileName, Progress.NONE, kind);
        } catch (ValidationException e) {
            // Someone registered one of these people between the check and the write: find the rows again.
            LOG.info("Roster {} refused on write: {}", fileName, e.problems());
            return new ImportResult(checked.count, 0, false, recheck(checked.rows, e));
        }
        p.update(checked.total, checked.total);
        LOG.info("Imported {} people from {}", drafts.size(), fileName);
        return new ImportResult(checked.count, drafts.size(), false, checked.problems);
    }

    // ---------------------------------------------------------------- opening

    /**
     * POI reports a broken zip, a zip that is no workbook and a bomb in a dozen different exception types; for the
     * user they mean the file is damaged, except a part larger than POI's limits, which is named as too large.
     */
    private UserException unreadable(Exception e, String fileName) {
        if (FailureKind.of(e) == FailureKind.TOO_LARGE) {
            LOG.info("{} is too large to read", fileName, e);
            return new UserException(e, "roster.error.tooLarge", fileName, megabytes(limits.bytes()));
        }
        LOG.info("Cannot read {} as a workbook", fileName, e);
        return new UserException(e, "roster.error.corrupt", fileName);
    }

    private static String megabytes(long bytes) {
        return String.valueOf(bytes / (1024 * 1024));
    }

    // ---------------------------------------------------------------- checking

    /**
     * What the check found: how many people rows, the rows themselves (each with its draft) when they are to be
     * written, and every problem.
     */
    private record Checked(int count, List<RowInput> rows, List<ImportProblem> problems, int total) {
        boolean refused() {
            return problems.stream().anyMatch(p -> !p.warning());
        }
    }

    /**
     * One data row: its Excel row number, the draft it makes, the fields whose cells could not be read, and the
     * problems the reading found (listed before the rules' problems of the same row).
     */
    private record RowInput(int row, PersonDraft draft, Set<PersonField> unreadable, List<ImportProblem> read) {}

    /** Where each known column is, and how its header was written in this file. */
    private record Columns(Map<PersonField, Integer> index, Map<PersonField, String> text,
            int phone2Index) {
        String header(PersonField f) {
            PersonField key = f == PersonField.PHONE2 ? PersonField.PHONE1 : f;
            return text.getOrDefault(key, key.header());
        }
    }

    /**
     * The problems of one file, kept up to the limit. Past it, warnings are counted but not kept, and the first
     * error that does not fit stops the reading: the file is refused anyway, and a list of thousands of lines
     * (a whole sheet of duplicates) helps nobody and would fill the memory.
     */
    private final class Problems {
        private final List<ImportProblem> list = new ArrayList<>();
        private boolean errors;
        private boolean overflow;
        private boolean stop;

        void add(ImportProblem p) {
            errors |= !p.warning();
            if (list.size() < limits.problems()) {
                list.add(p);
            } else {
                overflow = true;
                stop |= errors;
            }
        }

        boolean hasErrors() {
            return errors;
        }

        List<ImportProblem> finish() {
            if (overflow) {
                String max = String.valueOf(limits.problems());
                list.add(new ImportProblem(0, null, errors ? Problem.error("sheet", "roster.problem.tooMany", max)
                        : Problem.warning("sheet", "roster.problem.tooMany", max)));
            }
            return list;
        }
    }

    /** @param keepRows false for a dry run: a checked row's draft is not needed afterwards, so it is not kept */
    private Checked check(RosterWorkbook workbook, Progress progress, boolean keepRows) throws IOException,
            OpenXML4JException, SAXException {
        SheetCheck sheet = new SheetCheck(progress, keepRows);
        workbook.read(sheet);
        if (sheet.cancelled) {
            throw new CancellationException("import cancelled");
        }
        sheet.flush();
        Problems problems = sheet.problems;
        if (sheet.columns == null) {
            problems.add(new ImportProblem(0, null, Problem.error("sheet", "roster.problem.emptySheet",
                    workbook.sheetName())));
        } else if (!problems.hasErrors() && sheet.count == 0) {
            problems.add(new ImportProblem(0, null, Problem.error("sheet", "roster.problem.noRows")));
        }
        if (sheet.missingDetails > 0) {
            problems.add(new ImportProblem(0, null, Problem.warning("sheet", "roster.problem.detailsMissing",
                    String.valueOf(sheet.missingDetails))));
        }
        return new Checked(sheet.count, sheet.columns == null ? List.of() : sheet.rows, problems.finish(),
                sheet.total);
    }

    /** Checks the rows as the sheet is read: the first row with any value is the header, the rest are people. */
    private final class SheetCheck implements RosterWorkbook.RowSink {
        private final Progress progress;
        private final Problems problems = new Problems();
        private final List<RowInput> rows = new ArrayList<>();
        /** Rows read but not yet checked: the rules run on a batch at a time, with one query for the ID owners. */
        private final List<RowInput> pending = new ArrayList<>(PersonService.CHECK_BATCH);
        private final Map<String, Integer> seenIds = new HashMap<>();
        private final boolean keepRows;
        private int count;
        private Columns columns;
        private int headerIndex;
        private int lastRowHint = -1;
        private int total;
        private boolean cancelled;
        /** Rows whose person will be 资料待补: said once for the file, not once a row, so real problems stay seen. */
        private int missingDetails;

        SheetCheck(Progress progress, boolean keepRows) {
            this.progress = progress;
            this.keepRows = keepRows;
        }

        @Override
        public void lastRowHint(int lastRow) {
            lastRowHint = lastRow;
        }

        @Override
        public boolean row(int index, Map<Integer, RosterCell> cells) {
            if (progress.isCancelled()) {
                cancelled = true;
                return false;
            }
            if (columns == null) {
                return header(index, cells);
            }
            if (!isBlank(cells, columns)) {
                if (count >= limits.rows()) {
                    String max = String.valueOf(limits.rows());
                    problems.add(new ImportProblem(0, null, Problem.error("sheet", "roster.problem.tooManyRows",
                            max, String.valueOf(index + 1))));
                    return false;
                }
                pending.add(read(index, cells, columns));
                count++;
                if (pending.size() >= PersonService.CHECK_BATCH) {
                    flush();
                }
            }
            int done = index - headerIndex;
            // The sheet's dimension is only a hint; a wrong one must not make the bar run backwards or past 100%.
            total = Math.max(total, done);
            progress.update(done, total);
            return !problems.stop;
        }

        /** Checks the pending rows, in order, and lists their problems. */
        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<PersonValidator.Result> results = people.checkAll(pending.stream().map(RowInput::draft).toList());
            for (int i = 0; i < pending.size(); i++) {
                RowInput input = pending.get(i);
                input.read.forEach(problems::add);
                PersonDraft checked = report(input, results.get(i), columns, seenIds, problems);
                // A cell that could not be read is an error of its own, not a detail still to come.
                List<PersonField> missing = new ArrayList<>(MissingDetails.of(checked.memberships()));
                missing.removeAll(input.unreadable);
                if (!missing.isEmpty()) {
                    missingDetails++;
                }
                if (keepRows) {
                    // The checked draft (the rules are idempotent) shares the cell texts; the raw one can go.
                    rows.add(new RowInput(input.row, checked, input.unreadable, List.of()));
                }
                if (problems.stop) {
                    count -= pending.size() - i - 1; // read ahead, never checked: not counted as read
                    break;
                }
            }
            pending.clear();
        }

        private boolean header(int index, Map<Integer, RosterCell> cells) {
            boolean blank = cells.values().stream().allMatch(RosterCells::isBlank);
            if (blank) {
                return true;
            }
            headerIndex = index;
            columns = columns(index, new TreeMap<>(cells), problems);
            total = Math.max(0, lastRowHint - headerIndex);
            if (problems.hasErrors()) {
                return false; // a header problem: nothing below can be read correctly
            }
            progress.message(I18n.get("roster.progress.checking"));
            return true;
        }
    }

    private static Columns columns(int headerIndex, Map<Integer, RosterCell> header, Problems problems) {
        int rowNumber = headerIndex + 1;
        Map<PersonField, Integer> index = new EnumMap<>(PersonField.class);
        Map<PersonField, String> text = new EnumMap<>(PersonField.class);
        int phone2 = -1;
        for (Map.Entry<Integer, RosterCell> c : header.entrySet()) {
            String raw = RosterCells.text(c.getValue());
            if (raw == null) {
                continue;
            }
            PersonField f = RosterColumns.fieldOf(raw);
            int col = c.getKey();
            if (f == null) {
                problems.add(new ImportProblem(rowNumber, raw,
                        Problem.warning("header", "roster.problem.unknownHeader", raw)));
            } else if (!index.containsKey(f)) {
                index.put(f, col);
                text.put(f, raw);
            } else if (f == PersonField.PHONE1 && phone2 < 0) {
                phone2 = col; // a second 联系电话 column holds the second number
            } else {
                problems.add(new ImportProblem(rowNumber, raw, Problem.error("header",
                        "roster.problem.duplicateHeader", raw, CellReference.convertNumToColString(index.get(f)),
                        CellReference.convertNumToColString(col))));
            }
        }
        for (PersonField required : RosterColumns.REQUIRED) {
            if (!index.containsKey(required)) {
                problems.add(new ImportProblem(rowNumber, null,
                        Problem.error("header", "roster.problem.missingHeader", required.header())));
            }
        }
        return new Columns(index, text, phone2);
    }

    private static boolean isBlank(Map<Integer, RosterCell> row, Columns columns) {
        for (int col : columns.index.values()) {
            if (!RosterCells.isBlank(row.get(col))) {
                return false;
            }
        }
        return columns.phone2Index < 0 || RosterCells.isBlank(row.get(columns.phone2Index));
    }

    private static RowInput read(int index, Map<Integer, RosterCell> row, Columns columns) {
        RowReader r = new RowReader(index, row, columns);
        // Read in the template's column order so a row's problems are listed left to right.
        String name = r.text(PersonField.NAME);
        IdType idType = r.enumValue(PersonField.ID_TYPE, IdType.class);
        String idNumber = r.idNumber();
        List<Category> categories = r.categories();
        String ethnicity = r.text(PersonField.ETHNICITY);
        String[] phones = r.phones();
        String estate = r.text(PersonField.ESTATE);
        String building = r.text(PersonField.BUILDING);
        String unit = r.text(PersonField.UNIT);
        String room = r.text(PersonField.ROOM);
        String household = r.text(PersonField.HOUSEHOLD_ADDRESS);
        LivingSituation living = r.enumValue(PersonField.LIVING_SITUATION, LivingSituation.class);
        String emergencyName = r.text(PersonField.EMERGENCY_NAME);
        String emergencyRelation = r.text(PersonField.EMERGENCY_RELATION);
        String emergencyPhone = r.text(PersonField.EMERGENCY_PHONE);
        String staff = r.text(PersonField.RESPONSIBLE_STAFF);
        String note = r.text(PersonField.NOTE);
        List<Membership> memberships = new ArrayList<>();
        Set<Category> detailed = EnumSet.noneOf(Category.class);
        for (Category c : categories) {
            // A category written twice is reported by the validator; its details are read (and reported) once.
            memberships.add(detailed.add(c) ? r.membership(c) : Membership.of(c));
        }
        if (!r.unreadable.contains(PersonField.CATEGORIES)) {
            Set<Category> present = EnumSet.noneOf(Category.class);
            present.addAll(categories);
            r.warnAboutDetailsWithoutCategory(present);
        }
        PersonDraft draft = new PersonDraft(name, idType, idNumber, ethnicity, phones[0], phones[1], estate,
                building, unit, room, household, living, emergencyName, emergencyRelation, emergencyPhone, staff, note,
                memberships);
        return new RowInput(r.rowNumber, draft, r.unreadable, r.problems.isEmpty() ? List.of() : r.problems);
    }

    /**
     * Lists the service's problems with one row, plus duplicates with earlier rows of the same file.
     *
     * @return the draft as the rules normalised it
     */
    private static PersonDraft report(RowInput input, PersonValidator.Result result, Columns columns,
            Map<String, Integer> seenIds, Problems problems) {
        boolean idOk = !input.unreadable.contains(PersonField.ID_NUMBER);
        for (Problem p : result.problems()) {
            PersonField f = field(p.field());
            if (f == PersonField.ID_NUMBER && !p.warning()) {
                idOk = false;
            }
            if (f != null && (input.unreadable.contains(f) || f == PersonField.PHONE2
                    && input.unreadable.contains(PersonField.PHONE1))) {
                continue; // already reported as unreadable; "please fill in" would only confuse
            }
            problems.add(new ImportProblem(input.row, f == null ? null : columns.header(f), p));
        }
        String idNumber = result.draft().idNumber();
        if (idOk && !idNumber.isEmpty()) {
            Integer first = seenIds.putIfAbsent(PersonRepository.idKey(result.draft().idType(), idNumber),
                    input.row);
            if (first != null) {
                problems.add(new ImportProblem(input.row, columns.header(PersonField.ID_NUMBER),
                        Problem.error(PersonField.ID_NUMBER.name(), "roster.problem.duplicateInFile", idNumber,
                                String.valueOf(first))));
            }
        }
        return result.draft();
    }

    private List<ImportProblem> recheck(List<RowInput> rows, ValidationException refused) {
        Problems problems = new Problems();
        Map<String, Integer> seen = new HashMap<>();
        Columns canonical = new Columns(Map.of(), Map.of(), -1);
        List<PersonValidator.Result> results = people.checkAll(rows.stream().map(RowInput::draft).toList());
        for (int i = 0; i < rows.size(); i++) {
            report(rows.get(i), results.get(i), canonical, seen, problems);
        }
        if (!problems.hasErrors()) {
            for (Problem p : refused.problems()) {
                PersonField f = field(p.field());
                problems.add(new ImportProblem(0, f == null ? null : canonical.header(f), p));
            }
        }
        return problems.finish();
    }

    private static PersonField field(String name) {
        try {
            return PersonField.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void cancelIfAsked(Progress progress) {
        if (progress.isCancelled()) {
            throw new CancellationException("import cancelled");
        }
    }

    /** The program's own list of allowed values: shown whole, unlike values from the file, which are cut. */
    private record Allowed(String list) {
        @Override
        public String toString() {
            return list;
        }
    }

    // ---------------------------------------------------------------- one row

    /** Reads the cells of one row, adding a problem for every cell it cannot understand. */
    private static final class RowReader {
        private final Map<Integer, RosterCell> row;
        private final Columns columns;
        private final List<ImportProblem> problems = new ArrayList<>(0);
        private final int rowNumber;
        private final Set<PersonField> unreadable = EnumSet.noneOf(PersonField.class);

        RowReader(int index, Map<Integer, RosterCell> row, Columns columns) {
            this.row = row;
            this.columns = columns;
            this.rowNumber = index + 1;
        }

        private RosterCell cell(PersonField f) {
            Integer col = columns.index.get(f);
            return col == null ? null : row.get(col);
        }

        private void problem(PersonField f, String key, Object... args) {
            unreadable.add(f);
            problems.add(new ImportProblem(rowNumber, columns.header(f), Problem.error(f.name(), key, args)));
        }

        /** False (with a problem) for an Excel error value such as #N/A. */
        private boolean noError(PersonField f, RosterCell c) {
            String error = RosterCells.error(c);
            if (error != null) {
                problem(f, "roster.problem.errorCell", error);
                return false;
            }
            return true;
        }

        String text(PersonField f) {
            RosterCell c = cell(f);
            return noError(f, c) ? RosterCells.text(c) : null;
        }

        String idNumber() {
            RosterCell c = cell(PersonField.ID_NUMBER);
            if (!noError(PersonField.ID_NUMBER, c)) {
                return null;
            }
            if (RosterCells.isNumeric(c) && Math.abs(c.number()) >= RosterCells.EXACT_DIGITS_LIMIT) {
                problem(PersonField.ID_NUMBER, "roster.problem.idNumberAsNumber");
                return null;
            }
            String text = RosterCells.text(c);
            if (RosterCells.looksScientific(text)) {
                problem(PersonField.ID_NUMBER, "roster.problem.idNumberAsNumber");
                return null;
            }
            return text;
        }

        <E extends Enum<E> & Chinese> E enumValue(PersonField f, Class<E> type) {
            String t = text(f);
            if (t == null) {
                return null;
            }
            E value = RosterColumns.parse(type, t);
            if (value == null) {
                problem(f, "roster.problem.unknownValue", t, new Allowed(RosterColumns.allowed(type)));
            }
            return value;
        }

        LocalDate date(PersonField f) {
            RosterCell c = cell(f);
            if (!noError(f, c) || RosterCells.isBlank(c)) {
                return null;
            }
            LocalDate d = RosterCells.date(c);
            if (d == null) {
                problem(f, "roster.problem.badDate", RosterCells.text(c));
            }
            return d;
        }

        Integer integer(PersonField f) {
            RosterCell c = cell(f);
            if (!noError(f, c) || RosterCells.isBlank(c)) {
                return null;
            }
            Integer v = RosterCells.integer(c);
            if (v == null) {
                problem(f, "roster.problem.badNumber", RosterCells.text(c));
            }
            return v;
        }

        List<Category> categories() {
            String t = text(PersonField.CATEGORIES);
            List<Category> result = new ArrayList<>();
            if (t == null) {
                return result;
            }
            for (String part : t.split(RosterColumns.CATEGORY_SEPARATORS)) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                Category c = RosterColumns.parse(Category.class, p);
                if (c == null) {
                    problem(PersonField.CATEGORIES, "roster.problem.unknownCategory", p,
                            new Allowed(RosterColumns.allowed(Category.class)));
                } else {
                    result.add(c);
                }
            }
            return result;
        }

        Membership membership(Category category) {
            Membership.Builder b = new Membership.Builder(category);
            switch (category) {
                case RELEASED_PRISONER:
                    b.releaseDate(date(PersonField.RELEASE_DATE)).offence(text(PersonField.OFFENCE))
                            .sentence(text(PersonField.SENTENCE));
                    break;
                case DRUG_USER:
                    b.drugProgramme(enumValue(PersonField.DRUG_PROGRAMME, DrugProgramme.class))
                            .drugStartDate(date(PersonField.DRUG_START_DATE));
                    break;
                case CORRECTION:
                    b.correctionType(enumValue(PersonField.CORRECTION_TYPE, CorrectionType.class))
                            .correctionStart(date(PersonField.CORRECTION_START))
                            .correctionEnd(date(PersonField.CORRECTION_END))
                            .correctionLevel(enumValue(PersonField.CORRECTION_LEVEL, CorrectionLevel.class));
                    break;
                case MENTAL_DISORDER:
                    b.diagnosis(enumValue(PersonField.DIAGNOSIS, Diagnosis.class))
                            .mentalRiskLevel(integer(PersonField.MENTAL_RISK_LEVEL))
                            .consentDate(date(PersonField.CONSENT_DATE))
                            .medication(enumValue(PersonField.MEDICATION, Medication.class));
                    break;
                case DISABLED:
                    b.disabilityKind(enumValue(PersonField.DISABILITY_KIND, DisabilityKind.class))
                            .disabilityGrade(integer(PersonField.DISABILITY_GRADE))
                            .disabilityCertificate(text(PersonField.DISABILITY_CERTIFICATE));
                    break;
                case OTHER:
                    b.otherText(text(PersonField.OTHER_TEXT));
                    break;
                default:
                    break;
            }
            return b.build();
        }

        /** A filled detail column whose category the row does not have would be dropped silently: say so. */
        void warnAboutDetailsWithoutCategory(Set<Category> categories) {
            Map<PersonField, Category> details = new LinkedHashMap<>(RosterColumns.DETAIL_CATEGORY);
            for (Map.Entry<PersonField, Category> e : details.entrySet()) {
                RosterCell c = cell(e.getKey());
                if (!categories.contains(e.getValue()) && !RosterCells.isBlank(c)) {
                    problems.add(new ImportProblem(rowNumber, columns.header(e.getKey()), Problem.warning(
                            e.getKey().name(), "roster.problem.detailWithoutCategory", columns.header(e.getKey()),
                            e.getValue().chinese())));
                }
            }
        }

        /** One or two numbers from the 联系电话 column(s). */
        String[] phones() {
            List<String> numbers = new ArrayList<>();
            numbers.addAll(splitPhones(text(PersonField.PHONE1)));
            if (columns.phone2Index >= 0) {
                RosterCell c = row.get(columns.phone2Index);
                String error = RosterCells.error(c);
                if (error != null) {
                    problem(PersonField.PHONE1, "roster.problem.errorCell", error);
                } else {
                    numbers.addAll(splitPhones(RosterCells.text(c)));
                }
            }
            if (numbers.size() > 2) {
                problem(PersonField.PHONE1, "roster.problem.tooManyPhones", String.valueOf(numbers.size()));
                return new String[] {null, null};
            }
            return new String[] {numbers.isEmpty() ? null : numbers.get(0), numbers.size() < 2 ? null : numbers.get(1)};
        }

        private static List<String> splitPhones(String text) {
            if (text == null) {
                return List.of();
            }
            List<String> parts = new ArrayList<>();
            for (String part : text.split(PHONE_SEPARATORS)) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                // "138 0013 8000" is one number written in groups; "13800138000 13900139000" is two.
                if (p.matches(".*\\s.*") && !PhoneNumber.isValid(p)) {
                    for (String s : p.split("\\s+")) {
                        parts.add(s);
                    }
                } else {
                    parts.add(p);
                }
            }
            return parts;
        }
    }
}
