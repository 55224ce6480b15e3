package org.caredesk.people.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.caredesk.common.I18n;
import org.caredesk.common.IdNumber;
import org.caredesk.common.PhoneNumber;
import org.caredesk.common.Problem;
import org.caredesk.common.Sex;
import org.caredesk.common.Text;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.IdType;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonField;
import org.caredesk.people.PersonNumbers;

/**
 * The rules of a person record, shared by the form (as the user types), the importer (per row) and the service
 * (again, before it writes). Pure: no database; the duplicate-ID rule lives in the service.
 */
public final class PersonValidator {
    public static final int MAX_NAME = 30;
    private static final Pattern LANDLINE = Pattern.compile("(0\\d{2,3})?\\d{7,8}");

    /** The normalised draft, what it implies (birth date, sex from the ID) and every problem found. */
    public record Result(PersonDraft draft, LocalDate birthDate, Sex sex, List<Problem> problems) {
        public boolean hasErrors() {
            return problems.stream().anyMatch(p -> !p.warning());
        }

        public List<Problem> errors() {
            return problems.stream().filter(p -> !p.warning()).toList();
        }
    }

    private PersonValidator() {}

    public static Result check(PersonDraft d, LocalDate today) {
        List<Problem> problems = new ArrayList<>();

        String name = Text.clean(SearchText.normaliseName(d.name() == null ? null : d.name().replaceAll("\\s+", " ")));
        if (invisible(d.name(), PersonField.NAME, problems)) {
            // said already; "required" or "too long" would describe the wrong thing
        } else if (name == null) {
            problems.add(required(PersonField.NAME));
        } else if (name.length() > MAX_NAME) {
            problems.add(tooLong(PersonField.NAME, MAX_NAME));
        }

        IdType idType = d.idType() == null ? IdType.RESIDENT_ID : d.idType();
        String idNumber = IdNumber.normalise(d.idNumber());
        LocalDate birthDate = null;
        Sex sex = null;
        if (idNumber.isEmpty()) {
            problems.add(required(PersonField.ID_NUMBER));
        } else if (PersonNumbers.isMasked(idNumber)) {
            problems.add(masked(PersonField.ID_NUMBER));
        } else if (idType == IdType.RESIDENT_ID) {
            IdNumber.Check c = IdNumber.check(idNumber, today);
            if (c.valid()) {
                birthDate = IdNumber.parseBirth(idNumber).orElseThrow();
                sex = IdNumber.sex(idNumber);
                if (c.oldBirthWarning()) {
                    problems.add(Problem.warning(PersonField.ID_NUMBER.name(), "problem.idNumber.oldBirth",
                            String.valueOf(birthDate.getYear())));
                }
            } else {
                problems.add(idProblem(c, idNumber));
            }
        } else {
            idNumber = idNumber.toUpperCase(Locale.ROOT);
            if (idNumber.length() > 30) {
                problems.add(tooLong(PersonField.ID_NUMBER, 30));
            }
        }

        String phone1 = phone(d.phone1(), PersonField.PHONE1, problems);
        String phone2 = phone(d.phone2(), PersonField.PHONE2, problems);
        if (phone1 == null && phone2 != null) {
            phone1 = phone2;
            phone2 = null;
        }
        String emergencyPhone = null;
        if (!Text.isBlank(d.emergencyPhone())) {
            emergencyPhone = PhoneNumber.normalise(d.emergencyPhone());
            if (PersonNumbers.isMasked(emergencyPhone)) {
                problems.add(masked(PersonField.EMERGENCY_PHONE));
            } else if (!PhoneNumber.isValid(emergencyPhone) && !LANDLINE.matcher(emergencyPhone).matches()) {
                problems.add(Problem.error(PersonField.EMERGENCY_PHONE.name(), "problem.emergencyPhone.invalid",
                        d.emergencyPhone().strip()));
            }
        }

        String ethnicity = limited(d.ethnicity(), PersonField.ETHNICITY, 20, problems);
        String estate = limited(d.estate(), PersonField.ESTATE, 60, problems);
        String building = limited(d.building(), PersonField.BUILDING, 20, problems);
        String unit = limited(d.unit(), PersonField.UNIT, 20, problems);
        String room = limited(d.room(), PersonField.ROOM, 20, problems);
        String household = limited(d.householdAddress(), PersonField.HOUSEHOLD_ADDRESS, 200, problems);
        String emergencyName = limited(d.emergencyName(), PersonField.EMERGENCY_NAME, 60, problems);
        String emergencyRelation = limited(d.emergencyRelation(), PersonField.EMERGENCY_RELATION, 20, problems);
        String staff = limited(d.responsibleStaff(), PersonField.RESPONSIBLE_STAFF, 60, problems);
        String note = limited(d.note(), PersonField.NOTE, 2000, problems);

        List<Membership> memberships = new ArrayList<>();
        EnumSet<Category> seen = EnumSet.noneOf(Category.class);
        for (Membership m : d.memberships()) {
            if (!seen.add(m.category())) {
                problems.add(Problem.error(PersonField.CATEGORIES.name(), "problem.categories.duplicate",
                        new I18n.Key(I18n.enumKey(m.category()))));
                continue;
            }
            memberships.add(checkMembership(m, today, problems));
        }
        if (memberships.isEmpty()
                && problems.stream().noneMatch(p -> p.field().equals(PersonField.CATEGORIES.name()))) {
            problems.add(Problem.error(PersonField.CATEGORIES.name(), "problem.categories.required"));
        }
        memberships.sort(java.util.Comparator.comparing(Membership::category));

        PersonDraft normalised = new PersonDraft(name, idType, idNumber, ethnicity, phone1, phone2, estate, building,
                unit, room, household, d.livingSituation(), emergencyName, emergencyRelation, emergencyPhone, staff,
                note, memberships);
        return new Result(normalised, birthDate, sex, List.copyOf(problems));
    }

