package org.caredesk.roster.service;

import org.caredesk.people.service.PersonService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.caredesk.roster.service.RosterTestSheets.id;
import static org.caredesk.roster.service.RosterTestSheets.sheet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.apache.poi.ss.usermodel.FormulaError;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.common.UserException;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.DisabilityKind;
import org.caredesk.people.Enums.DrugProgramme;
import org.caredesk.people.Enums.Medication;
import org.caredesk.people.Membership;
import org.caredesk.people.MissingDetails;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonField;
import org.caredesk.people.PersonQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

@OnBothDatabases
class RosterImporterTest {
    @Parameter
    TestDatabase database;

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @TempDir
    Path dir;
    private AppContext ctx;
    private PersonService people;
    private RosterImporter importer;

    private final String idA = id("11010519800101001");
    private final String idB = id("43010219750315002");
    private final String idC = id("43010319900720003");

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        Clock clock = Clock.fixed(ZonedDateTime.of(TODAY.atTime(10, 0), ZONE).toInstant(), ZONE);
        ctx = database.context(dir, clock);
        people = ctx.people();
        importer = new RosterImporter(people);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private ImportResult dryRun(RosterTestSheets sheet) {
        return importer.importFile(sheet.writeTo(dir.resolve("roster.xlsx")), true, Progress.NONE);
    }

    private ImportResult importForReal(RosterTestSheets sheet) {
        return importer.importFile(sheet.writeTo(dir.resolve("roster.xlsx")), false, Progress.NONE);
    }

    private static RosterTestSheets basic() {
        return sheet().row("姓名", "证件号码", "人员类别", "联系电话", "楼栋");
    }

    /** The only problem of a result, asserting there is exactly one. */
    private static ImportProblem only(ImportResult r) {
        assertThat(r.problems()).as("problems: %s", r.problems()).hasSize(1);
        return r.problems().get(0);
    }

    private Person person(String name) {
        var rows = people.search(PersonQuery.text(name)).items();
        assertThat(rows).hasSize(1);
        return people.find(rows.get(0).id()).orElseThrow();
    }

