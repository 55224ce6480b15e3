package org.caredesk.roster.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caredesk.common.Chinese;
import org.caredesk.common.Text;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.Enums.CorrectionType;
import org.caredesk.people.Enums.DisabilityKind;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.DrugProgramme;
import org.caredesk.people.Enums.IdType;
import org.caredesk.people.Enums.LivingSituation;
import org.caredesk.people.Enums.Medication;
import org.caredesk.people.PersonField;

/**
 * The roster's columns as staff see them in Excel: which header means which field, what kind of value each column
 * holds, and the words people actually type. Shared by the importer, the template and the sample-data generator so
 * the three can never disagree. Header and value texts are data (the files are Chinese whatever the UI language).
 */
final class RosterColumns {
    /** Import columns in template order; 联系电话 is one column that may hold two numbers. */
    static final List<PersonField> IMPORT_FIELDS;
    static final Set<PersonField> REQUIRED = Collections.unmodifiableSet(
            EnumSet.of(PersonField.NAME, PersonField.ID_NUMBER, PersonField.CATEGORIES));
    static final Set<PersonField> DATE_FIELDS = Collections.unmodifiableSet(EnumSet.of(PersonField.RELEASE_DATE,
            PersonField.DRUG_START_DATE, PersonField.CORRECTION_START, PersonField.CORRECTION_END,
            PersonField.CONSENT_DATE));
    static final Set<PersonField> INTEGER_FIELDS = Collections.unmodifiableSet(
            EnumSet.of(PersonField.MENTAL_RISK_LEVEL, PersonField.DISABILITY_GRADE));
    /** Columns whose digits must stay text in Excel (long numbers lose digits, leading zeros vanish). */
    static final Set<PersonField> TEXT_FIELDS = Collections.unmodifiableSet(EnumSet.of(PersonField.ID_NUMBER,
            PersonField.PHONE1, PersonField.EMERGENCY_PHONE, PersonField.DISABILITY_CERTIFICATE, PersonField.ROOM,
            PersonField.UNIT));
    static final Map<PersonField, Class<? extends Enum<?>>> ENUM_FIELDS;
    /** The category a detail column belongs to: a value there without that category is ignored. */
    static final Map<PersonField, Category> DETAIL_CATEGORY;

    /** Export-only columns. */
    static final String COLOUR_HEADER = "预警等级";
    static final String STATUS_HEADER = "状态";

    /** Separators between categories in one cell. */
    static final String CATEGORY_SEPARATORS = "[、,，;；]";
    static final String CATEGORY_JOINER = "、";

    private static final Map<String, PersonField> HEADERS = new HashMap<>();
    private static final Map<Class<?>, Map<String, Enum<?>>> VALUE_ALIASES = new HashMap<>();

