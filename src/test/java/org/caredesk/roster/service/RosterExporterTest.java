package org.caredesk.roster.service;

import org.caredesk.people.service.PersonService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caredesk.roster.service.RosterTestSheets.id;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.common.IdNumber;
import org.caredesk.common.Progress;
import org.caredesk.common.ValidationException;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.Medication;
import org.caredesk.people.Enums.PersonStatus;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonQuery;
import org.caredesk.security.AccessDeniedException;
import org.caredesk.security.Role;
import org.caredesk.security.UserIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

@OnBothDatabases
class RosterExporterTest {
    @Parameter
    TestDatabase database;

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;
    private AppContext ctx;
    private PersonService people;
    private RosterExporter exporter;
    private final String zhangId = id("11010519800101001");

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        Clock clock = Clock.fixed(ZonedDateTime.of(2026, 11, 26, 10, 0, 0, 0, ZONE).toInstant(), ZONE);
        ctx = database.context(dir.resolve("data"), clock);
        people = ctx.people();
        exporter = new RosterExporter(people, ctx.tempDir());

        people.register(draft("张三", zhangId, "3栋", List.of(Membership.of(Category.ELDERLY_ALONE),
                Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, 4, null, Medication.REGULAR))));
        people.register(draft("李四", id("43010219750315002"), "5栋",
                List.of(Membership.of(Category.ELDERLY_ALONE))));
        Person wang = people.register(draft("王五", id("43010319900720003"), "5栋",
                List.of(Membership.of(Category.ELDERLY_ALONE))));
        people.close(wang.id(), CloseReason.MOVED_AWAY, LocalDate.of(2026, 10, 1), null, wang.version());
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private static PersonDraft draft(String name, String idNumber, String building, List<Membership> memberships) {
        return new PersonDraft(name, null, idNumber, null, "13812345678", null, "锦绣花园", building, null, null, null,
                null, null, null, null, "刘敏", null, memberships);
    }

    private static List<List<String>> read(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Row row : wb.getSheetAt(0)) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < RosterExporter.HEADERS.size(); c++) {
                    Cell cell = row.getCell(c);
                    values.add(cell == null ? "" : cell.getStringCellValue());
                }
                rows.add(values);
            }
        }
        return rows;
    }

    @Test
    void export_writesHeaderAndOneRowPerPerson_masked() throws IOException {
        Path file = dir.resolve("名单.xlsx");

        int written = exporter.export(PersonQuery.all(), file, Progress.NONE);

        assertThat(written).isEqualTo(3);
        List<List<String>> rows = read(file);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).containsExactly("姓名", "证件号码", "联系电话", "人员类别", "预警等级", "小区", "楼栋",
                "帮扶责任人", "状态");
        List<String> zhang = rows.stream().filter(r -> r.get(0).equals("张三")).findFirst().orElseThrow();
        assertThat(zhang).containsExactly("张三", IdNumber.mask(zhangId), "138****5678", "严重精神障碍患者、独居老人", "红",
                "锦绣花园", "3栋", "刘敏", "在册");
        assertThat(rows).noneMatch(r -> r.contains(zhangId));
        assertThat(rows.stream().filter(r -> r.get(0).equals("王五")).findFirst().orElseThrow().get(8))
                .isEqualTo("已销册");
    }

    @Test
    void idCells_areTextCells_withTheHeaderBoldFrozenAndColumnsWide() throws IOException {
        Path file = dir.resolve("名单.xlsx");
        exporter.export(PersonQuery.all(), file, Progress.NONE);

        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            Cell idCell = sheet.getRow(1).getCell(1);
            assertThat(idCell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(idCell.getCellStyle().getDataFormatString()).isEqualTo("@");
            assertThat(wb.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getColumnWidth(1)).isGreaterThanOrEqualTo(20 * 256);
            assertThat(sheet.getColumnWidth(3)).isGreaterThanOrEqualTo(30 * 256);
        }
    }

    @Test
    void exportFull_writesTheFullNumbers_asTextCells() throws IOException {
        Path file = dir.resolve("完整名单.xlsx");

        int written = exporter.exportFull(PersonQuery.all(), file, "区综治中心核对名单", Progress.NONE);

        assertThat(written).isEqualTo(3);
        List<String> zhang = read(file).stream().filter(r -> r.get(0).equals("张三")).findFirst().orElseThrow();
        assertThat(zhang.subList(0, 3)).containsExactly("张三", zhangId, "13812345678");
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Row row : wb.getSheetAt(0)) {
                if (row.getRowNum() > 0) {
                    Cell idCell = row.getCell(1);
                    assertThat(idCell.getCellType()).isEqualTo(CellType.STRING);
                    assertThat(idCell.getCellStyle().getDataFormatString()).isEqualTo("@");
                    assertThat(idCell.getStringCellValue()).hasSize(18).doesNotContain("*");
                }
            }
        }
    }

    @Test
    void exportFull_withoutAReason_isRefusedBeforeAnyFileIsWritten() {
        Path file = dir.resolve("完整名单.xlsx");

        for (String reason : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> exporter.exportFull(PersonQuery.all(), file, reason, Progress.NONE))
                    .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("key", "error.validation")
                    .satisfies(e -> assertThat(((ValidationException) e).localized())
                            .isEqualTo("导出完整号码必须写明原因。"));
        }
        assertThatThrownBy(() -> exporter.exportFull(PersonQuery.all(), file, "长".repeat(201), Progress.NONE))
                .satisfies(e -> assertThat(((ValidationException) e).localized()).isEqualTo("导出原因最多 200 个字。"));
        assertThat(file).doesNotExist();
    }

    @Test
    void exportFull_byAUserWithoutTheRight_isRefused_evenWithAReason() {
        ctx.session().login(new UserIdentity(UUID.randomUUID(), "li", "li", EnumSet.of(Role.FRONT_DESK)),
                ctx.clock().instant());
        Path file = dir.resolve("完整名单.xlsx");

        assertThat(exporter.mayExportFull()).isFalse();
        assertThatThrownBy(() -> exporter.exportFull(PersonQuery.all(), file, "核对", Progress.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(file).doesNotExist();
        assertThat(exporter.export(PersonQuery.all(), dir.resolve("遮盖.xlsx"), Progress.NONE)).isEqualTo(3);
    }

    @Test
    void filter_isHonoured_acrossAllPages() throws IOException {
        List<PersonDraft> many = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            many.add(draft("测试" + i, id(String.format("110105198001%05d", 10000 + i)), "9栋",
                    List.of(Membership.of(Category.DISABLED).toBuilder()
                            .disabilityKind(org.caredesk.people.Enums.DisabilityKind.PHYSICAL).build())));
        }
        people.registerAll(many);
        PersonQuery disabledOnly = new PersonQuery(null, Category.DISABLED, null, PersonStatus.ACTIVE, null,
                PersonQuery.Sort.NAME, true, 0, 50);
        Path file = dir.resolve("残疾人.xlsx");

        int written = exporter.export(disabledOnly, file, Progress.NONE);

        assertThat(written).isEqualTo(120);
        List<List<String>> rows = read(file);
        assertThat(rows).hasSize(121);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.get(3)).isEqualTo("残疾人"));

        PersonQuery activeIn5 = new PersonQuery(null, null, null, PersonStatus.ACTIVE, "5栋", PersonQuery.Sort.NAME,
                true, 0, 50);
        assertThat(exporter.export(activeIn5, dir.resolve("5栋.xlsx"), Progress.NONE)).isEqualTo(1);
        assertThat(read(dir.resolve("5栋.xlsx")).get(1).get(0)).isEqualTo("李四");
    }

    @Test
    void temporaryFiles_areInTheDataFolderAndGoneAfterwards() throws IOException {
        List<String> seenWhileWriting = new ArrayList<>();
        Progress looking = new Progress() {
            @Override
            public void update(long done, long total) {
                if (done == 1) {
                    try (Stream<Path> files = Files.walk(ctx.tempDir())) {
                        files.filter(Files::isRegularFile)
                                .forEach(f -> seenWhileWriting.add(f.getFileName().toString()));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }

            @Override
            public void message(String text) {}

            @Override
            public boolean isCancelled() {
                return false;
            }
        };

        exporter.export(PersonQuery.all(), dir.resolve("名单.xlsx"), looking);

        assertThat(seenWhileWriting).anyMatch(n -> n.startsWith("export-"));
        assertThat(seenWhileWriting).anyMatch(n -> n.startsWith("poi-sxssf-sheet"));

        assertThat(ctx.tempDir()).isDirectory();
        try (Stream<Path> left = Files.walk(ctx.tempDir())) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void cancelling_leavesNoFileBehind() throws IOException {
        Progress cancelled = new Progress() {
            @Override
            public void update(long done, long total) {}

            @Override
            public void message(String text) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        Path file = dir.resolve("名单.xlsx");

        assertThatThrownBy(() -> exporter.export(PersonQuery.all(), file, cancelled))
                .isInstanceOf(CancellationException.class);
        assertThat(file).doesNotExist();
        try (Stream<Path> left = Files.walk(ctx.tempDir())) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void exportedFile_replacesAnOlderOne() throws IOException {
        Path file = Files.writeString(dir.resolve("名单.xlsx"), "old");

        exporter.export(PersonQuery.all(), file, Progress.NONE);

        assertThat(read(file)).hasSize(4);
    }
}
