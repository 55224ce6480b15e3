package org.caredesk.people.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.caredesk.common.I18n;
import org.caredesk.common.IdNumber;
import org.caredesk.common.Problem;
import org.caredesk.common.Sex;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.Enums.CorrectionType;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.DisabilityKind;
import org.caredesk.people.Enums.DrugProgramme;
import org.caredesk.people.Enums.IdType;
import org.caredesk.people.Enums.Medication;
import org.caredesk.people.Membership;
import org.caredesk.people.MissingDetails;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonValidatorTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final String ID = "11010519491231002X";
    private static final Membership ELDERLY = Membership.of(Category.ELDERLY_ALONE);

    private static PersonDraft draft(String name, String idNumber, Membership... memberships) {
        return PersonDraft.minimal(name, idNumber, List.of(memberships));
    }

    private static PersonDraft withPhones(String phone1, String phone2, String emergencyPhone) {
        return new PersonDraft("张三丰", IdType.RESIDENT_ID, ID, null, phone1, phone2, null, null, null, null, null,
                null, null, null, emergencyPhone, null, null, List.of(ELDERLY));
    }

    private static PersonValidator.Result check(PersonDraft d) {
        return PersonValidator.check(d, TODAY);
    }

    private static List<Problem> problems(PersonDraft d) {
        return check(d).problems();
    }

    private static Problem only(PersonDraft d) {
        List<Problem> problems = problems(d);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private static void assertOnly(PersonDraft d, PersonField field, String key) {
        Problem p = only(d);
        assertThat(p.field()).isEqualTo(field.name());
        assertThat(p.key()).isEqualTo(key);
        assertThat(p.warning()).isFalse();
    }

    @Test
    void goodDraft_hasNoProblems_andFillsBirthDateAndSexFromTheId() {
        PersonValidator.Result r = check(draft("张三丰", ID, ELDERLY));

        assertThat(r.problems()).isEmpty();
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(r.sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void nameRequired() {
        assertOnly(draft("  ", ID, ELDERLY), PersonField.NAME, "problem.required");
        assertOnly(draft(null, ID, ELDERLY), PersonField.NAME, "problem.required");
        assertThat(only(draft(null, ID, ELDERLY)).args()).containsExactly(new I18n.Key("field.NAME"));
    }

    @Test
    void nameTooLong() {
        assertOnly(draft("张".repeat(PersonValidator.MAX_NAME + 1), ID, ELDERLY), PersonField.NAME,
                "problem.tooLong");
        assertThat(problems(draft("张".repeat(PersonValidator.MAX_NAME), ID, ELDERLY))).isEmpty();
    }

    @Test
    void controlCharactersAndDirectionOverrides_areRefusedInTheFieldTheyAreIn() {
        assertOnly(draft("张\u202E三", ID, ELDERLY), PersonField.NAME, "problem.invisibleCharacter");
        assertOnly(draft("张\u0000三", ID, ELDERLY), PersonField.NAME, "problem.invisibleCharacter");
        assertOnly(draft("张\u2066三", ID, ELDERLY), PersonField.NAME, "problem.invisibleCharacter");
        assertThat(only(draft("张\u0085三", ID, ELDERLY)).args()).containsExactly(new I18n.Key("field.NAME"), "2");
        PersonDraft note = new PersonDraft("张三丰", IdType.RESIDENT_ID, ID, null, null, null, null, null, null, null,
                null, null, null, null, null, null, "送药\u001B上门", List.of(ELDERLY));
        assertOnly(note, PersonField.NOTE, "problem.invisibleCharacter");
        assertOnly(draft("张三丰", ID, Membership.other("低保\u202D户")), PersonField.OTHER_TEXT,
                "problem.invisibleCharacter");
    }

    @Test
    void zeroWidthCharacters_areRemoved_andANameOfNothingElseIsRequired() {
        assertOnly(draft("\u200B", ID, ELDERLY), PersonField.NAME, "problem.required");
        assertOnly(draft("\uFEFF\u2060 ", ID, ELDERLY), PersonField.NAME, "problem.required");
        assertThat(check(draft("张\u200D三\u200C丰", ID, ELDERLY)).draft().name()).isEqualTo("张三丰");
    }

    @Test
    void text_isStoredInNfc_andLineBreaksInANoteStay() {
        assertThat(check(draft("Zoe\u0301", ID, ELDERLY)).draft().name()).isEqualTo("Zo\u00E9");
        PersonDraft note = new PersonDraft("张三丰", IdType.RESIDENT_ID, ID, null, null, null, null, null, null, null,
                null, null, null, null, null, null, "第一行\n第二行", List.of(ELDERLY));
        assertThat(check(note).problems()).isEmpty();
    }

    @Test
    void idNumberRequired() {
        assertOnly(draft("张三丰", " ", ELDERLY), PersonField.ID_NUMBER, "problem.required");
    }

    @Test
    void idNumberProblems_eachHaveTheirOwnSentence() {
        assertOnly(draft("张三丰", "1101051949123100", ELDERLY), PersonField.ID_NUMBER, "problem.idNumber.length");
        assertThat(only(draft("张三丰", "1101051949123100", ELDERLY)).args()).containsExactly("16");
        assertOnly(draft("张三丰", "11010519491231002Y", ELDERLY), PersonField.ID_NUMBER,
                "problem.idNumber.characters");
        assertOnly(draft("张三丰", "110105194912310021", ELDERLY), PersonField.ID_NUMBER,
                "problem.idNumber.checksum");
        String feb30 = "11010519900230001" + IdNumber.checkChar("11010519900230001");
        assertOnly(draft("张三丰", feb30, ELDERLY), PersonField.ID_NUMBER, "problem.idNumber.birthDate");
        assertThat(only(draft("张三丰", feb30, ELDERLY)).args()).containsExactly("19900230");
        String future = "11010520300101001" + IdNumber.checkChar("11010520300101001");
        assertOnly(draft("张三丰", future, ELDERLY), PersonField.ID_NUMBER, "problem.idNumber.futureBirthDate");
    }

    @Test
    void bornIn1880_isAWarningNotAnError() {
        PersonValidator.Result r = check(draft("李老汉", "440524188001010014", ELDERLY));

        assertThat(r.hasErrors()).isFalse();
        assertThat(r.errors()).isEmpty();
        assertThat(r.problems()).extracting(Problem::field, Problem::key, Problem::warning)
                .containsExactly(tuple("ID_NUMBER", "problem.idNumber.oldBirth", true));
        assertThat(r.problems().get(0).args()).containsExactly("1880");
        assertThat(r.birthDate()).isEqualTo(LocalDate.of(1880, 1, 1));
        assertThat(r.sex()).isEqualTo(Sex.MALE);
    }

    @Test
    void fullWidthIdAndLowerCaseX_areNormalised() {
        PersonValidator.Result r = check(draft("张三丰", "１１０１０５１９４９１２３１００２ｘ", ELDERLY));

        assertThat(r.problems()).isEmpty();
        assertThat(r.draft().idNumber()).isEqualTo(ID);
        assertThat(check(draft("张三丰", "11010519491231002x", ELDERLY)).draft().idNumber()).isEqualTo(ID);
    }

    @Test
    void otherIdTypes_skipTheResidentIdRules_butAreUpperCasedAndLimited() {
        PersonDraft passport = new PersonDraft("Anna Smith", IdType.PASSPORT, " e1234567 ", null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, List.of(ELDERLY));
        PersonValidator.Result r = check(passport);

        assertThat(r.problems()).isEmpty();
        assertThat(r.draft().idNumber()).isEqualTo("E1234567");
        assertThat(r.birthDate()).isNull();
        assertThat(r.sex()).isNull();

        PersonDraft tooLong = new PersonDraft("Anna Smith", IdType.OTHER, "A".repeat(31), null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, List.of(ELDERLY));
        assertOnly(tooLong, PersonField.ID_NUMBER, "problem.tooLong");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+86 138 0013 8000", "138-0013-8000", "+86-13800138000", "１３８００１３８０００"})
    void phoneForms_areNormalised(String typed) {
        PersonValidator.Result r = check(withPhones(typed, null, null));

        assertThat(r.problems()).isEmpty();
        assertThat(r.draft().phone1()).isEqualTo("13800138000");
    }

    @Test
    void invalidPhone_namesItsFieldAndWhatWasTyped() {
        assertOnly(withPhones("1234", null, null), PersonField.PHONE1, "problem.phone.invalid");
        assertThat(only(withPhones(" 1234 ", null, null)).args()).containsExactly("1234");
        assertOnly(withPhones("13800138000", "12800138000", null), PersonField.PHONE2, "problem.phone.invalid");
    }

    @Test
    void maskedNumbers_copiedFromAListOrExport_areRefusedInEveryNumberField() {
        assertOnly(draft("张三丰", "110***********002X", ELDERLY), PersonField.ID_NUMBER, "problem.maskedNumber");
        assertOnly(withPhones("138****8000", null, null), PersonField.PHONE1, "problem.maskedNumber");
        assertOnly(withPhones("13800138000", "139****9000", null), PersonField.PHONE2, "problem.maskedNumber");
        assertOnly(withPhones(null, null, "010****3456"), PersonField.EMERGENCY_PHONE, "problem.maskedNumber");
        assertOnly(draft("张三丰", ID, Membership.disabled(DisabilityKind.VISUAL, 1, "110***************4201")),
                PersonField.DISABILITY_CERTIFICATE, "problem.maskedNumber");
        assertThat(only(withPhones("138****8000", null, null)).localized())
                .isEqualTo("联系电话是遮盖后的号码（带 *），不是完整号码。请删去后输入完整的号码。");
    }

    @Test
    void secondPhoneAlone_movesToTheFirst() {
        PersonValidator.Result r = check(withPhones(" ", "13900139000", null));

        assertThat(r.problems()).isEmpty();
        assertThat(r.draft().phone1()).isEqualTo("13900139000");
        assertThat(r.draft().phone2()).isNull();
    }

    @Test
    void emergencyPhone_mayBeAMobileOrALandline() {
        assertThat(problems(withPhones(null, null, "010-6512 3456"))).isEmpty();
        assertThat(check(withPhones(null, null, "010-6512 3456")).draft().emergencyPhone()).isEqualTo("01065123456");
        assertThat(problems(withPhones(null, null, "+86 139 0013 9000"))).isEmpty();
        assertOnly(withPhones(null, null, "12345"), PersonField.EMERGENCY_PHONE, "problem.emergencyPhone.invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"买买提•艾力", "买买提・艾力", "买买提‧艾力", "买买提．艾力", "买买提∙艾力", "买买提⋅艾力", "买买提･艾力",
        "买买提·艾力", " 买买提·艾力 "})
    void middleDotVariants_becomeTheOneMiddleDot(String typed) {
        PersonValidator.Result r = check(draft(typed, ID, ELDERLY));

        assertThat(r.problems()).isEmpty();
        assertThat(r.draft().name()).isEqualTo("买买提·艾力");
    }

    @Test
    void runsOfSpacesInAName_becomeOne() {
        assertThat(check(draft("  Anna \t  Smith ", ID, ELDERLY)).draft().name()).isEqualTo("Anna Smith");
    }

    @Test
    void textFields_areStrippedBlankIsNull_andLengthLimited() {
        PersonDraft d = new PersonDraft("张三丰", IdType.RESIDENT_ID, ID, " 汉族 ", null, null, " 锦绣小区 ", " ",
                "2单元", "301", null, null, null, null, null, null, null, List.of(ELDERLY));
        PersonValidator.Result r = check(d);

        assertThat(r.problems()).isEmpty();
        assertThat(r.draft().ethnicity()).isEqualTo("汉族");
        assertThat(r.draft().estate()).isEqualTo("锦绣小区");
        assertThat(r.draft().building()).isNull();

        PersonDraft longBuilding = new PersonDraft("张三丰", IdType.RESIDENT_ID, ID, null, null, null, null,
                "1".repeat(21), null, null, null, null, null, null, null, null, null, List.of(ELDERLY));
        assertOnly(longBuilding, PersonField.BUILDING, "problem.tooLong");
        assertThat(only(longBuilding).args()).containsExactly(new I18n.Key("field.BUILDING"), "20");
    }

    @Test
    void categoriesRequired() {
        assertOnly(draft("张三丰", ID), PersonField.CATEGORIES, "problem.categories.required");
    }

    @Test
    void theSameCategoryTwice_isRefused() {
        assertOnly(draft("张三丰", ID, ELDERLY, ELDERLY), PersonField.CATEGORIES, "problem.categories.duplicate");
    }

    /** Issue 9: a detail that may wait is no error when empty; the person is 资料待补 with that field. */
    private static void waits(Membership m, PersonField... fields) {
        assertThat(problems(draft("张三丰", ID, m))).isEmpty();
        assertThat(MissingDetails.of(check(draft("张三丰", ID, m)).draft().memberships())).containsExactly(fields);
    }

    @Test
    void releasedPrisoner_releaseDateMayWait_butIsNeverInTheFuture() {
        waits(Membership.releasedPrisoner(null, "盗窃罪", "3年"), PersonField.RELEASE_DATE);
        assertOnly(draft("张三丰", ID, Membership.releasedPrisoner(TODAY.plusDays(1), null, null)),
                PersonField.RELEASE_DATE, "problem.future");
        assertThat(problems(draft("张三丰", ID, Membership.releasedPrisoner(TODAY, null, null)))).isEmpty();
        assertOnly(draft("张三丰", ID, Membership.releasedPrisoner(TODAY, "罪".repeat(101), null)),
                PersonField.OFFENCE, "problem.tooLong");
    }

    @Test
    void drugUser_programmeAndStartMayWait_butTheStartIsNeverInTheFuture() {
        waits(Membership.drugUser(null, TODAY), PersonField.DRUG_PROGRAMME);
        waits(Membership.drugUser(DrugProgramme.COMMUNITY_DETOX, null), PersonField.DRUG_START_DATE);
        waits(Membership.drugUser(null, null), PersonField.DRUG_PROGRAMME, PersonField.DRUG_START_DATE);
        assertOnly(draft("张三丰", ID, Membership.drugUser(DrugProgramme.COMMUNITY_REHAB, TODAY.plusDays(1))),
                PersonField.DRUG_START_DATE, "problem.future");
    }

    @Test
    void correction_typeTermAndLevelMayWait_butTheEndIsAfterTheStart() {
        LocalDate start = LocalDate.of(2025, 1, 1);
        waits(Membership.correction(null, start, start.plusYears(1), CorrectionLevel.STRICT),
                PersonField.CORRECTION_TYPE);
        waits(Membership.correction(CorrectionType.PROBATION, null, start, CorrectionLevel.STRICT),
                PersonField.CORRECTION_START);
        waits(Membership.correction(CorrectionType.PROBATION, start, null, CorrectionLevel.STRICT),
                PersonField.CORRECTION_END);
        waits(Membership.correction(null, null, null, null), PersonField.CORRECTION_TYPE,
                PersonField.CORRECTION_START, PersonField.CORRECTION_END, PersonField.CORRECTION_LEVEL);
        assertOnly(draft("张三丰", ID, Membership.correction(CorrectionType.PAROLE, start, start,
                CorrectionLevel.NORMAL)), PersonField.CORRECTION_END, "problem.correctionEnd.beforeStart");
        waits(Membership.correction(CorrectionType.CONTROL, start, start.plusYears(1), null),
                PersonField.CORRECTION_LEVEL);
        assertThat(problems(draft("张三丰", ID, Membership.correction(CorrectionType.TEMPORARY_OUTSIDE, start,
                start.plusDays(1), CorrectionLevel.LENIENT)))).isEmpty();
    }

    @Test
    void mentalDisorder_diagnosisAndRiskLevelMayWait_butALevelIsFrom0To5() {
        waits(Membership.mentalDisorder(null, 0, null, null), PersonField.DIAGNOSIS);
        waits(Membership.mentalDisorder(Diagnosis.BIPOLAR, null, null, null), PersonField.MENTAL_RISK_LEVEL);
        assertOnly(draft("张三丰", ID, Membership.mentalDisorder(Diagnosis.BIPOLAR, 6, null, null)),
                PersonField.MENTAL_RISK_LEVEL, "problem.mentalRiskLevel.range");
        assertOnly(draft("张三丰", ID, Membership.mentalDisorder(Diagnosis.BIPOLAR, -1, null, null)),
                PersonField.MENTAL_RISK_LEVEL, "problem.mentalRiskLevel.range");
        assertOnly(draft("张三丰", ID, Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, 5, TODAY.plusDays(1),
                Medication.REGULAR)), PersonField.CONSENT_DATE, "problem.future");
        for (int level = 0; level <= 5; level++) {
            assertThat(problems(draft("张三丰", ID, Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, level, TODAY,
                    Medication.NONE)))).isEmpty();
        }
    }

    @Test
    void disabled_kindMayWait_butAGradeIsFrom1To4() {
        waits(Membership.disabled(null, 1, null), PersonField.DISABILITY_KIND);
        assertOnly(draft("张三丰", ID, Membership.disabled(DisabilityKind.PHYSICAL, 0, null)),
                PersonField.DISABILITY_GRADE, "problem.disabilityGrade.range");
        assertOnly(draft("张三丰", ID, Membership.disabled(DisabilityKind.PHYSICAL, 5, null)),
                PersonField.DISABILITY_GRADE, "problem.disabilityGrade.range");
        assertThat(problems(draft("张三丰", ID, Membership.disabled(DisabilityKind.VISUAL, null, null)))).isEmpty();
        assertThat(problems(draft("张三丰", ID, Membership.disabled(DisabilityKind.VISUAL, 4, "残证123"))))
                .isEmpty();
    }

    @Test
    void otherCategory_needsItsText_itNeverWaits() {
        assertOnly(draft("张三丰", ID, Membership.other("  ")), PersonField.OTHER_TEXT, "problem.required");
        assertThat(check(draft("张三丰", ID, Membership.other(" 刑满释放人员家属 "))).draft().memberships().get(0)
                .otherText()).isEqualTo("刑满释放人员家属");
    }

    @Test
    void everyProblemIsFound_notJustTheFirst() {
        List<Problem> problems = problems(draft(" ", "123", Membership.drugUser(null, TODAY.plusDays(1)),
                Membership.other(null)));

        assertThat(problems).extracting(Problem::field).containsExactlyInAnyOrder("NAME", "ID_NUMBER",
                "DRUG_START_DATE", "OTHER_TEXT");
    }

    @Test
    void memberships_keepOnlyTheirOwnFields() {
        Membership mixed = new Membership.Builder(Category.MENTAL_DISORDER)
                .diagnosis(Diagnosis.SCHIZOPHRENIA).mentalRiskLevel(3).consentDate(TODAY).medication(Medication.REGULAR)
                .releaseDate(TODAY).offence("盗窃罪").drugProgramme(DrugProgramme.COMMUNITY_DETOX)
                .correctionLevel(CorrectionLevel.STRICT).disabilityKind(DisabilityKind.MENTAL).otherText("旧输入")
                .build();

        Membership kept = check(draft("张三丰", ID, mixed)).draft().memberships().get(0);

        assertThat(kept).isEqualTo(Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, 3, TODAY, Medication.REGULAR));
    }

    @Test
    void keepOwnFields_forEveryCategory() {
        Membership.Builder everything = new Membership.Builder(Category.OTHER).releaseDate(TODAY).offence("o")
                .sentence("s").drugProgramme(DrugProgramme.OTHER).drugStartDate(TODAY)
                .correctionType(CorrectionType.PAROLE).correctionStart(TODAY).correctionEnd(TODAY)
                .correctionLevel(CorrectionLevel.NORMAL).diagnosis(Diagnosis.BIPOLAR).mentalRiskLevel(1)
                .consentDate(TODAY).medication(Medication.NONE).disabilityKind(DisabilityKind.HEARING)
                .disabilityGrade(2).disabilityCertificate("c").otherText("t");
        Membership all = everything.build();
        for (Category c : Category.values()) {
            Membership m = new Membership(c, all.releaseDate(), all.offence(), all.sentence(), all.drugProgramme(),
                    all.drugStartDate(), all.correctionType(), all.correctionStart(), all.correctionEnd(),
                    all.correctionLevel(), all.diagnosis(), all.mentalRiskLevel(), all.consentDate(),
                    all.medication(), all.disabilityKind(), all.disabilityGrade(), all.disabilityCertificate(),
                    all.otherText());
            Membership kept = PersonValidator.keepOwnFields(m);
            assertThat(kept.category()).isEqualTo(c);
            assertThat(kept.releaseDate() != null).as(c + " release").isEqualTo(c == Category.RELEASED_PRISONER);
            assertThat(kept.drugStartDate() != null).as(c + " drug").isEqualTo(c == Category.DRUG_USER);
            assertThat(kept.correctionLevel() != null).as(c + " correction").isEqualTo(c == Category.CORRECTION);
            assertThat(kept.mentalRiskLevel() != null).as(c + " mental").isEqualTo(c == Category.MENTAL_DISORDER);
            assertThat(kept.disabilityGrade() != null).as(c + " disability").isEqualTo(c == Category.DISABLED);
            assertThat(kept.otherText() != null).as(c + " other").isEqualTo(c == Category.OTHER);
        }
    }

    @Test
    void memberships_areSortedByCategory() {
        PersonValidator.Result r = check(draft("张三丰", ID, Membership.of(Category.ELDERLY_ALONE),
                Membership.releasedPrisoner(TODAY, null, null)));

        assertThat(r.draft().categories()).containsExactly(Category.RELEASED_PRISONER, Category.ELDERLY_ALONE);
        assertThat(r.draft().memberships()).extracting(Membership::category)
                .containsExactly(Category.RELEASED_PRISONER, Category.ELDERLY_ALONE);
    }

    @Test
    void computedEndDates_followTheRules() {
        Membership released = Membership.releasedPrisoner(LocalDate.of(2022, 2, 28), null, null);
        Membership drug = Membership.drugUser(DrugProgramme.COMMUNITY_REHAB, LocalDate.of(2024, 2, 29));

        assertThat(released.helpEndDate(PeopleRules.DEFAULTS.releasedFollowYears()))
                .isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(drug.drugEndDate(PeopleRules.DEFAULTS.drugMaxYears())).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(Membership.releasedPrisoner(null, null, null).helpEndDate(5)).isNull();
        assertThat(Membership.drugUser(DrugProgramme.OTHER, null).drugEndDate(3)).isNull();
    }
}
