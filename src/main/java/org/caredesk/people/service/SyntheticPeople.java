package org.caredesk.people.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.caredesk.common.IdNumber;
import org.caredesk.common.Problem;
import org.caredesk.common.Progress;
import org.caredesk.common.Sex;
import org.caredesk.common.ValidationException;
import org.caredesk.db.BulkWriteKind;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.Enums.CorrectionType;
import org.caredesk.people.Enums.DisabilityKind;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.DrugProgramme;
import org.caredesk.people.Enums.IdType;
import org.caredesk.people.Enums.LivingSituation;
import org.caredesk.people.Enums.Medication;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonDraft;

/**
 * Fictitious people for scale tests and the search benchmark. The same seed and first number give the same
 * people. Names are drawn from common surname and given-name characters; the populations follow the example
 * community of DOMAIN.md (17 released prisoners, 20 drug users, 3 correction subjects, 32 mental-disorder patients
 * of whom 20 at risk level 3 or above), plus elderly people living alone, disabled people and a few others.
 *
 * <p>ID numbers pass the GB 11643 checksum and never repeat: the area code and the 3-digit sequence number come
 * from a counter ({@code number}), so two different numbers always give two different IDs whatever birth date
 * is drawn. Successive runs that start at the registry's current size therefore never collide with each other.
 */
public final class SyntheticPeople {
    /** People checked at once; each chunk is written in the service's bounded transactions. */
    public static final int CHUNK = 5_000;

