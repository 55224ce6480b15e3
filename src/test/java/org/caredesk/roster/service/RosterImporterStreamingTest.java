package org.caredesk.roster.service;

import org.caredesk.people.service.PersonService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caredesk.roster.service.RosterTestSheets.id;
import static org.caredesk.roster.service.RosterTestSheets.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.common.UserException;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.PersonQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** Issue 18, findings 9 to 11: bounded memory and limits of the streaming reader, clean names, short echoes. */
@OnBothDatabases
class RosterImporterStreamingTest {
    @Parameter
    TestDatabase database;

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @TempDir
    Path dir;
    private AppContext ctx;
    private PersonService people;

    private final String idA = id("11010519800101001");
    private final String idB = id("43010219750315002");

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        Clock clock = Clock.fixed(ZonedDateTime.of(TODAY.atTime(10, 0), ZONE).toInstant(), ZONE);
        ctx = database.context(dir, clock);
        people = ctx.people();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private static RosterTestSheets basic() {
        return sheet().row("姓名", "证件号码", "人员类别");
    }

    private ImportResult check(Path file) {
        return new RosterImporter(people).importFile(file, true, Progress.NONE);
    }

    private static List<String> lines(ImportResult r) {
        return r.problems().stream().map(ImportProblem::localized).toList();
    }

    // ------------------------------------------------------------------ memory and limits