    private static Problem idProblem(IdNumber.Check c, String idNumber) {
        String f = PersonField.ID_NUMBER.name();
        switch (c.problem()) {
            case LENGTH:
                return Problem.error(f, "problem.idNumber.length", String.valueOf(idNumber.length()));
            case CHARACTERS:
                return Problem.error(f, "problem.idNumber.characters");
            case BIRTH_DATE:
                return Problem.error(f, "problem.idNumber.birthDate", idNumber.substring(6, 14));
            case FUTURE_BIRTH_DATE:
                return Problem.error(f, "problem.idNumber.futureBirthDate", idNumber.substring(6, 14));
            case CHECKSUM:
                return Problem.error(f, "problem.idNumber.checksum");
            default:
                return required(PersonField.ID_NUMBER);
        }
    }

    /**
     * The details that may wait (see {@link org.caredesk.people.MissingDetails}) are checked only when given: a
     * wrong value is refused, an empty one makes the person 资料待补.
     */
    private static Membership checkMembership(Membership m, LocalDate today, List<Problem> problems) {
        Membership.Builder b = m.toBuilder();
        switch (m.category()) {
            case RELEASED_PRISONER:
                notFuture(m.releaseDate(), PersonField.RELEASE_DATE, today, problems);
                b.offence(limited(m.offence(), PersonField.OFFENCE, 100, problems));
                b.sentence(limited(m.sentence(), PersonField.SENTENCE, 60, problems));
                break;
            case DRUG_USER:
                notFuture(m.drugStartDate(), PersonField.DRUG_START_DATE, today, problems);
                break;
            case CORRECTION:
                if (m.correctionEnd() != null && m.correctionStart() != null
                        && !m.correctionEnd().isAfter(m.correctionStart())) {
                    problems.add(Problem.error(PersonField.CORRECTION_END.name(), "problem.correctionEnd.beforeStart"));
                }
                break;
            case MENTAL_DISORDER:
                if (m.mentalRiskLevel() != null && (m.mentalRiskLevel() < 0 || m.mentalRiskLevel() > 5)) {
                    problems.add(Problem.error(PersonField.MENTAL_RISK_LEVEL.name(), "problem.mentalRiskLevel.range",
                            String.valueOf(m.mentalRiskLevel())));
                }
                notFuture(m.consentDate(), PersonField.CONSENT_DATE, today, problems);
                break;
            case DISABLED:
                if (m.disabilityGrade() != null && (m.disabilityGrade() < 1 || m.disabilityGrade() > 4)) {
                    problems.add(Problem.error(PersonField.DISABILITY_GRADE.name(), "problem.disabilityGrade.range",
                            String.valueOf(m.disabilityGrade())));
                }
                String certificate = limited(m.disabilityCertificate(), PersonField.DISABILITY_CERTIFICATE, 40,
                        problems);
                if (PersonNumbers.isMasked(certificate)) {
                    problems.add(masked(PersonField.DISABILITY_CERTIFICATE));
                }
                b.disabilityCertificate(certificate);
                break;
            case OTHER:
                String text = limited(m.otherText(), PersonField.OTHER_TEXT, 200, problems);
                if (text == null) {
                    problems.add(required(PersonField.OTHER_TEXT));
                }
                b.otherText(text);
                break;
            default:
                break;
        }
        return keepOwnFields(b.build());
    }