    static {
        List<PersonField> fields = new ArrayList<>(Arrays.asList(PersonField.values()));
        fields.remove(PersonField.PHONE2);
        IMPORT_FIELDS = List.copyOf(fields);
        for (PersonField f : IMPORT_FIELDS) {
            HEADERS.put(normaliseHeader(f.header()), f);
        }
        // Headers found in rosters kept by hand before this program existed.
        header("身份证号码", PersonField.ID_NUMBER);
        header("身份证号", PersonField.ID_NUMBER);
        header("公民身份号码", PersonField.ID_NUMBER);
        header("手机号码", PersonField.PHONE1);
        header("手机号", PersonField.PHONE1);
        header("电话", PersonField.PHONE1);
        header("人员类型", PersonField.CATEGORIES);
        header("类别", PersonField.CATEGORIES);

        Map<PersonField, Class<? extends Enum<?>>> enums = new EnumMap<>(PersonField.class);
        enums.put(PersonField.ID_TYPE, IdType.class);
        enums.put(PersonField.LIVING_SITUATION, LivingSituation.class);
        enums.put(PersonField.DRUG_PROGRAMME, DrugProgramme.class);
        enums.put(PersonField.CORRECTION_TYPE, CorrectionType.class);
        enums.put(PersonField.CORRECTION_LEVEL, CorrectionLevel.class);
        enums.put(PersonField.DIAGNOSIS, Diagnosis.class);
        enums.put(PersonField.MEDICATION, Medication.class);
        enums.put(PersonField.DISABILITY_KIND, DisabilityKind.class);
        ENUM_FIELDS = Collections.unmodifiableMap(enums);

        Map<PersonField, Category> details = new EnumMap<>(PersonField.class);
        for (PersonField f : List.of(PersonField.RELEASE_DATE, PersonField.OFFENCE, PersonField.SENTENCE)) {
            details.put(f, Category.RELEASED_PRISONER);
        }
        for (PersonField f : List.of(PersonField.DRUG_PROGRAMME, PersonField.DRUG_START_DATE)) {
            details.put(f, Category.DRUG_USER);
        }
        for (PersonField f : List.of(PersonField.CORRECTION_TYPE, PersonField.CORRECTION_START,
                PersonField.CORRECTION_END, PersonField.CORRECTION_LEVEL)) {
            details.put(f, Category.CORRECTION);
        }
        for (PersonField f : List.of(PersonField.DIAGNOSIS, PersonField.MENTAL_RISK_LEVEL, PersonField.CONSENT_DATE,
                PersonField.MEDICATION)) {
            details.put(f, Category.MENTAL_DISORDER);
        }
        for (PersonField f : List.of(PersonField.DISABILITY_KIND, PersonField.DISABILITY_GRADE,
                PersonField.DISABILITY_CERTIFICATE)) {
            details.put(f, Category.DISABLED);
        }
        details.put(PersonField.OTHER_TEXT, Category.OTHER);
        DETAIL_CATEGORY = Collections.unmodifiableMap(details);

        // Words staff commonly write instead of the official names.
        value(Category.class, "刑释人员", Category.RELEASED_PRISONER);
        value(Category.class, "刑满释放", Category.RELEASED_PRISONER);
        value(Category.class, "安置帮教人员", Category.RELEASED_PRISONER);
        value(Category.class, "吸毒", Category.DRUG_USER);
        value(Category.class, "社区矫正", Category.CORRECTION);
        value(Category.class, "社区矫正人员", Category.CORRECTION);
        value(Category.class, "严重精神障碍", Category.MENTAL_DISORDER);
        value(Category.class, "精神障碍患者", Category.MENTAL_DISORDER);
        value(Category.class, "残障人员", Category.DISABLED);
        value(Category.class, "残疾人员", Category.DISABLED);
        value(IdType.class, "身份证", IdType.RESIDENT_ID);
        value(Medication.class, "规律服药", Medication.REGULAR);
        value(Medication.class, "间断服药", Medication.INTERMITTENT);
        value(Medication.class, "未服药", Medication.NONE);
        for (DisabilityKind k : DisabilityKind.values()) {
            value(DisabilityKind.class, k.chinese() + "残疾", k);
        }
    }

    private RosterColumns() {}

    private static void header(String text, PersonField field) {
        HEADERS.put(normaliseHeader(text), field);
    }

    private static void value(Class<?> type, String text, Enum<?> constant) {
        VALUE_ALIASES.computeIfAbsent(type, t -> new HashMap<>()).put(text, constant);
    }

    /**
     * Header text as compared: half-width, without spaces, and without the marks people add to required columns
     * ("姓名*", "*姓名", "姓名（必填）").
     */
    static String normaliseHeader(String raw) {
        if (raw == null) {
            return "";
        }
        String s = Text.halfWidth(raw).replaceAll("\\s+", "").replace("*", "");
        return s.replace("(必填)", "").replace("（必填）", "");
    }

    /** The field a header names; null for a header this program does not know. */
    static PersonField fieldOf(String header) {
        return HEADERS.get(normaliseHeader(header));
    }

    /** The constant a cell's text names (official name or a common alias); null when none matches. */
    static <E extends Enum<E> & Chinese> E parse(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        String t = Text.halfWidth(text).replaceAll("\\s+", "");
        E official = Chinese.fromChinese(type, t);
        if (official != null) {
            return official;
        }
        Enum<?> alias = VALUE_ALIASES.getOrDefault(type, Map.of()).get(t);
        return alias == null ? null : type.cast(alias);
    }

    /** The official names, as listed in a problem: "社区戒毒、社区康复、其他". */
    static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> ((Chinese) e).chinese())
                .collect(Collectors.joining(CATEGORY_JOINER));
    }

    static List<String> allowedList(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> ((Chinese) e).chinese()).toList();
    }
}