    @Test
    void millionsOfEmptyCells_areCheckedWithinA256MbHeap() throws Exception {
        Path small = basic().row("张三", idA, "独居老人").writeTo(dir.resolve("small.xlsx"));
        // 120,000 rows of 30 formatted but empty cells each, as a sheet formatted far below its data gets: the
        // workbook model needs over a gigabyte for them; the streaming reader never holds more than a row.
        Path huge = dir.resolve("空单元格.xlsx");
        rewrite(small, huge, "xl/worksheets/sheet1.xml", (xml, out) -> {
            int end = xml.indexOf("</sheetData>");
            out.write(xml.substring(0, end).replaceFirst("<dimension ref=\"[^\"]*\"/>",
                    "<dimension ref=\"A1:AD120002\"/>"));
            StringBuilder row = new StringBuilder();
            for (int r = 3; r <= 120_002; r++) {
                row.setLength(0);
                row.append("<row r=\"").append(r).append("\">");
                for (int c = 0; c < 30; c++) {
                    row.append("<c r=\"").append(CellReference.convertNumToColString(c)).append(r)
                            .append("\" s=\"0\"/>");
                }
                out.write(row.append("</row>").toString());
            }
            out.write(xml.substring(end));
        });

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), RosterImportProbe.class.getName(),
                huge.toString()).redirectErrorStream(true).start();
        byte[] output;
        try (InputStream in = child.getInputStream()) {
            output = in.readAllBytes();
        }
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("OutOfMemoryError").contains("rows 1 problems 0");
        assertThat(child.exitValue()).as(text).isZero();
    }

    @Test
    void moreRowsThanTheLimit_areRefusedWithOneSentence_andNothingWritten() {
        Path file = basic().row("张三", idA, "独居老人").row("李四", idB, "独居老人")
                .row("王五", id("43010319900720003"), "独居老人").writeTo(dir.resolve("r.xlsx"));
        RosterImporter importer = new RosterImporter(people, new RosterImporter.Limits(2, 1_000, 1L << 30));

        ImportResult r = importer.importFile(file, false, Progress.NONE);

        assertThat(r.refused()).isTrue();
        assertThat(lines(r)).containsExactly("名单最多 2 行（不含表头），第 4 行已经超出，没有再检查下去。"
                + "请把名单分成几个文件，每个不超过 2 行，分别导入。");
        assertThat(people.count()).isZero();
    }

    @Test
    void moreProblemsThanTheLimit_listTheFirstOnes_andStopReading() {
        RosterTestSheets s = basic();
        for (int i = 0; i < 50; i++) {
            s.row("张三" + i, "123", "独居老人");
        }
        RosterImporter importer = new RosterImporter(people, new RosterImporter.Limits(1_000, 5, 1L << 30));

        ImportResult r = importer.importFile(s.writeTo(dir.resolve("p.xlsx")), true, Progress.NONE);

        assertThat(r.problems()).hasSize(6);
        assertThat(lines(r).get(5)).isEqualTo("问题超过 5 处，只列出前 5 处，后面的没有再检查。请先改正这些，再检查一遍。");
        assertThat(r.rowsRead()).isLessThan(50);
    }

    @Test
    void manyWarnings_doNotStopAnImport() {
        RosterTestSheets s = sheet().row("姓名", "证件号码", "人员类别", "爱好", "星座");
        s.row("张三", idA, "独居老人", "下棋", "白羊").row("李四", idB, "独居老人", "书法", "金牛");
        RosterImporter importer = new RosterImporter(people, new RosterImporter.Limits(1_000, 1, 1L << 30));

        ImportResult r = importer.importFile(s.writeTo(dir.resolve("w.xlsx")), false, Progress.NONE);

        assertThat(r.refused()).isFalse();
        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.problems()).hasSize(2).allMatch(ImportProblem::warning);
    }

    @Test
    void fileOverTheSizeLimit_isTooLarge() {
        Path file = basic().row("张三", idA, "独居老人").writeTo(dir.resolve("大.xlsx"));
        RosterImporter importer = new RosterImporter(people, new RosterImporter.Limits(1_000, 1_000, 1_000));

        assertThatThrownBy(() -> importer.importFile(file, true, Progress.NONE))
                .isInstanceOfSatisfying(UserException.class, e -> {
                    assertThat(e.key()).isEqualTo("roster.error.tooLarge");
                    assertThat(e.localized()).startsWith("“大.xlsx”太大，程序读不了");
                });
    }

    @Test
    void rosterWrittenWithInlineStrings_andAHiddenFirstSheet_isRead() throws IOException {
        Path file = dir.resolve("sxssf.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("旧名单").createRow(0).createCell(0).setCellValue("不要读我");
            var sheet = wb.createSheet("名单");
            String[][] rows = {{"姓名", "证件号码", "人员类别"}, {"张三", idA, "独居老人"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.setSheetHidden(0, true);
            wb.write(out);
        }

        ImportResult r = new RosterImporter(people).importFile(file, false, Progress.NONE);

        assertThat(r.problems()).isEmpty();
        assertThat(people.search(PersonQuery.text("张三")).items()).hasSize(1);
    }

    // ------------------------------------------------------------------ clean text

    @Test
    void nameWithARightToLeftOverride_isRefusedAtItsRowAndColumn() {
        Path file = basic().row("张\u202E三", idA, "独居老人").writeTo(dir.resolve("bidi.xlsx"));

        ImportResult r = new RosterImporter(people).importFile(file, false, Progress.NONE);

        assertThat(lines(r)).containsExactly("第 2 行，“姓名”列：姓名里有看不见的控制字符或文字方向符号（第 2 个字符），"
                + "通常是从网页或其他软件复制时带进来的。请删去后重新输入。");
        assertThat(people.count()).isZero();
    }

    @Test
    void controlCharacterEscapedInTheFile_isRefused() {
        Path plain = basic().row("张QQ三", idA, "独居老人").writeTo(dir.resolve("plain.xlsx"));
        Path escaped = dir.resolve("x0001.xlsx");
        // Excel writes a control character as _x0001_; POI cannot write one, so the shared string is edited.
        rewrite(plain, escaped, "xl/sharedStrings.xml", (xml, out) -> out.write(xml.replace("QQ", "_x0001_")));

        ImportResult r = check(escaped);

        assertThat(lines(r)).singleElement().asString().startsWith("第 2 行，“姓名”列：姓名里有看不见的控制字符");
    }

    @Test
    void nameOfOnlyAZeroWidthSpace_isRequired_andZeroWidthInsideIsRemoved() {
        Path file = basic().row("\u200B", idA, "独居老人").row("李\u200B四", idB, "独居老人")
                .writeTo(dir.resolve("zw.xlsx"));

        ImportResult r = new RosterImporter(people).importFile(file, false, Progress.NONE);
        assertThat(lines(r)).containsExactly("第 2 行，“姓名”列：请填写姓名。");

        Path fixed = basic().row("李\u200B四", idB, "独居老人").writeTo(dir.resolve("zw2.xlsx"));
        new RosterImporter(people).importFile(fixed, false, Progress.NONE);
        assertThat(people.search(PersonQuery.text("李四")).items()).singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo("李四"));
    }

    @Test
    void decomposedName_isStoredInNfc() {
        // "Zoé" typed with a combining accent (e + U+0301) and precomposed is one name.
        Path file = basic().row("Zoe\u0301 张", idA, "独居老人").writeTo(dir.resolve("nfc.xlsx"));

        new RosterImporter(people).importFile(file, false, Progress.NONE);

        assertThat(people.search(PersonQuery.text("张")).items()).singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo("Zo\u00E9 张"));
    }

    @Test
    void aFortyThousandCharacterValue_isCutInTheProblemLine() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            b.append((char) (0x4E00 + i * 7919 % 20_000)); // varied, so the zip bomb guard sees no bomb
        }
        String category = b.toString();
        Path plain = basic().row("张三", idA, "QQ").writeTo(dir.resolve("plain.xlsx"));
        Path file = dir.resolve("long.xlsx");
        // Excel stops at 32,767 characters and POI refuses to write more; another program may not.
        rewrite(plain, file, "xl/sharedStrings.xml", (xml, out) -> out.write(xml.replace("QQ", category)));

        ImportResult r = check(file);

        String line = lines(r).get(0);
        assertThat(line).contains(category.substring(0, 50) + "…").doesNotContain(category.substring(0, 51));
        assertThat(line.length()).isLessThan(400);
        // The program's own list of what may be written is not a value from the file: it stays whole.
        assertThat(line).contains(RosterColumns.allowed(org.caredesk.people.Category.class));
    }

    // ------------------------------------------------------------------ helpers

    /** Writes one entry of a text part, given the old text and a writer for the new one. */
    private interface PartWriter {
        void write(String old, Writer out) throws IOException;
    }

    /** Copies an .xlsx, replacing one part by what {@code writer} makes of it. */
    private static void rewrite(Path from, Path to, String part, PartWriter writer) {
        try (ZipFile zip = new ZipFile(from.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            List<? extends ZipEntry> entries = new ArrayList<>(zip.stream().toList());
            for (ZipEntry e : entries) {
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream in = zip.getInputStream(e)) {
                    if (e.getName().equals(part)) {
                        Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                        writer.write(new String(in.readAllBytes(), StandardCharsets.UTF_8), w);
                        w.flush();
                    } else {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
