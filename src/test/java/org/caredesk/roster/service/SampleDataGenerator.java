package org.caredesk.roster.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caredesk.common.IdNumber;
import org.caredesk.people.PersonField;

/**
 * Writes the committed sample rosters in {@code sample-data/}: the demo community (people.xlsx) and a roster full
 * of typical mistakes (people-with-errors.xlsx). Everything is fictitious and fixed by a seed and a reference date,
 * so running it again gives the same rows; {@code RosterSampleDataTest} checks the committed files still match.
 *
 * <p>Run after changing it:
 * {@code ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt && java -cp
 * target/test-classes:target/classes:$(cat target/cp.txt) org.caredesk.roster.service.SampleDataGenerator}
 */
public final class SampleDataGenerator {
    /** "Today" of the demo: every date in the files lies on or before it. */
    static final LocalDate REFERENCE = LocalDate.of(2026, 11, 1);
    static final long SEED = 20_261_101L;

    static final String ESTATE = "锦绣花园";
    static final int BUILDINGS = 12;

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
        "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭",
        "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任", "卢", "姚"};
    private static final String MALE = "伟强军勇杰涛明超刚平辉鹏华飞建国志海波斌鑫磊宇浩俊峰文博红兵亮成林东晖";
    private static final String FEMALE = "芳娟敏静丽艳娜秀英霞燕玲桂兰萍红梅琳婷雪颖慧佳莉倩琴云凤洁春晓";
    /** Household areas: mostly the community's own city (长沙), some from elsewhere. */
    private static final String[][] AREAS = {
        {"430102", "湖南省长沙市芙蓉区"}, {"430103", "湖南省长沙市天心区"}, {"430104", "湖南省长沙市岳麓区"},
        {"430105", "湖南省长沙市开福区"}, {"430111", "湖南省长沙市雨花区"}, {"430121", "湖南省长沙市长沙县"},
        {"430181", "湖南省浏阳市"}, {"430302", "湖南省湘潭市雨湖区"}, {"430405", "湖南省衡阳市珠晖区"},
        {"431002", "湖南省郴州市北湖区"}, {"420106", "湖北省武汉市武昌区"}, {"360102", "江西省南昌市东湖区"}};
    /** Street names found in almost every Chinese city, so they fit any household area. */
    private static final String[] STREETS = {"人民路", "解放路", "建设路", "中山路", "胜利路", "新华路", "和平路",
        "文化路", "东风路", "八一路"};
    private static final String[] STAFF = {"刘敏", "陈晓燕", "周建国", "黄丽"};
    private static final String[] OFFENCES = {"盗窃罪", "诈骗罪", "故意伤害罪", "抢劫罪", "寻衅滋事罪", "非法拘禁罪",
        "贩卖毒品罪", "开设赌场罪", "危险驾驶罪", "职务侵占罪"};
    private static final String[] YEARS = {"一", "二", "三", "四", "五", "六", "七", "八"};
    private static final String[] NOTES = {"低保户", "需定期送药上门", "家属配合良好", "已推荐就业", "行动不便，上门走访",
        "子女在外地工作", "曾申请微心愿"};

    private final Random random = new Random(SEED);
    private final Set<String> ids = new HashSet<>();
    private final Set<String> names = new HashSet<>();

    private SampleDataGenerator() {}

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "sample-data");
        write(people(), dir.resolve("people.xlsx"));
        write(peopleWithErrors(), dir.resolve("people-with-errors.xlsx"));
        write(peopleMinimal(), dir.resolve("people-minimal.xlsx"), MINIMAL_FIELDS);
        System.out.println("Wrote " + dir.toAbsolutePath());
    }

    // ------------------------------------------------------------------ the demo community

    /** The demo community's roster, row by row (header → cell value). */
    static List<Map<PersonField, Object>> people() {
        return new SampleDataGenerator().demo();
    }

    private List<Map<PersonField, Object>> demo() {
        List<Map<PersonField, Object>> rows = new ArrayList<>();
        // Released prisoners: 14 only, 3 also drug users (counted among the 20 drug users).
        for (int i = 0; i < 17; i++) {
            Map<PersonField, Object> p = resident(25, 60, 0.85);
            released(p);
            if (i >= 14) {
                drugUser(p);
            }
            rows.add(p);
        }
        for (int i = 0; i < 17; i++) {
            Map<PersonField, Object> p = resident(22, 55, 0.75);
            drugUser(p);
            rows.add(p);
        }
        rows.add(correction(resident(20, 50, 0.7), "缓刑", 200, 530, "普管"));
        rows.add(correction(resident(20, 50, 0.7), "假释", 40, 300, "严管"));
        rows.add(correction(resident(20, 50, 0.7), "管制", 400, 330, "宽管"));

        // Severe mental disorders: exactly 20 of 32 at risk level 3 or above.
        List<Integer> levels = new ArrayList<>();
        Collections.addAll(levels, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 5, 5, 0, 0, 0, 0, 0, 1, 1, 1,
                1, 2, 2, 2);
        Collections.shuffle(levels, random);
        for (int i = 0; i < 32; i++) {
            Map<PersonField, Object> p = resident(20, 70, 0.55);
            if (i == 0) {
                minority(p);
            }
            mental(p, levels.get(i));
            if (i >= 28) {
                disabled(p, "精神");
            }
            rows.add(p);
        }
        // Elderly living alone: 25, of whom 5 are also disabled.
        String[] elderlyKinds = {"肢体", "视力", "听力", "肢体", "多重"};
        for (int i = 0; i < 25; i++) {
            Map<PersonField, Object> p = resident(70, 92, 0.4);
            p.put(PersonField.CATEGORIES, "独居老人");
            p.put(PersonField.LIVING_SITUATION, "独居");
            if (i >= 20) {
                disabled(p, elderlyKinds[i - 20]);
            }
            rows.add(p);
        }
        String[] kinds = {"肢体", "视力", "听力", "言语", "智力", "肢体", "多重", "肢体", "听力", "智力", "视力"};
        for (String kind : kinds) {
            Map<PersonField, Object> p = resident(18, 80, 0.55);
            disabled(p, kind);
            rows.add(p);
        }
        return rows;
    }

    /** A resident of the community: name, ID, phone, address, staff member, emergency contact. */
    private Map<PersonField, Object> resident(int minAge, int maxAge, double maleShare) {
        boolean male = random.nextDouble() < maleShare;
        LocalDate birth = REFERENCE.minusYears(minAge).minusDays(random.nextInt((maxAge - minAge) * 365));
        String[] area = AREAS[random.nextInt(10) < 7 ? random.nextInt(6) : 6 + random.nextInt(AREAS.length - 6)];
        Map<PersonField, Object> p = new EnumMap<>(PersonField.class);
        String surname = SURNAMES[random.nextInt(SURNAMES.length)];
        p.put(PersonField.NAME, uniqueName(surname, male));
        p.put(PersonField.ID_TYPE, "居民身份证");
        p.put(PersonField.ID_NUMBER, idNumber(area[0], birth, male));
        p.put(PersonField.ETHNICITY, random.nextInt(20) == 0 ? "土家族" : "汉族");
        p.put(PersonField.PHONE1, random.nextInt(7) == 0 ? phone() + "、" + phone() : phone());
        int building = 1 + random.nextInt(BUILDINGS);
        p.put(PersonField.ESTATE, ESTATE);
        p.put(PersonField.BUILDING, building + "栋");
        p.put(PersonField.UNIT, (1 + random.nextInt(3)) + "单元");
        p.put(PersonField.ROOM, String.valueOf((1 + random.nextInt(18)) * 100 + 1 + random.nextInt(4)));
        p.put(PersonField.HOUSEHOLD_ADDRESS, area[1] + STREETS[random.nextInt(STREETS.length)]
                + (1 + random.nextInt(200)) + "号");
        p.put(PersonField.LIVING_SITUATION, random.nextInt(8) == 0 ? "独居" : "与家人同住");
        if (random.nextInt(6) != 0) {
            boolean old = REFERENCE.getYear() - birth.getYear() >= 65;
            String[] relations = old ? new String[] {"儿子", "女儿", "侄子"}
                    : new String[] {"配偶", "母亲", "父亲", "兄弟", "姐妹"};
            String relation = relations[random.nextInt(relations.length)];
            boolean sameSurname = !relation.equals("配偶") && !relation.equals("母亲");
            boolean contactMale = relation.equals("配偶") ? !male
                    : List.of("儿子", "侄子", "父亲", "兄弟").contains(relation);
            p.put(PersonField.EMERGENCY_NAME, uniqueName(sameSurname ? surname
                    : SURNAMES[random.nextInt(SURNAMES.length)], contactMale));
            p.put(PersonField.EMERGENCY_RELATION, relation);
            p.put(PersonField.EMERGENCY_PHONE, phone());
        }
        p.put(PersonField.RESPONSIBLE_STAFF, STAFF[(building - 1) / 3]);
        if (random.nextInt(6) == 0) {
            p.put(PersonField.NOTE, NOTES[random.nextInt(NOTES.length)]);
        }
        return p;
    }

    /** The roster's one Uyghur resident, whose name keeps its middle dot. */
    private void minority(Map<PersonField, Object> p) {
        LocalDate birth = REFERENCE.minusYears(38).minusDays(97);
        p.put(PersonField.NAME, "买买提·艾力");
        names.add("买买提·艾力");
        p.put(PersonField.ID_NUMBER, idNumber("650102", birth, true));
        p.put(PersonField.ETHNICITY, "维吾尔族");
        p.put(PersonField.HOUSEHOLD_ADDRESS, "新疆维吾尔自治区乌鲁木齐市天山区解放南路" + (10 + random.nextInt(90)) + "号");
    }

    private void addCategory(Map<PersonField, Object> p, String category) {
        Object existing = p.get(PersonField.CATEGORIES);
        p.put(PersonField.CATEGORIES, existing == null ? category : existing + "、" + category);
    }

    private void released(Map<PersonField, Object> p) {
        addCategory(p, "刑满释放人员");
        p.put(PersonField.RELEASE_DATE, REFERENCE.minusDays(20 + random.nextInt(1780)));
        p.put(PersonField.OFFENCE, OFFENCES[random.nextInt(OFFENCES.length)]);
        int years = random.nextInt(YEARS.length);
        p.put(PersonField.SENTENCE, "有期徒刑" + YEARS[years] + "年" + (random.nextBoolean() ? "" : "六个月"));
    }

    private void drugUser(Map<PersonField, Object> p) {
        addCategory(p, "吸毒人员");
        p.put(PersonField.DRUG_PROGRAMME, random.nextInt(5) < 3 ? "社区康复" : "社区戒毒");
        p.put(PersonField.DRUG_START_DATE, REFERENCE.minusDays(15 + random.nextInt(1060)));
    }

    private Map<PersonField, Object> correction(Map<PersonField, Object> p, String type, int startedDaysAgo,
            int endsInDays, String level) {
        addCategory(p, "社区矫正对象");
        p.put(PersonField.CORRECTION_TYPE, type);
        p.put(PersonField.CORRECTION_START, REFERENCE.minusDays(startedDaysAgo));
        p.put(PersonField.CORRECTION_END, REFERENCE.plusDays(endsInDays));
        p.put(PersonField.CORRECTION_LEVEL, level);
        return p;
    }

    private void mental(Map<PersonField, Object> p, int level) {
        addCategory(p, "严重精神障碍患者");
        String[] diagnoses = {"精神分裂症", "精神分裂症", "精神分裂症", "精神分裂症", "双相情感障碍", "双相情感障碍",
            "偏执性精神病", "分裂情感性障碍", "癫痫所致精神障碍", "精神发育迟滞伴发精神障碍"};
        p.put(PersonField.DIAGNOSIS, diagnoses[random.nextInt(diagnoses.length)]);
        p.put(PersonField.MENTAL_RISK_LEVEL, level);
        if (random.nextInt(8) != 0) {
            p.put(PersonField.CONSENT_DATE, REFERENCE.minusDays(10 + random.nextInt(900)));
        }
        String[] medication = level >= 3 ? new String[] {"规律", "间断", "间断", "不服药"}
                : new String[] {"规律", "规律", "规律", "间断"};
        p.put(PersonField.MEDICATION, medication[random.nextInt(medication.length)]);
    }

    private void disabled(Map<PersonField, Object> p, String kind) {
        addCategory(p, "残疾人");
        int grade = 1 + random.nextInt(4);
        p.put(PersonField.DISABILITY_KIND, kind);
        p.put(PersonField.DISABILITY_GRADE, grade);
        // The certificate number is the ID number followed by the kind's code and the grade.
        int code = List.of("视力", "听力", "言语", "肢体", "智力", "精神", "多重").indexOf(kind) + 1;
        p.put(PersonField.DISABILITY_CERTIFICATE, p.get(PersonField.ID_NUMBER) + "" + code + grade);
    }

    private String uniqueName(String surname, boolean male) {
        String pool = male ? MALE : FEMALE;
        while (true) {
            StringBuilder name = new StringBuilder(surname);
            int length = random.nextInt(3) == 0 ? 1 : 2;
            for (int i = 0; i < length; i++) {
                name.append(pool.charAt(random.nextInt(pool.length())));
            }
            if (name.length() == 3 && name.charAt(1) == name.charAt(2) && random.nextBoolean()) {
                continue; // 王伟伟 is a name, but rarely; keep them few
            }
            if (names.add(name.toString())) {
                return name.toString();
            }
        }
    }

    private String idNumber(String area, LocalDate birth, boolean male) {
        while (true) {
            int sequence = random.nextInt(1000);
            if ((sequence % 2 == 1) != male) {
                sequence = (sequence + 1) % 1000;
            }
            String first17 = area + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                    birth.getDayOfMonth(), sequence);
            String id = first17 + IdNumber.checkChar(first17);
            if (ids.add(id)) {
                return id;
            }
        }
    }

    private String phone() {
        String[] prefixes = {"139", "138", "137", "135", "150", "151", "158", "173", "177", "180", "186", "189",
            "199"};
        return prefixes[random.nextInt(prefixes.length)] + String.format("%08d", random.nextInt(100_000_000));
    }

    // ------------------------------------------------------------------ the roster with mistakes

    /**
     * Typical mistakes, one per row (Excel rows 3–12), between good rows; Excel row 13 is blank. Rows are listed
     * from Excel row 2; a null entry is a blank row.
     */
    static List<Map<PersonField, Object>> peopleWithErrors() {
        return new SampleDataGenerator().errors();
    }

    private List<Map<PersonField, Object>> errors() {
        List<Map<PersonField, Object>> rows = new ArrayList<>();
        Map<PersonField, Object> first = elderly();
        rows.add(first); // row 2: good

        Map<PersonField, Object> checksum = elderly(); // row 3: last character mistyped
        String id = (String) checksum.get(PersonField.ID_NUMBER);
        checksum.put(PersonField.ID_NUMBER, id.substring(0, 17) + (id.charAt(17) == '9' ? '8' : (char) (
                id.charAt(17) == 'X' ? '0' : id.charAt(17) + 1)));
        rows.add(checksum);

        Map<PersonField, Object> short17 = elderly(); // row 4: a digit left out
        short17.put(PersonField.ID_NUMBER, ((String) short17.get(PersonField.ID_NUMBER)).substring(0, 17));
        rows.add(short17);

        Map<PersonField, Object> numeric = elderly(); // row 5: ID typed into a number cell
        String numericId = (String) numeric.get(PersonField.ID_NUMBER);
        while (numericId.endsWith("X")) {
            numeric = elderly();
            numericId = (String) numeric.get(PersonField.ID_NUMBER);
        }
        numeric.put(PersonField.ID_NUMBER, Double.parseDouble(numericId));
        rows.add(numeric);

        Map<PersonField, Object> nameless = elderly(); // row 6
        nameless.remove(PersonField.NAME);
        rows.add(nameless);

        Map<PersonField, Object> unknownCategory = resident(30, 60, 0.5); // row 7
        unknownCategory.put(PersonField.CATEGORIES, "低保户");
        rows.add(unknownCategory);

        Map<PersonField, Object> shortPhone = elderly(); // row 8: ten digits
        shortPhone.put(PersonField.PHONE1, "1397310452");
        rows.add(shortPhone);

        rows.add(correction(resident(20, 50, 0.7), "缓刑", 100, -200, "普管")); // row 9: ends before it starts

        Map<PersonField, Object> level7 = resident(20, 70, 0.5); // row 10
        mental(level7, 3);
        level7.put(PersonField.MENTAL_RISK_LEVEL, 7);
        rows.add(level7);

        Map<PersonField, Object> duplicate = elderly(); // row 11: same person as row 2
        duplicate.put(PersonField.ID_NUMBER, first.get(PersonField.ID_NUMBER));
        rows.add(duplicate);

        Map<PersonField, Object> future = resident(25, 60, 0.85); // row 12: 2026 typed as 2062
        released(future);
        future.put(PersonField.RELEASE_DATE, LocalDate.of(2062, 5, 18));
        rows.add(future);

        rows.add(null); // row 13: blank, skipped

        Map<PersonField, Object> goodCorrection = correction(resident(20, 50, 0.7), "假释", 60, 240, "普管");
        goodCorrection.put(PersonField.CORRECTION_START, "2026年9月2日"); // row 14: good, dates as text
        rows.add(goodCorrection);

        Map<PersonField, Object> goodMental = resident(20, 70, 0.5); // row 15: good
        mental(goodMental, 2);
        goodMental.put(PersonField.CONSENT_DATE, "2024/6/15");
        rows.add(goodMental);
        return rows;
    }

    /** The columns of a minimal roster: only the required ones. */
    static final List<PersonField> MINIMAL_FIELDS = List.of(PersonField.NAME, PersonField.ID_NUMBER,
            PersonField.CATEGORIES);

    /**
     * A roster as offices often keep one (issue 9): only 姓名, 证件号码, 人员类别, so every category detail is
     * missing; it imports, and the people with details to come are 资料待补.
     */
    static List<Map<PersonField, Object>> peopleMinimal() {
        return new SampleDataGenerator().minimal();
    }

    private List<Map<PersonField, Object>> minimal() {
        List<Map<PersonField, Object>> rows = new ArrayList<>();
        String[] categories = {"刑满释放人员", "社区矫正对象", "严重精神障碍患者", "吸毒人员", "残疾人", "独居老人",
            "刑满释放人员、吸毒人员"};
        for (String category : categories) {
            Map<PersonField, Object> p = resident(25, 75, 0.6);
            p.put(PersonField.CATEGORIES, category);
            rows.add(p);
        }
        return rows;
    }

    private Map<PersonField, Object> elderly() {
        Map<PersonField, Object> p = resident(70, 90, 0.4);
        p.put(PersonField.CATEGORIES, "独居老人");
        p.put(PersonField.LIVING_SITUATION, "独居");
        return p;
    }

    // ------------------------------------------------------------------ writing

    /** Writes rows in the import format; a null row stays blank. */
    static void write(List<Map<PersonField, Object>> rows, Path file) {
        write(rows, file, RosterColumns.IMPORT_FIELDS);
    }

    /** Writes rows with only the given columns, in that order. */
    static void write(List<Map<PersonField, Object>> rows, Path file, List<PersonField> fields) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            // A fixed creation time keeps the committed file from changing when nothing else did.
            wb.getProperties().getCoreProperties().setCreated(Optional.of(
                    Date.from(REFERENCE.atStartOfDay().toInstant(ZoneOffset.UTC))));
            RosterSheets.Styles styles = RosterSheets.styles(wb);
            Sheet sheet = wb.createSheet("人员名单");
            RosterSheets.header(sheet, styles, fields);
            for (int r = 0; r < rows.size(); r++) {
                Map<PersonField, Object> values = rows.get(r);
                if (values == null) {
                    continue;
                }
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < fields.size(); c++) {
                    Object v = values.get(fields.get(c));
                    if (v != null) {
                        RosterSheets.set(row.createCell(c), fields.get(c), v, styles);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            wb.write(bytes);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                withFixedTimes(bytes.toByteArray(), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a zip (an .xlsx) with every entry stamped at the reference date, so equal content gives equal bytes. */
    private static void withFixedTimes(byte[] zip, OutputStream target) throws IOException {
        long time = REFERENCE.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(target)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(time);
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
    }
}