    private static final String[] PROVINCES = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
        "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
        "64", "65"};
    private static final long SEQUENCES_PER_AREA = 1_000;
    /** Area codes available: 31 provinces × 9,999 four-digit county parts, 1,000 sequence numbers each. */
    static final long MAX_PEOPLE = 31L * 9_999 * 1_000;

    private static final String[] SURNAMES = chars("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董"
            + "袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
            + "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒"
            + "阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项"
            + "连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明"
            + "佘池查麻苑迟邝");
    private static final String[] COMPOUND_SURNAMES = {"欧阳", "司马", "诸葛", "上官", "皇甫", "令狐", "慕容", "东方"};
    private static final String[] MALE = chars("伟强磊军洋勇杰涛明超斌辉刚健平波峰俊鹏华飞鑫浩宇凯亮志国建成文海东"
            + "林雷龙阳兵永新庆春晨宏博德昊瑞泽轩然睿航启立毅锋诚振翔旭");
    private static final String[] FEMALE = chars("芳娜敏静丽艳娟霞秀玲桂英兰萍红梅琳燕雪洁倩颖婷慧琴云莉凤月华晶璐"
            + "欣怡佳蕾琪菲妍婉瑶薇思雯莹茹");
    private static final String[] NEUTRAL = chars("子一嘉文明志春秋晓海小永振国家金玉宏天");
    private static final String[] UYGHUR_GIVEN_MALE = {"艾力", "买买提", "吐尔逊", "阿不都", "麦合木提", "依明", "努尔"};
    private static final String[] UYGHUR_GIVEN_FEMALE = {"阿依古丽", "热依拉", "古丽", "帕提古丽", "米娜瓦尔"};
    private static final String[] UYGHUR_FATHER = {"艾力", "买买提", "吐尔逊", "热合曼", "阿不来提", "玉素甫", "依明"};
    private static final String[] ETHNICITIES = {"回族", "满族", "壮族", "土家族", "蒙古族", "苗族"};

    private static final String[] ESTATES = {"锦绣花园", "锦绣新村", "锦苑小区", "绣水家园"};
    private static final int BUILDINGS = 36;
    private static final String[] PLACES = {"湖南省长沙市岳麓区", "湖南省衡阳市雁峰区", "湖北省武汉市洪山区",
        "江西省南昌市青山湖区", "广东省广州市白云区", "四川省成都市金牛区", "河南省郑州市金水区", "安徽省合肥市蜀山区",
        "浙江省杭州市拱墅区", "江苏省南京市鼓楼区", "山东省济南市历下区", "广西壮族自治区南宁市青秀区"};
    private static final String[] ROADS = {"建设路", "人民路", "解放路", "中山路", "新华街", "和平路", "东风路",
        "朝阳路", "文化路", "幸福街"};
    private static final String[] STAFF = {"周敏", "李建华", "陈晓红", "王志强", "刘芳", "赵磊", "孙丽娟", "黄海涛"};
    private static final String[] OFFENCES = {"盗窃罪", "诈骗罪", "故意伤害罪", "抢劫罪", "寻衅滋事罪", "危险驾驶罪",
        "贩卖毒品罪", "聚众斗殴罪", "敲诈勒索罪", "交通肇事罪"};
    private static final String[] OTHER_TEXTS = {"信访重点人员", "困境儿童家庭", "低保户", "重点优抚对象",
        "刑满释放人员家属"};
    private static final String[] RELATIONS = {"配偶", "子女", "父亲", "母亲", "兄弟姐妹", "其他亲属"};
    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "135", "136", "137", "138", "139",
        "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "177", "180", "181", "182", "183",
        "185", "186", "187", "188", "189", "191", "198", "199"};

    /** Main populations weighted like DOMAIN.md's example community, with elderly, disabled and other added. */
    private static final Category[] PRIMARY = {Category.RELEASED_PRISONER, Category.DRUG_USER, Category.CORRECTION,
        Category.MENTAL_DISORDER, Category.ELDERLY_ALONE, Category.DISABLED, Category.OTHER};
    private static final int[] PRIMARY_WEIGHTS = {17, 20, 3, 32, 25, 15, 3};
    /** Risk levels 0..5 of the 32 example patients: 20 at level 3 or above. */
    private static final int[] RISK_WEIGHTS = {3, 4, 5, 10, 7, 3};
    /** Share of people who belong to a second, related population (percent). */
    private static final int SECOND_CATEGORY_PERCENT = 8;

    private final SplittableRandom random;
    private final LocalDate today;
    private long number;

    /**
     * @param seed        the same seed gives the same people
     * @param firstNumber the counter the first person's ID is made from; start at the registry's size so that
     *                    people generated by earlier runs keep their IDs to themselves
     * @param today       birth and programme dates are drawn before this day
     */
    public SyntheticPeople(long seed, long firstNumber, LocalDate today) {
        if (firstNumber < 0 || firstNumber >= MAX_PEOPLE) {
            throw new IllegalArgumentException("firstNumber out of range: " + firstNumber);
        }
        this.random = new SplittableRandom(seed);
        this.today = today;
        this.number = firstNumber;
    }

    /** The counter the next person's ID number is made from. */
    public long nextNumber() {
        return number;
    }

    public List<PersonDraft> next(int count) {
        List<PersonDraft> drafts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            drafts.add(next());
        }
        return drafts;
    }

    public PersonDraft next() {
        if (number >= MAX_PEOPLE) {
            throw new IllegalStateException("no more unique ID numbers");
        }
        long n = number++;
        Category primary = PRIMARY[weighted(PRIMARY_WEIGHTS)];
        Category second = random.nextInt(100) < SECOND_CATEGORY_PERCENT ? related(primary) : null;
        boolean elderly = primary == Category.ELDERLY_ALONE;
        int age = elderly ? between(60, 95) : between(20, primary == Category.MENTAL_DISORDER
                || primary == Category.DISABLED ? 85 : 70);
        LocalDate birth = today.minusYears(age).minusDays(between(1, 364));
        String idNumber = idNumber(n, birth);
        Sex sex = IdNumber.sex(idNumber);

        boolean uyghur = random.nextInt(200) == 0;
        String surname = uyghur ? null : surname();
        String name = uyghur ? uyghurName(sex) : surname + givenName(sex);
        String ethnicity = uyghur ? "维吾尔族" : random.nextInt(100) < 92 ? "汉族" : pick(ETHNICITIES);

        List<Membership> memberships = new ArrayList<>(2);
        memberships.add(membership(primary, birth, idNumber));
        if (second != null) {
            memberships.add(membership(second, birth, idNumber));
            memberships.sort(Comparator.comparing(Membership::category));
        }

        LivingSituation living = elderly ? LivingSituation.ALONE : livingSituation();
        boolean emergency = random.nextInt(100) < 85;
        String emergencyName = null;
        String relation = null;
        String emergencyPhone = null;
        if (emergency) {
            relation = elderly ? "子女" : pick(RELATIONS);
            String familyName = uyghur || "配偶".equals(relation) || "母亲".equals(relation) ? surname() : surname;
            emergencyName = familyName + givenName(random.nextBoolean() ? Sex.MALE : Sex.FEMALE);
            emergencyPhone = mobile();
        }
        int floor = between(1, 18);
        return new PersonDraft(name, IdType.RESIDENT_ID, idNumber, ethnicity, mobile(),
                random.nextInt(100) < 15 ? mobile() : null,
                pick(ESTATES), between(1, BUILDINGS) + "栋", between(1, 4) + "单元",
                String.format(Locale.ROOT, "%d%02d", floor, between(1, 4)),
                pick(PLACES) + pick(ROADS) + between(1, 300) + "号", living, emergencyName, relation, emergencyPhone,
                pick(STAFF), null, memberships);
    }

    /**
     * Registers {@code count} synthetic people as one bulk write (docs/decisions/0017): checked in chunks of
     * {@link #CHUNK}, written in the service's bounded transactions, taken back whole if the program stops first. A
     * generated ID number that someone in the registry already holds (a hand-entered or imported person) is
     * replaced by a fresh one and the chunk checked again. A cancel between chunks keeps the people written so far.
     *
     * @return how many were registered: {@code count}, or fewer when progress was cancelled between chunks
     */
    public int registerInto(PersonService people, int count, Progress progress) {
        PersonService.BulkWrite write = people.beginBulkWrite(BulkWriteKind.GENERATE, null, count);
        try {
            int done = registerInto(people, write, count, progress);
            people.finishBulkWrite(write, people.importSummary(null, done));
            return done;
        } catch (RuntimeException | Error e) {
            people.abandonBulkWrite(write, e);
            throw e;
        }
    }

    /** As {@link #registerInto(PersonService, int, Progress)}, into a bulk write the caller began and ends. */
    public int registerInto(PersonService people, PersonService.BulkWrite write, int count, Progress progress) {
        int done = 0;
        progress.update(0, count);
        while (done < count && !progress.isCancelled()) {
            List<PersonDraft> chunk = next(Math.min(CHUNK, count - done));
            registerChunk(people, write, chunk);
            done += chunk.size();
            progress.update(done, count);
        }
        return done;
    }

    private void registerChunk(PersonService people, PersonService.BulkWrite write, List<PersonDraft> chunk) {
        List<PersonDraft> drafts = new ArrayList<>(chunk);
        for (int attempt = 0;; attempt++) {
            try {
                people.registerInto(write, drafts, Progress.NONE);
                return;
            } catch (ValidationException e) {
                Set<String> taken = takenIdNumbers(e.problems());
                if (taken == null || attempt >= 3) {
                    throw e;
                }
                for (int i = 0; i < drafts.size(); i++) {
                    if (taken.contains(drafts.get(i).idNumber())) {
                        drafts.set(i, next());
                    }
                }
            }
        }
    }

    /** The ID numbers refused because someone already holds them, or null if anything else was refused. */
    private static Set<String> takenIdNumbers(List<Problem> problems) {
        Set<String> taken = new HashSet<>();
        for (Problem p : problems) {
            if (!p.key().equals("problem.idNumber.duplicate") && !p.key().equals("problem.idNumber.duplicateClosed")) {
                return null;
            }
            taken.add(String.valueOf(p.args().get(0)));
        }
        return taken;
    }

    /** Area code and sequence number from the counter, birth date as drawn, then the check character. */
    static String idNumber(long n, LocalDate birth) {
        long area = n / SEQUENCES_PER_AREA;
        String areaCode = PROVINCES[(int) (area % PROVINCES.length)]
                + String.format(Locale.ROOT, "%04d", area / PROVINCES.length + 1);
        String first17 = areaCode
                + String.format(Locale.ROOT, "%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
                        birth.getDayOfMonth())
                + String.format(Locale.ROOT, "%03d", n % SEQUENCES_PER_AREA);
        return first17 + IdNumber.checkChar(first17);
    }

    private Category related(Category primary) {
        switch (primary) {
            case RELEASED_PRISONER:
                return Category.DRUG_USER;
            case DRUG_USER:
                return random.nextBoolean() ? Category.RELEASED_PRISONER : Category.CORRECTION;
            case CORRECTION:
                return Category.DRUG_USER;
            case MENTAL_DISORDER:
            case ELDERLY_ALONE:
                return Category.DISABLED;
            case DISABLED:
                return Category.MENTAL_DISORDER;
            default:
                return null;
        }
    }

    private Membership membership(Category c, LocalDate birth, String idNumber) {
        LocalDate adult = birth.plusYears(18);
        switch (c) {
            case RELEASED_PRISONER:
                return Membership.releasedPrisoner(dateBetween(later(adult, today.minusYears(5)), today.minusDays(1)),
                        pick(OFFENCES), "有期徒刑" + between(1, 10) + "年");
            case DRUG_USER:
                DrugProgramme programme = random.nextInt(100) < 55 ? DrugProgramme.COMMUNITY_DETOX
                        : random.nextInt(100) < 90 ? DrugProgramme.COMMUNITY_REHAB : DrugProgramme.OTHER;
                return Membership.drugUser(programme, dateBetween(later(adult, today.minusYears(3)),
                        today.minusDays(1)));
            case CORRECTION:
                LocalDate start = dateBetween(later(adult, today.minusYears(2)), today.minusDays(1));
                CorrectionLevel level = random.nextInt(100) < 20 ? CorrectionLevel.STRICT
                        : random.nextInt(100) < 70 ? CorrectionLevel.NORMAL : CorrectionLevel.LENIENT;
                return Membership.correction(pick(CorrectionType.values()), start,
                        start.plusMonths(between(6, 36)), level);
            case MENTAL_DISORDER:
                LocalDate consent = random.nextInt(100) < 70
                        ? dateBetween(later(adult, today.minusYears(3)), today.minusDays(1)) : null;
                Medication medication = random.nextInt(100) < 60 ? Medication.REGULAR
                        : random.nextInt(100) < 70 ? Medication.INTERMITTENT : Medication.NONE;
                return Membership.mentalDisorder(pick(Diagnosis.values()), weighted(RISK_WEIGHTS), consent,
                        medication);
            case DISABLED:
                DisabilityKind kind = pick(DisabilityKind.values());
                int grade = between(1, 4);
                // The certificate number of the 第二代残疾人证: ID number, kind (1-7) and grade.
                return Membership.disabled(kind, grade, idNumber + (kind.ordinal() + 1) + grade);
            case OTHER:
                return Membership.other(pick(OTHER_TEXTS));
            default:
                return Membership.of(c);
        }
    }

    private String surname() {
        return random.nextInt(100) == 0 ? pick(COMPOUND_SURNAMES) : pick(SURNAMES);
    }

    private String givenName(Sex sex) {
        String[] chars = sex == Sex.MALE ? MALE : FEMALE;
        int shape = random.nextInt(10);
        if (shape < 3) {
            return pick(chars);
        }
        return (shape < 5 ? pick(NEUTRAL) : pick(chars)) + pick(chars);
    }

    private String uyghurName(Sex sex) {
        return pick(sex == Sex.MALE ? UYGHUR_GIVEN_MALE : UYGHUR_GIVEN_FEMALE) + "·" + pick(UYGHUR_FATHER);
    }

    private LivingSituation livingSituation() {
        int r = random.nextInt(100);
        return r < 80 ? LivingSituation.WITH_FAMILY : r < 92 ? LivingSituation.ALONE : LivingSituation.OTHER;
    }

    private String mobile() {
        return pick(MOBILE_PREFIXES) + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
    }

    private LocalDate dateBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return from;
        }
        return from.plusDays(random.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String[] chars(String s) {
        return s.codePoints().mapToObj(Character::toString).toArray(String[]::new);
    }
}