    /** Drops detail fields that belong to other categories, so stale form input never reaches the database. */
    static Membership keepOwnFields(Membership m) {
        Membership.Builder b = new Membership.Builder(m.category());
        switch (m.category()) {
            case RELEASED_PRISONER:
                b.releaseDate(m.releaseDate()).offence(m.offence()).sentence(m.sentence());
                break;
            case DRUG_USER:
                b.drugProgramme(m.drugProgramme()).drugStartDate(m.drugStartDate());
                break;
            case CORRECTION:
                b.correctionType(m.correctionType()).correctionStart(m.correctionStart())
                        .correctionEnd(m.correctionEnd()).correctionLevel(m.correctionLevel());
                break;
            case MENTAL_DISORDER:
                b.diagnosis(m.diagnosis()).mentalRiskLevel(m.mentalRiskLevel()).consentDate(m.consentDate())
                        .medication(m.medication());
                break;
            case DISABLED:
                b.disabilityKind(m.disabilityKind()).disabilityGrade(m.disabilityGrade())
                        .disabilityCertificate(m.disabilityCertificate());
                break;
            case OTHER:
                b.otherText(m.otherText());
                break;
            default:
                break;
        }
        return b.build();
    }

    private static String phone(String raw, PersonField field, List<Problem> problems) {
        if (Text.isBlank(raw)) {
            return null;
        }
        String n = PhoneNumber.normalise(raw);
        if (PersonNumbers.isMasked(n)) {
            problems.add(masked(field));
        } else if (!PhoneNumber.isValid(n)) {
            problems.add(Problem.error(field.name(), "problem.phone.invalid", raw.strip()));
        }
        return n;
    }

    private static void notFuture(LocalDate date, PersonField field, LocalDate today, List<Problem> problems) {
        if (date != null && date.isAfter(today)) {
            problems.add(future(field));
        }
    }

    private static String limited(String raw, PersonField field, int max, List<Problem> problems) {
        String v = Text.clean(raw);
        if (invisible(raw, field, problems)) {
            return v;
        }
        if (v != null && v.length() > max) {
            problems.add(tooLong(field, max));
        }
        return v;
    }

    /**
     * Adds a problem and answers true when {@code raw} holds a control character or a direction override: pasted
     * from a web page or another program, they hide or reorder what the name shows, and export as "?".
     */
    private static boolean invisible(String raw, PersonField field, List<Problem> problems) {
        int at = Text.forbiddenAt(raw);
        if (at < 0) {
            return false;
        }
        problems.add(Problem.error(field.name(), "problem.invisibleCharacter", new I18n.Key(field.labelKey()),
                String.valueOf(at + 1)));
        return true;
    }

    public static Problem required(PersonField field) {
        return Problem.error(field.name(), "problem.required", new I18n.Key(field.labelKey()));
    }

    /** A number copied from a masked list or export ("110***********002X") instead of the real one. */
    private static Problem masked(PersonField field) {
        return Problem.error(field.name(), "problem.maskedNumber", new I18n.Key(field.labelKey()));
    }

    private static Problem future(PersonField field) {
        return Problem.error(field.name(), "problem.future", new I18n.Key(field.labelKey()));
    }

    private static Problem tooLong(PersonField field, int max) {
        return Problem.error(field.name(), "problem.tooLong", new I18n.Key(field.labelKey()), String.valueOf(max));
    }
}