    private static Membership membership(Person p, Category c) {
        return p.data().memberships().stream().filter(m -> m.category() == c).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ good files

    @Test
    void goodRows_areImportedWithTheirDetails() {
        RosterTestSheets s = sheet()
                .row("姓名", "证件号码", "人员类别", "联系电话", "小区", "楼栋", "释放日期", "罪名", "戒毒类型", "戒毒开始日期",
                        "诊断", "危险性等级", "服药情况", "残疾类别", "残疾等级")
                .row("张三丰", idA, "刑满释放人员、吸毒人员", "13800001111、13900002222", "锦绣花园", "3栋",
                        LocalDate.of(2023, 5, 1), "盗窃罪", "社区康复", "2024/3/5")
                .row("买买提·艾力", idB, "严重精神障碍患者，残疾人", "+86 139-0000-3333", "锦绣花园", "7栋", null, null,
                        null, null, "精神分裂症", "3级", "规律服药", "精神残疾", 2);

        ImportResult r = importForReal(s);

        assertThat(r.problems()).isEmpty();
        assertThat(r.refused()).isFalse();
        assertThat(r.rowsRead()).isEqualTo(2);
        assertThat(r.imported()).isEqualTo(2);
        Person zhang = person("张三丰");
        assertThat(zhang.data().phone1()).isEqualTo("13800001111");
        assertThat(zhang.data().phone2()).isEqualTo("13900002222");
        assertThat(zhang.data().building()).isEqualTo("3栋");
        assertThat(membership(zhang, Category.RELEASED_PRISONER).releaseDate()).isEqualTo(LocalDate.of(2023, 5, 1));
        assertThat(membership(zhang, Category.RELEASED_PRISONER).offence()).isEqualTo("盗窃罪");
        Membership drug = membership(zhang, Category.DRUG_USER);
        assertThat(drug.drugProgramme()).isEqualTo(DrugProgramme.COMMUNITY_REHAB);
        assertThat(drug.drugStartDate()).isEqualTo(LocalDate.of(2024, 3, 5));
        Person maimaiti = person("买买提·艾力");
        assertThat(maimaiti.data().phone1()).isEqualTo("13900003333");
        Membership mental = membership(maimaiti, Category.MENTAL_DISORDER);
        assertThat(mental.mentalRiskLevel()).isEqualTo(3);
        assertThat(mental.medication()).isEqualTo(Medication.REGULAR);
        Membership disabled = membership(maimaiti, Category.DISABLED);
        assertThat(disabled.disabilityKind()).isEqualTo(DisabilityKind.MENTAL);
        assertThat(disabled.disabilityGrade()).isEqualTo(2);
    }

    @Test
    void minimalRoster_importsRowsWithoutCategoryDetails_andMarksThemDetailsMissing() {
        ImportResult r = importForReal(sheet().row("姓名", "证件号码", "人员类别")
                .row("张三", idA, "刑满释放人员")
                .row("李四", idB, "社区矫正对象")
                .row("王五", idC, "严重精神障碍患者、独居老人"));

        assertThat(r.refused()).isFalse();
        assertThat(r.imported()).isEqualTo(3);
        ImportProblem p = only(r);
        assertThat(p.warning()).isTrue();
        assertThat(p.localized()).isEqualTo("有 3 人的类别资料不全（如没有释放日期、危险性等级），导入后标为“资料待补”，"
                + "可在“今日工作”中查看并补录。");
        assertThat(membership(person("张三"), Category.RELEASED_PRISONER).releaseDate()).isNull();
        assertThat(MissingDetails.of(person("李四").data().memberships())).containsExactly(
                PersonField.CORRECTION_TYPE, PersonField.CORRECTION_START, PersonField.CORRECTION_END,
                PersonField.CORRECTION_LEVEL);
        assertThat(MissingDetails.note(person("王五").data().memberships()))
                .isEqualTo("资料待补：诊断、危险性等级。可以先保存，知道后再补录。");
    }

    @Test
    void wrongDetails_areStillRefused_byRowAndColumn_whileEmptyOnesWait() {
        ImportResult r = dryRun(sheet().row("姓名", "证件号码", "人员类别", "释放日期", "矫正类别")
                .row("张三", idA, "刑满释放人员", "2021-13-45", null)
                .row("李四", idB, "社区矫正对象", null, "监外服刑")
                .row("王五", idC, "刑满释放人员", null, null));

        assertThat(r.refused()).isTrue();
        assertThat(r.errors()).extracting(ImportProblem::row, ImportProblem::column, e -> e.problem().key())
                .containsExactly(tuple(2, "释放日期", "roster.problem.badDate"),
                        tuple(3, "矫正类别", "roster.problem.unknownValue"));
        assertThat(r.errors().get(0).localized()).startsWith("第 2 行，“释放日期”列：“2021-13-45”不是能识别的日期");
        assertThat(r.errors().get(1).localized()).startsWith("第 3 行，“矫正类别”列：“监外服刑”不是可选的内容");
    }

    @Test
    void dates_areReadFromDateCellsAndTheUsualWaysOfWritingThem() {
        RosterTestSheets s = sheet().row("姓名", "证件号码", "人员类别", "释放日期");
        Object[] dates = {LocalDate.of(2021, 3, 5), "2021-03-05", "2021/3/5", "2021.3.5", "20210305", "2021年3月5日",
            20210305, "２０２１－０３－０５", "2021-03-05 00:00:00"};
        for (int i = 0; i < dates.length; i++) {
            s.row("人员" + (char) ('甲' + i), id(String.format("1101051980010110%d", i)), "刑满释放人员", dates[i]);
        }

        ImportResult r = importForReal(s);

        assertThat(r.problems()).isEmpty();
        assertThat(r.imported()).isEqualTo(dates.length);
        for (int i = 0; i < dates.length; i++) {
            Person p = person("人员" + (char) ('甲' + i));
            assertThat(membership(p, Category.RELEASED_PRISONER).releaseDate()).as("row %d", i + 2)
                    .isEqualTo(LocalDate.of(2021, 3, 5));
        }
    }

    @Test
    void headers_areFoundInAnyOrderOnTheFirstNonEmptyRow() {
        RosterTestSheets s = sheet().blankRow().blankRow()
                .row(null, "楼栋", "人员类别", "证件号码", "姓名")
                .row(null, "5栋", "独居老人", idA, "王秀英")
                .row(null, "6栋", "独居老人", "1101051980010100", "刘桂兰");

        ImportResult r = dryRun(s);

        ImportProblem p = only(r);
        assertThat(p.row()).isEqualTo(5);
        assertThat(p.column()).isEqualTo("证件号码");
        assertThat(r.rowsRead()).isEqualTo(2);
    }

    @Test
    void commonHeaderAndValueSpellings_areUnderstood() {
        ImportResult r = importForReal(sheet().row("姓名*", "身份证号码", "人员类别", "手机号码", "残疾类别", "释放日期")
                .row("陈建国", idA, "刑释人员、残障人员", "13812345678", "肢体残疾", "2022-01-01"));

        assertThat(r.problems()).isEmpty();
        Person p = person("陈建国");
        assertThat(p.data().categories()).containsExactlyInAnyOrder(Category.RELEASED_PRISONER, Category.DISABLED);
        assertThat(membership(p, Category.DISABLED).disabilityKind()).isEqualTo(DisabilityKind.PHYSICAL);
    }

    @Test
    void missingRequiredHeader_isOneProblemNamingIt_andNothingElseIsChecked() {
        RosterTestSheets s = sheet().row("姓名", "人员类别", "联系电话")
                .row("", "不存在的类别", "123")
                .row("李四", "独居老人", "abc");

        ImportResult r = dryRun(s);

        ImportProblem p = only(r);
        assertThat(p.row()).isEqualTo(1);
        assertThat(p.column()).isNull();
        assertThat(p.localized()).isEqualTo("第 1 行：表头中找不到“证件号码”这一列。请在表头行加上“证件号码”列后再导入。");
        assertThat(r.refused()).isTrue();
        assertThat(r.rowsRead()).isZero();
    }

    // ------------------------------------------------------------------ each kind of mistake

    @Test
    void wrongChecksum_namesRowColumnAndReason() {
        String wrong = idA.substring(0, 17) + (idA.charAt(17) == '1' ? '2' : '1');
        ImportProblem p = only(dryRun(basic().row("张三", wrong, "独居老人")));

        assertThat(p.row()).isEqualTo(2);
        assertThat(p.column()).isEqualTo("证件号码");
        assertThat(p.localized()).isEqualTo("第 2 行，“证件号码”列：身份证号码最后一位校验码不对，请核对是否有某一位输错了。");
    }

    @Test
    void seventeenDigits_saysHowManyThereAre() {
        ImportProblem p = only(dryRun(basic().row("张三", idA.substring(0, 17), "独居老人")));

        assertThat(p.column()).isEqualTo("证件号码");
        assertThat(p.message()).isEqualTo("身份证号码应为 18 位，现在是 17 位。");
    }

    @Test
    void idNumberStoredAsNumber_saysTheDigitsAreLostAndHowToFixIt() {
        ImportProblem p = only(dryRun(basic().row("张三", Double.parseDouble(idA.substring(0, 17) + "1"), "独居老人")));

        assertThat(p.row()).isEqualTo(2);
        assertThat(p.column()).isEqualTo("证件号码");
        assertThat(p.problem().key()).isEqualTo("roster.problem.idNumberAsNumber");
        assertThat(p.message()).contains("15 位").contains("“文本”").contains("重新输入");
    }

    @Test
    void idNumberShownInScientificNotation_isTheSameMistake() {
        ImportProblem p = only(dryRun(basic().row("张三", "1.10105E+17", "独居老人")));

        assertThat(p.problem().key()).isEqualTo("roster.problem.idNumberAsNumber");
    }

    @Test
    void missingName_asksForIt() {
        ImportProblem p = only(dryRun(basic().row(null, idA, "独居老人")));

        assertThat(p.localized()).isEqualTo("第 2 行，“姓名”列：请填写姓名。");
    }

    @Test
    void unknownCategory_listsTheAllowedOnes() {
        ImportProblem p = only(dryRun(basic().row("张三", idA, "低保户")));

        assertThat(p.column()).isEqualTo("人员类别");
        assertThat(p.message()).isEqualTo("不认识人员类别“低保户”。可以填：刑满释放人员、吸毒人员、社区矫正对象、严重精神障碍患者、"
                + "独居老人、残疾人、其他；多个类别之间用顿号“、”隔开。");
    }

    @Test
    void unknownValue_listsTheAllowedOnes() {
        ImportProblem p = only(dryRun(sheet().row("姓名", "证件号码", "人员类别", "戒毒类型", "戒毒开始日期")
                .row("张三", idA, "吸毒人员", "强制戒毒", "2025-01-01")));

        assertThat(p.column()).isEqualTo("戒毒类型");
        assertThat(p.message()).isEqualTo("“强制戒毒”不是可选的内容。可以填：社区戒毒、社区康复、其他。");
    }

    @Test
    void phoneWithTenDigits_isNotAMobileNumber() {
        ImportProblem p = only(dryRun(basic().row("张三", idA, "独居老人", "1380013800")));

        assertThat(p.column()).isEqualTo("联系电话");
        assertThat(p.message()).isEqualTo("联系电话“1380013800”不是有效的手机号码（应为 1 开头的 11 位数字）。");
    }

    @Test
    void phones_spacesInsideOneNumberAreNotASeparator() {
        ImportResult r = importForReal(basic().row("张三", idA, "独居老人", "138 0013 8000")
                .row("李四", idB, "独居老人", "13800138001 13900139001")
                .row("王五", idC, "独居老人", "13800138002/13900139002"));

        assertThat(r.problems()).isEmpty();
        assertThat(person("张三").data().phone1()).isEqualTo("13800138000");
        assertThat(person("李四").data().phone2()).isEqualTo("13900139001");
        assertThat(person("王五").data().phone2()).isEqualTo("13900139002");
    }

    @Test
    void threePhones_areTooMany() {
        ImportProblem p = only(dryRun(basic().row("张三", idA, "独居老人", "13800138001、13800138002、13800138003")));

        assertThat(p.column()).isEqualTo("联系电话");
        assertThat(p.message()).isEqualTo("联系电话最多填两个号码，现在有 3 个。");
    }

    @Test
    void correctionEndBeforeStart_isReportedOnTheEndColumn() {
        ImportProblem p = only(dryRun(sheet().row("姓名", "证件号码", "人员类别", "矫正类别", "矫正开始日期", "矫正结束日期", "矫正级别")
                .row("张三", idA, "社区矫正对象", "缓刑", "2025-06-01", "2025-01-01", "普管")));

        assertThat(p.column()).isEqualTo("矫正结束日期");
        assertThat(p.message()).isEqualTo("矫正结束日期必须晚于开始日期。");
    }

    @Test
    void riskLevelSeven_isOutOfRange() {
        ImportProblem p = only(dryRun(sheet().row("姓名", "证件号码", "人员类别", "诊断", "危险性等级")
                .row("张三", idA, "严重精神障碍患者", "精神分裂症", 7)));

        assertThat(p.column()).isEqualTo("危险性等级");
        assertThat(p.message()).isEqualTo("危险性等级应为 0 到 5，现在是 7。");
    }

    @Test
    void riskLevelThatIsNoNumber_saysSo() {
        ImportProblem p = only(dryRun(sheet().row("姓名", "证件号码", "人员类别", "诊断", "危险性等级")
                .row("张三", idA, "严重精神障碍患者", "精神分裂症", "较高")));

        assertThat(p.column()).isEqualTo("危险性等级");
        assertThat(p.message()).isEqualTo("“较高”不是整数，请只填数字，例如 3。");
    }

    @Test
    void dateInTheFuture_isRefused() {
        ImportProblem p = only(dryRun(sheet().row("姓名", "证件号码", "人员类别", "释放日期")
                .row("张三", idA, "刑满释放人员", LocalDate.of(2099, 1, 1))));

        assertThat(p.column()).isEqualTo("释放日期");
        assertThat(p.message()).isEqualTo("释放日期不能晚于今天。");
    }

    @Test
    void unreadableDate_showsWhatWasWritten() {
        ImportProblem p = only(dryRun(sheet().row("姓名", "证件号码", "人员类别", "释放日期")
                .row("张三", idA, "刑满释放人员", "2021-13-45")));

        assertThat(p.column()).isEqualTo("释放日期");
        assertThat(p.message()).startsWith("“2021-13-45”不是能识别的日期");
    }

    @Test
    void excelErrorValue_isReported() {
        ImportProblem p = only(dryRun(basic().row("张三", idA, "独居老人", null, FormulaError.NA)));

        assertThat(p.column()).isEqualTo("楼栋");
        assertThat(p.message()).isEqualTo("单元格里是 Excel 的错误值 #N/A，请改成实际内容。");
    }

    @Test
    void duplicateInsideTheFile_namesBothRows() {
        ImportProblem p = only(dryRun(basic().row("张三", idA, "独居老人").row("李四", idB, "独居老人")
                .row("张三", idA.toLowerCase(), "独居老人")));

        assertThat(p.row()).isEqualTo(4);
        assertThat(p.column()).isEqualTo("证件号码");
        assertThat(p.message()).isEqualTo("证件号码 " + idA + " 与第 2 行重复，同一个人只能登记一次。");
    }

    @Test
    void duplicateWithSomeoneRegistered_namesThem() {
        people.register(PersonDraft.minimal("赵六", idA, List.of(Membership.of(Category.ELDERLY_ALONE))));

        ImportProblem p = only(dryRun(basic().row("张三", idA, "独居老人")));

        assertThat(p.column()).isEqualTo("证件号码");
        assertThat(p.message()).contains(idA).contains("赵六");
    }

    @Test
    void detailWithoutItsCategory_isAWarningThatDoesNotStopTheImport() {
        ImportResult r = importForReal(sheet().row("姓名", "证件号码", "人员类别", "释放日期")
                .row("张三", idA, "独居老人", "2021-03-05"));

        ImportProblem p = only(r);
        assertThat(p.warning()).isTrue();
        assertThat(p.column()).isEqualTo("释放日期");
        assertThat(p.message()).isEqualTo("填写了“释放日期”，但人员类别中没有“刑满释放人员”，这一项不会导入。");
        assertThat(r.refused()).isFalse();
        assertThat(r.imported()).isEqualTo(1);
    }

    @Test
    void unknownHeader_isAWarning() {
        ImportResult r = dryRun(sheet().row("序号", "姓名", "证件号码", "人员类别").row(1, "张三", idA, "独居老人"));

        ImportProblem p = only(r);
        assertThat(p.warning()).isTrue();
        assertThat(p.row()).isEqualTo(1);
        assertThat(p.column()).isEqualTo("序号");
        assertThat(r.refused()).isFalse();
        assertThat(r.rowsRead()).isEqualTo(1);
    }

    @Test
    void blankRows_areSkippedAndRowNumbersStayThoseOfExcel() {
        ImportResult r = dryRun(basic().row("张三", idA, "独居老人").blankRow().row("  ", "", null)
                .row("李四", "123", "独居老人"));

        assertThat(r.rowsRead()).isEqualTo(2);
        assertThat(only(r).row()).isEqualTo(5);
    }

    @Test
    void headerOnly_hasNobodyToImport() {
        ImportResult r = dryRun(basic());

        assertThat(only(r).problem().key()).isEqualTo("roster.problem.noRows");
        assertThat(r.refused()).isTrue();
    }

    // ------------------------------------------------------------------ all or nothing, dry run, progress

    @Test
    void realImport_isAllOrNothing() {
        RosterTestSheets bad = basic().row("张三", idA, "独居老人").row("李四", "123", "独居老人").row("王五", idC, "独居老人");

        ImportResult refused = importForReal(bad);

        assertThat(refused.refused()).isTrue();
        assertThat(refused.imported()).isZero();
        assertThat(people.count()).isZero();

        ImportResult ok = importForReal(basic().row("张三", idA, "独居老人").row("李四", idB, "独居老人")
                .row("王五", idC, "独居老人"));

        assertThat(ok.imported()).isEqualTo(3);
        assertThat(people.count()).isEqualTo(3);
    }

    @Test
    void dryRun_writesNothing() {
        ImportResult r = dryRun(basic().row("张三", idA, "独居老人").row("李四", idB, "独居老人"));

        assertThat(r.dryRun()).isTrue();
        assertThat(r.refused()).isFalse();
        assertThat(r.imported()).isZero();
        assertThat(r.rowsRead()).isEqualTo(2);
        assertThat(people.count()).isZero();
    }

    @Test
    void progress_isReportedPerRow() {
        List<long[]> updates = new ArrayList<>();
        Progress recording = new Progress() {
            @Override
            public void update(long done, long total) {
                updates.add(new long[] {done, total});
            }

            @Override
            public void message(String text) {}

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        Path file = basic().row("张三", idA, "独居老人").row("李四", idB, "独居老人").row("王五", idC, "独居老人")
                .writeTo(dir.resolve("p.xlsx"));

        importer.importFile(file, false, recording);

        assertThat(updates).extracting(u -> u[0]).containsSubsequence(1L, 2L, 3L);
        assertThat(updates).allSatisfy(u -> assertThat(u[1]).isEqualTo(3L));
    }

    @Test
    void cancelling_stopsAndWritesNothing() {
        Progress cancelAfterFirstRow = new Progress() {
            private long done;

            @Override
            public void update(long d, long total) {
                done = d;
            }

            @Override
            public void message(String text) {}

            @Override
            public boolean isCancelled() {
                return done >= 1;
            }
        };
        Path file = basic().row("张三", idA, "独居老人").row("李四", idB, "独居老人").writeTo(dir.resolve("c.xlsx"));

        assertThatThrownBy(() -> importer.importFile(file, false, cancelAfterFirstRow))
                .isInstanceOf(CancellationException.class);
        assertThat(people.count()).isZero();
    }

    // ------------------------------------------------------------------ files that are no roster

    @Test
    void corruptFile_getsOneClearSentence() throws IOException {
        Path good = basic().row("张三", idA, "独居老人").writeTo(dir.resolve("good.xlsx"));
        byte[] bytes = Files.readAllBytes(good);
        Path broken = Files.write(dir.resolve("损坏.xlsx"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> importer.importFile(broken, true, Progress.NONE))
                .isInstanceOfSatisfying(UserException.class, e -> {
                    assertThat(e.key()).isEqualTo("roster.error.corrupt");
                    assertThat(e.localized()).isEqualTo("无法读取“损坏.xlsx”：文件已损坏，或者不是 Excel 工作簿。"
                            + "请用 Excel 或 WPS 打开它，另存为 .xlsx 后再导入。");
                });
    }

    @Test
    void textFileRenamedToXlsx_getsOneClearSentence() throws IOException {
        Path fake = Files.writeString(dir.resolve("名单.xlsx"), "姓名,证件号码,人员类别\n张三," + idA + ",独居老人\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> importer.importFile(fake, true, Progress.NONE))
                .isInstanceOfSatisfying(UserException.class, e -> {
                    assertThat(e.key()).isEqualTo("roster.error.notExcel");
                    assertThat(e.localized()).startsWith("“名单.xlsx”不是 Excel 工作簿（.xlsx）");
                });
    }

    @Test
    void missingAndEmptyFiles_getOneClearSentence() throws IOException {
        assertThatThrownBy(() -> importer.importFile(dir.resolve("没有.xlsx"), true, Progress.NONE))
                .isInstanceOfSatisfying(UserException.class,
                        e -> assertThat(e.key()).isEqualTo("roster.error.notFound"));
        Path empty = Files.write(dir.resolve("空.xlsx"), new byte[0]);
        assertThatThrownBy(() -> importer.importFile(empty, true, Progress.NONE))
                .isInstanceOfSatisfying(UserException.class, e -> assertThat(e.key()).isEqualTo("roster.error.empty"));
    }

    @Test
    void oldXlsFile_isAskedToBeSavedAsXlsx() throws IOException {
        Path xls = dir.resolve("旧.xls");
        try (var wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook(); var out = Files.newOutputStream(xls)) {
            wb.createSheet("名单").createRow(0).createCell(0).setCellValue("姓名");
            wb.write(out);
        }

        assertThatThrownBy(() -> importer.importFile(xls, true, Progress.NONE))
                .isInstanceOfSatisfying(UserException.class,
                        e -> assertThat(e.key()).isEqualTo("roster.error.oldExcel"));
    }
}
