package org.caredesk.report.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.caredesk.common.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateFillerTest {
    private static final Set<String> KNOWN = new HashSet<>(DistrictTemplateSample.CODES);

    static {
        KNOWN.add("填报单位");
    }

    @TempDir
    Path dir;

    private Path data() {
        return dir.resolve("data");
    }

    private TemplateFiller filler() {
        return new TemplateFiller(KNOWN, data().resolve("tmp"));
    }

    /** The sample's figures: counts per category, the visits of the month, two rates. */
    static Map<String, Object> sampleFigures() {
        Map<String, Object> f = new HashMap<>();
        long[][] perCategory = {{32, 2, 1, 9}, {11, 1, 0, 4}, {7, 0, 2, 1}, {25, 3, 1, 6}};
        for (int i = 0; i < DistrictTemplateSample.CATEGORIES.size(); i++) {
            String c = DistrictTemplateSample.CATEGORIES.get(i);
            f.put("在册." + c, perCategory[i][0]);
            f.put("新增." + c + ".本月", (int) perCategory[i][1]);
            f.put("销册." + c + ".本月", perCategory[i][2]);
            f.put("新增." + c + ".本年累计", perCategory[i][3]);
        }
        f.put("走访.应访.本月", 200);
        f.put("走访.按时.本月", 181);
        f.put("走访完成率.本月", TemplateValue.rate(0.905));
        f.put("走访完成率.本年累计", TemplateValue.rate(new BigDecimal("0.8765")));
        return f;
    }

    private Path write(String name, XSSFWorkbook wb) throws IOException {
        Path file = dir.resolve(name);
        try (wb; OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        return file;
    }

    private Path template(String name, Consumer<XSSFWorkbook> content) throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        content.accept(wb);
        return write(name, wb);
    }

    private static XSSFWorkbook read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static Cell cell(XSSFWorkbook wb, String sheet, String address) {
        CellReference ref = new CellReference(address);
        return wb.getSheet(sheet).getRow(ref.getRow()).getCell(ref.getCol());
    }

    private static Cell cell(XSSFWorkbook wb, String address) {
        return cell(wb, DistrictTemplateSample.SHEET, address);
    }

    private static final Consumer<TemplateFiller.Filled> NO_RECORD = f -> { };

    // ---------------------------------------------------------------- what stays as it was

    @Test
    void fill_keepsEveryOtherCellStyleMergeWidthPrintSetupValidationAndSheet() throws IOException {
        Path template = write("模板.xlsx", DistrictTemplateSample.build());
        Path out = dir.resolve("out").resolve("11月报表.xlsx");

        filler().fill(template, sampleFigures(), out, NO_RECORD);

        try (XSSFWorkbook before = read(template); XSSFWorkbook after = read(out)) {
            assertThat(after.getNumberOfSheets()).isEqualTo(before.getNumberOfSheets());
            for (int i = 0; i < before.getNumberOfSheets(); i++) {
                XSSFSheet b = before.getSheetAt(i);
                XSSFSheet a = after.getSheetAt(i);
                assertThat(a.getSheetName()).isEqualTo(b.getSheetName());
                assertThat(a.getMergedRegions()).isEqualTo(b.getMergedRegions());
                for (int col = 0; col < 8; col++) {
                    assertThat(a.getColumnWidth(col)).as("width of column %d", col).isEqualTo(b.getColumnWidth(col));
                }
                assertThat(a.getPrintSetup().getLandscape()).isEqualTo(b.getPrintSetup().getLandscape());
                assertThat(a.getPrintSetup().getPaperSize()).isEqualTo(b.getPrintSetup().getPaperSize());
                assertThat(a.getPrintSetup().getFitWidth()).isEqualTo(b.getPrintSetup().getFitWidth());
                assertThat(a.getPrintSetup().getFitHeight()).isEqualTo(b.getPrintSetup().getFitHeight());
                assertThat(a.getFitToPage()).isEqualTo(b.getFitToPage());
                assertThat(a.getHorizontallyCenter()).isEqualTo(b.getHorizontallyCenter());
                assertThat(a.getRepeatingRows()).isEqualTo(b.getRepeatingRows());
                assertThat(a.getFooter().getCenter()).isEqualTo(b.getFooter().getCenter());
                assertThat(a.getDataValidations()).hasSameSizeAs(b.getDataValidations());
                for (int v = 0; v < b.getDataValidations().size(); v++) {
                    assertThat(a.getDataValidations().get(v).getRegions().getCellRangeAddresses())
                            .isEqualTo(b.getDataValidations().get(v).getRegions().getCellRangeAddresses());
                    assertThat(a.getDataValidations().get(v).getValidationConstraint().getFormula1())
                            .isEqualTo(b.getDataValidations().get(v).getValidationConstraint().getFormula1());
                }
                for (Row rb : b) {
                    Row ra = a.getRow(rb.getRowNum());
                    assertThat(ra.getHeight()).isEqualTo(rb.getHeight());
                    for (Cell cb : rb) {
                        Cell ca = ra.getCell(cb.getColumnIndex());
                        String where = a.getSheetName() + "!" + cb.getAddress();
                        assertSameStyle(ca.getCellStyle(), cb.getCellStyle(), where);
                        boolean placeholder = cb.getCellType() == CellType.STRING
                                && cb.getStringCellValue().contains("{{");
                        if (placeholder) {
                            continue;
                        }
                        assertThat(ca.getCellType()).as(where).isEqualTo(cb.getCellType());
                        switch (cb.getCellType()) {
                            case STRING -> assertThat(ca.getStringCellValue()).as(where)
                                    .isEqualTo(cb.getStringCellValue());
                            case NUMERIC -> assertThat(ca.getNumericCellValue()).as(where)
                                    .isEqualTo(cb.getNumericCellValue());
                            case FORMULA -> assertThat(ca.getCellFormula()).as(where).isEqualTo(cb.getCellFormula());
                            default -> { }
                        }
                    }
                }
            }
        }
        // The template itself is read, never written.
        try (XSSFWorkbook again = read(template)) {
            assertThat(cell(again, "C5").getStringCellValue()).isEqualTo("{{在册.刑满释放人员}}");
        }
    }

    @Test
    void fill_keepsPicturesCommentsLinksConditionalFormatsAndNames() throws IOException {
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        Path template = template("模板.xlsx", wb -> {
            XSSFSheet sheet = wb.createSheet("表1");
            Row row = sheet.createRow(0);
            row.createCell(0).setCellValue("{{在册.吸毒人员}}");
            Cell linked = row.createCell(1);
            linked.setCellValue("填报说明");
            XSSFHyperlink link = wb.getCreationHelper()
                    .createHyperlink(HyperlinkType.URL);
            link.setAddress("https://example.org/填报说明");
            linked.setHyperlink(link);
            var drawing = sheet.createDrawingPatriarch();
            var anchor = wb.getCreationHelper().createClientAnchor();
            anchor.setCol1(3);
            anchor.setRow1(3);
            drawing.createPicture(anchor, wb.addPicture(png, XSSFWorkbook.PICTURE_TYPE_PNG)).resize();
            var commentAnchor = wb.getCreationHelper().createClientAnchor();
            commentAnchor.setCol1(5);
            commentAnchor.setRow1(5);
            commentAnchor.setCol2(7);
            commentAnchor.setRow2(8);
            var comment = drawing.createCellComment(commentAnchor);
            comment.setString(new XSSFRichTextString("区里要求按月末人数填写"));
            row.getCell(0).setCellComment(comment);
            var rule = sheet.getSheetConditionalFormatting().createConditionalFormattingRule(
                    ComparisonOperator.GT, "100");
            rule.createFontFormatting().setFontColorIndex(
                    IndexedColors.RED.getIndex());
            sheet.getSheetConditionalFormatting().addConditionalFormatting(
                    new CellRangeAddress[] {
                        CellRangeAddress.valueOf("A1:A10")}, rule);
            var name = wb.createName();
            name.setNameName("在册人数");
            name.setRefersToFormula("'表1'!$A$1");
        });
        Path out = dir.resolve("out.xlsx");

        filler().fill(template, Map.of("在册.吸毒人员", 7), out, NO_RECORD);

        try (XSSFWorkbook wb = read(out)) {
            XSSFSheet sheet = wb.getSheet("表1");
            assertThat(cell(wb, "表1", "A1").getNumericCellValue()).isEqualTo(7.0);
            assertThat(wb.getAllPictures()).singleElement().satisfies(p -> assertThat(p.getData()).isEqualTo(png));
            assertThat(cell(wb, "表1", "A1").getCellComment().getString().getString()).isEqualTo("区里要求按月末人数填写");
            assertThat(cell(wb, "表1", "B1").getHyperlink().getAddress()).isEqualTo("https://example.org/填报说明");
            assertThat(sheet.getSheetConditionalFormatting().getNumConditionalFormattings()).isEqualTo(1);
            assertThat(sheet.getSheetConditionalFormatting().getConditionalFormattingAt(0).getRule(0).getFormula1())
                    .isEqualTo("100");
            assertThat(wb.getName("在册人数").getRefersToFormula()).isEqualTo("'表1'!$A$1");
        }
    }

    private static void assertSameStyle(CellStyle a, CellStyle b, String where) {
        assertThat(a.getIndex()).as(where).isEqualTo(b.getIndex());
        assertThat(a.getDataFormatString()).as(where).isEqualTo(b.getDataFormatString());
        assertThat(a.getBorderTop()).as(where).isEqualTo(b.getBorderTop());
        assertThat(a.getBorderLeft()).as(where).isEqualTo(b.getBorderLeft());
        assertThat(a.getAlignment()).as(where).isEqualTo(b.getAlignment());
        assertThat(a.getFillForegroundColor()).as(where).isEqualTo(b.getFillForegroundColor());
        assertThat(a.getFontIndex()).as(where).isEqualTo(b.getFontIndex());
        assertThat(a.getWrapText()).as(where).isEqualTo(b.getWrapText());
    }

    // ---------------------------------------------------------------- numbers, rates, text

    @Test
    void aCellThatIsOnePlaceholder_becomesANumberInItsOwnStyle() throws IOException {
        Path out = dir.resolve("out.xlsx");

        TemplateFiller.Filled filled = filler().fill(write("模板.xlsx", DistrictTemplateSample.build()),
                sampleFigures(), out, NO_RECORD);

        try (XSSFWorkbook wb = read(out)) {
            Cell released = cell(wb, "C5");
            assertThat(released.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(released.getNumericCellValue()).isEqualTo(32.0);
            assertThat(released.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(cell(wb, "D5").getNumericCellValue()).isEqualTo(2.0);
            assertThat(cell(wb, "F8").getNumericCellValue()).isEqualTo(6.0);
            assertThat(cell(wb, "C12").getNumericCellValue()).isEqualTo(200.0);
        }
        assertThat(filled.placeholders()).isEqualTo(23); // 20 cells of one placeholder, 3 in the 说明 line
        assertThat(filled.cells()).isEqualTo(21);
        assertThat(filled.notComputable()).isEmpty();
    }

    @Test
    void aRate_isTheFractionInAPercentCell_andPercentagePointsInAPlainCell() throws IOException {
        Path out = dir.resolve("out.xlsx");

        filler().fill(write("模板.xlsx", DistrictTemplateSample.build()), sampleFigures(), out, NO_RECORD);

        try (XSSFWorkbook wb = read(out)) {
            Cell percent = cell(wb, "C13");
            assertThat(percent.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(percent.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(percent.getNumericCellValue()).isEqualTo(0.905);
            Cell plain = cell(wb, "F13");
            assertThat(plain.getCellStyle().getDataFormatString()).isEqualTo("0.0");
            assertThat(plain.getNumericCellValue()).isEqualTo(87.65);
        }
    }

    @Test
    void percentStyle_findsAPercentSignOutsideQuotesOnly() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Cell c = wb.createSheet("s").createRow(0).createCell(0);
            CellStyle st = wb.createCellStyle();
            c.setCellStyle(st);
            for (String[] f : new String[][] {{"0%", "true"}, {"0.00%;[Red]-0.00%", "true"}, {"0.0\"%\"", "false"},
                {"0.0\\%", "false"}, {"#,##0", "false"}, {"General", "false"}}) {
                st.setDataFormat(wb.createDataFormat().getFormat(f[0]));
                assertThat(TemplateFiller.percentStyle(c)).as(f[0]).isEqualTo(Boolean.parseBoolean(f[1]));
            }
        }
    }

    @Test
    void placeholdersInsideLongerText_areReplacedInTheText() throws IOException {
        Path out = dir.resolve("out.xlsx");

        filler().fill(write("模板.xlsx", DistrictTemplateSample.build()), sampleFigures(), out, NO_RECORD);

        try (XSSFWorkbook wb = read(out)) {
            Cell note = cell(wb, "A16");
            assertThat(note.getCellType()).isEqualTo(CellType.STRING);
            assertThat(note.getStringCellValue()).isEqualTo("说明：1. 在册人数为统计月份最后一天的人数。2. 本月走访完成率为 90.5%"
                    + "（按时走访 181 次 ÷ 应访 200 次）。3. 备注栏填写需要区里了解的情况。");
            assertThat(note.getCellStyle().getWrapText()).isTrue();
        }
    }

    @Test
    void richTextRuns_keepTheirFontsAroundTheReplacedValue() throws IOException {
        Path template = template("模板.xlsx", wb -> {
            XSSFFont red = wb.createFont();
            red.setColor(IndexedColors.RED.getIndex());
            red.setBold(true);
            String plain = "在册 {{在册.吸毒人员}} 人，重点关注";
            XSSFRichTextString text = new XSSFRichTextString(plain);
            text.applyFont(plain.indexOf("{{"), plain.indexOf("}}") + 2, red); // the placeholder itself is red
            text.applyFont(plain.indexOf("重点关注"), plain.length(), red);
            wb.createSheet("表1").createRow(0).createCell(0).setCellValue(text);
        });
        Path out = dir.resolve("out.xlsx");

        filler().fill(template, Map.of("在册.吸毒人员", 1234), out, NO_RECORD);

        try (XSSFWorkbook wb = read(out)) {
            XSSFRichTextString text = (XSSFRichTextString) cell(wb, "表1", "A1").getRichStringCellValue();
            assertThat(text.getString()).isEqualTo("在册 1234 人，重点关注");
            List<String> boldParts = new ArrayList<>();
            for (int r = 0; r < text.numFormattingRuns(); r++) {
                XSSFFont font = text.getFontOfFormattingRun(r);
                if (font != null && font.getBold()) {
                    int start = text.getIndexOfFormattingRun(r);
                    boldParts.add(text.getString().substring(start, start + text.getLengthOfFormattingRun(r)));
                }
            }
            assertThat(boldParts).containsExactly("1234", "重点关注");
        }
    }

    @Test
    void aFigureNotComputableOrNotGiven_isWrittenAsADash_andNamed() throws IOException {
        Map<String, Object> figures = sampleFigures();
        figures.put("走访完成率.本月", TemplateValue.rate(Double.NaN));
        figures.put("走访完成率.本年累计", "—");
        figures.remove("走访.按时.本月");
        Path out = dir.resolve("out.xlsx");

        TemplateFiller.Filled filled = filler().fill(write("模板.xlsx", DistrictTemplateSample.build()), figures,
                out, NO_RECORD);

        assertThat(filled.notComputable()).containsExactly("走访.按时.本月", "走访完成率.本年累计", "走访完成率.本月");
        try (XSSFWorkbook wb = read(out)) {
            assertThat(cell(wb, "C13").getCellType()).isEqualTo(CellType.STRING);
            assertThat(cell(wb, "C13").getStringCellValue()).isEqualTo("—");
            assertThat(cell(wb, "F13").getStringCellValue()).isEqualTo("—");
            assertThat(cell(wb, "A16").getStringCellValue()).contains("本月走访完成率为 —（按时走访 — 次 ÷ 应访 200 次）");
        }
    }

    @Test
    void textThatLooksLikeAFormula_staysText_inAWholeCellAndInsideText() throws IOException {
        Path template = template("模板.xlsx", wb -> {
            Row row = wb.createSheet("表1").createRow(0);
            row.createCell(0).setCellValue("{{填报单位}}");
            row.createCell(1).setCellValue("填报单位：{{填报单位}}");
        });
        for (String attack : List.of("=HYPERLINK(\"http://evil.example\",\"点我\")", "+1+2", "-3+4", "@SUM(A1:A2)",
                "=1+1")) {
            Path out = dir.resolve("out.xlsx");

            filler().fill(template, Map.of("填报单位", attack), out, NO_RECORD);

            try (XSSFWorkbook wb = read(out)) {
                Cell whole = cell(wb, "表1", "A1");
                assertThat(whole.getCellType()).as(attack).isEqualTo(CellType.STRING);
                assertThat(whole.getStringCellValue()).isEqualTo(attack);
                Cell inside = cell(wb, "表1", "B1");
                assertThat(inside.getCellType()).isEqualTo(CellType.STRING);
                assertThat(inside.getStringCellValue()).isEqualTo("填报单位：" + attack);
            }
        }
    }

    // ---------------------------------------------------------------- formulas

    @Test
    void formulasOverFilledCells_computeTheSum_storedAndWhenEvaluatedAgain() throws IOException {
        Path out = dir.resolve("out.xlsx");

        filler().fill(write("模板.xlsx", DistrictTemplateSample.build()), sampleFigures(), out, NO_RECORD);

        try (XSSFWorkbook wb = read(out)) {
            assertThat(wb.getForceFormulaRecalculation()).isTrue();
            Cell total = cell(wb, "C9");
            assertThat(total.getCellFormula()).isEqualTo("SUM(C5:C8)");
            // The stored result, as a viewer that does not compute shows it.
            assertThat(total.getNumericCellValue()).isEqualTo(32 + 11 + 7 + 25);
            FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            evaluator.clearAllCachedResultValues();
            assertThat(evaluator.evaluate(total).getNumberValue()).isEqualTo(75.0);
            assertThat(evaluator.evaluate(cell(wb, "D9")).getNumberValue()).isEqualTo(2 + 1 + 0 + 3);
            assertThat(evaluator.evaluate(cell(wb, "E9")).getNumberValue()).isEqualTo(1 + 0 + 2 + 1);
            assertThat(evaluator.evaluate(cell(wb, "F9")).getNumberValue()).isEqualTo(9 + 4 + 1 + 6);
            assertThat(evaluator.evaluate(cell(wb, "C14")).getNumberValue()).isEqualTo(181.0 / 200.0);
        }
    }

    // ---------------------------------------------------------------- placeholders that cannot be filled

    @Test
    void unknownAndMalformedPlaceholders_areListedBySheetAndCell_andNothingIsWritten() throws IOException {
        Path template = template("区模板.xlsx", wb -> {
            XSSFSheet first = wb.createSheet("表1");
            first.createRow(4).createCell(2).setCellValue("{{走访率}}");
            first.createRow(5).createCell(3).setCellValue("在册 {{在册.吸毒人员 人");
            first.getRow(5).createCell(4).setCellValue("{{在册.吸毒人员}}"); // known: no problem
            XSSFSheet second = wb.createSheet("表2");
            second.createRow(0).createCell(0).setCellValue("合计 {{ }} 人");
            second.createRow(1).createCell(1).setCellValue("{{新增.吸毒人员.本月}} 与 {{新增.独居老人.本月}}");
            second.createRow(2).createCell(2).setCellValue("｛｛在册.吸毒人员｝｝");
        });
        Path out = Files.writeString(dir.resolve("报表.xlsx"), "older");

        List<TemplateProblem> problems = filler().check(template);

        assertThat(problems).extracting(TemplateProblem::sentence).containsExactly(
                "工作表 表1 单元格 C5：未知的指标代码 {{走访率}}",
                "工作表 表1 单元格 D6：占位符 {{在册.吸毒人员 人 缺少结尾的 }}",
                "工作表 表2 单元格 A1：占位符 {{ }} 里没有指标代码",
                "工作表 表2 单元格 B2：未知的指标代码 {{新增.独居老人.本月}}",
                "工作表 表2 单元格 C3：｛｛在册.吸毒人员｝｝ 用了全角花括号，请改成半角的 {{ 和 }}");
        assertThatThrownBy(() -> filler().fill(template, sampleFigures(), out, NO_RECORD))
                .isInstanceOfSatisfying(UserException.class, e -> {
                    assertThat(e.key()).isEqualTo("report.template.error.problems");
                    assertThat(e.localized()).isEqualTo("模板“区模板.xlsx”里有 5 处占位符无法填写，没有生成任何文件。"
                            + "请对照“指标代码表”改正模板后再试：工作表 表1 单元格 C5：未知的指标代码 {{走访率}}；"
                            + "工作表 表1 单元格 D6：占位符 {{在册.吸毒人员 人 缺少结尾的 }}；"
                            + "工作表 表2 单元格 A1：占位符 {{ }} 里没有指标代码；"
                            + "工作表 表2 单元格 B2：未知的指标代码 {{新增.独居老人.本月}}；"
                            + "工作表 表2 单元格 C3：｛｛在册.吸毒人员｝｝ 用了全角花括号，请改成半角的 {{ 和 }}");
                });
        assertThat(Files.readString(out)).isEqualTo("older");
        assertNoTemporaryFiles();
    }

    @Test
    void manyProblems_areCutToTenLines_withTheCountOfTheRest() throws IOException {
        Path template = template("模板.xlsx", wb -> {
            XSSFSheet sheet = wb.createSheet("表1");
            for (int i = 0; i < 25; i++) {
                sheet.createRow(i).createCell(0).setCellValue("{{未知" + i + "}}");
            }
        });
        Path out = dir.resolve("out.xlsx");

        assertThatThrownBy(() -> filler().fill(template, Map.of(), out, NO_RECORD))
                .isInstanceOfSatisfying(UserException.class, e -> {
                    assertThat(e.localized()).contains("有 25 处占位符", "单元格 A10：未知的指标代码 {{未知9}}；另有 15 处未列出")
                            .doesNotContain("{{未知10}}");
                });
        assertThat(out).doesNotExist();
    }

    @Test
    void aWorkbookWithoutAnyPlaceholder_isRefused_asProbablyTheWrongFile() throws IOException {
        Path template = template("10月报表.xlsx", wb -> wb.createSheet("表1").createRow(0).createCell(0)
                .setCellValue(32));
        Path out = dir.resolve("out.xlsx");

        assertThatThrownBy(() -> filler().fill(template, sampleFigures(), out, NO_RECORD))
                .isInstanceOfSatisfying(UserException.class, e -> assertThat(e.localized()).isEqualTo(
                        "“10月报表.xlsx”里没有任何占位符（如 {{在册.严重精神障碍患者}}），不像是区里的报表模板，"
                        + "也许选成了已经填好的报表。请选择区里发来的模板。"));
        assertThat(out).doesNotExist();
    }

    @Test
    void aVeryLongUnknownCode_isQuotedCut() throws IOException {
        String code = "很长".repeat(100);
        Path template = template("模板.xlsx", wb -> wb.createSheet("表1").createRow(0).createCell(0)
                .setCellValue("{{" + code + "}}"));

        assertThat(filler().check(template)).singleElement().satisfies(p -> assertThat(p.placeholder())
                .isEqualTo("{{" + code.substring(0, 40) + "…}}"));
    }

    @Test
    void aFormulaThatMentionsBraces_isLeftAlone() throws IOException {
        Path template = template("模板.xlsx", wb -> {
            Row row = wb.createSheet("表1").createRow(0);
            row.createCell(0).setCellFormula("\"{{走访率}}\"&\"\"");
            row.createCell(1).setCellValue("{{在册.吸毒人员}}");
        });
        Path out = dir.resolve("out.xlsx");

        assertThat(filler().check(template)).isEmpty();
        filler().fill(template, Map.of("在册.吸毒人员", 7), out, NO_RECORD);

        try (XSSFWorkbook wb = read(out)) {
            assertThat(cell(wb, "表1", "A1").getCellFormula()).isEqualTo("\"{{走访率}}\"&\"\"");
        }
    }

    // ---------------------------------------------------------------- files that are no template

    @Test
    void damagedRenamedEmptyEncryptedAndOldTemplates_getTheRosterSentences() throws Exception {
        byte[] good = Files.readAllBytes(write("good.xlsx", DistrictTemplateSample.build()));
        Path damaged = Files.write(dir.resolve("损坏.xlsx"), Arrays.copyOf(good, good.length / 2));
        Path renamed = Files.writeString(dir.resolve("文本.xlsx"), "序号,人员类别\n1,{{在册.吸毒人员}}\n",
                StandardCharsets.UTF_8);
        Path empty = Files.write(dir.resolve("空.xlsx"), new byte[0]);
        Path old = dir.resolve("旧.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(old)) {
            wb.createSheet("表1").createRow(0).createCell(0).setCellValue("{{在册.吸毒人员}}");
            wb.write(out);
        }
        Path encrypted = encrypted(dir.resolve("加密.xlsx"));
        Path out = dir.resolve("out.xlsx");

        Map<Path, String> expected = Map.of(
                damaged, "无法读取“损坏.xlsx”：文件已损坏，或者不是 Excel 工作簿。请用 Excel 或 WPS 打开它，另存为 .xlsx 后再导入。",
                renamed, "“文本.xlsx”不是 Excel 工作簿（.xlsx），可能只是改了扩展名。请用 Excel 或 WPS 打开它，"
                        + "另存为“Excel 工作簿（*.xlsx）”后再导入。",
                empty, "文件“空.xlsx”是空的（0 字节），里面没有任何内容。",
                old, "“旧.xls”是旧版 Excel 文件（.xls）。请用 Excel 或 WPS 打开它，另存为“Excel 工作簿（*.xlsx）”后再导入。",
                encrypted, "“加密.xlsx”设置了打开密码，程序无法读取。请在 Excel 中取消密码、保存后再导入。",
                dir.resolve("没有.xlsx"), "找不到文件“" + dir.resolve("没有.xlsx") + "”，可能已被移动或删除。");
        expected.forEach((file, sentence) -> {
            assertThatThrownBy(() -> filler().fill(file, sampleFigures(), out, NO_RECORD))
                    .isInstanceOfSatisfying(UserException.class,
                            e -> assertThat(e.localized()).as(file.toString()).isEqualTo(sentence));
            assertThatThrownBy(() -> filler().check(file)).isInstanceOf(UserException.class);
        });
        assertThat(out).doesNotExist();
    }

    private static Path encrypted(Path file) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("区里的密码");
            try (XSSFWorkbook wb = DistrictTemplateSample.build(); OutputStream data = encryptor.getDataStream(fs)) {
                wb.write(data);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        return file;
    }

    @Test
    void aTemplateOverTheSizeLimit_isRefusedWithASentence() throws IOException {
        Path template = write("大模板.xlsx", DistrictTemplateSample.build());
        TemplateFiller small = new TemplateFiller(KNOWN, data().resolve("tmp"),
                new TemplateFiller.Limits(1024, 4L * 1024 * 1024));

        assertThatThrownBy(() -> small.fill(template, sampleFigures(), dir.resolve("out.xlsx"), NO_RECORD))
                .isInstanceOfSatisfying(UserException.class, e -> {
                    assertThat(e.key()).isEqualTo("report.template.error.tooLarge");
                    assertThat(e.localized()).isEqualTo("“大模板.xlsx”太大，程序不按模板读取：区里的模板文件最多 0 MB，"
                            + "解压后的表格内容（图片除外）最多 4 MB。请确认选的是区里发来的报表模板。");
                });
        try (InputStream in = Files.newInputStream(template)) {
            assertThatThrownBy(() -> small.check(in, "大模板.xlsx")).isInstanceOfSatisfying(UserException.class,
                    e -> assertThat(e.key()).isEqualTo("report.template.error.tooLarge"));
        }
        assertThat(dir.resolve("out.xlsx")).doesNotExist();
    }

    /** A small file of many cells unpacks to much: memory follows the unpacked size, so that is what is limited. */
    @Test
    void aSmallFileThatUnpacksTooLarge_isRefused() throws IOException {
        Path template = template("小文件.xlsx", wb -> {
            XSSFSheet sheet = wb.createSheet("表1");
            sheet.createRow(0).createCell(0).setCellValue("{{在册.吸毒人员}}");
            for (int r = 1; r < 2000; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < 10; c++) {
                    row.createCell(c).setCellValue(r * 10 + c);
                }
            }
        });
        long size = Files.size(template);
        TemplateFiller limited = new TemplateFiller(KNOWN, data().resolve("tmp"),
                new TemplateFiller.Limits(size, 512 * 1024));
        TemplateFiller roomy = new TemplateFiller(KNOWN, data().resolve("tmp"),
                new TemplateFiller.Limits(size, 2L * 1024 * 1024));

        assertThatThrownBy(() -> limited.check(template)).isInstanceOfSatisfying(UserException.class,
                e -> assertThat(e.localized()).contains("解压后的表格内容（图片除外）最多 0.5 MB"));
        assertThat(roomy.check(template)).isEmpty();
    }

    @Test
    void aWorkbookWithMacros_isRefused_andAnExcelTemplate_becomesAnOrdinaryWorkbook() throws Exception {
        XSSFWorkbook macros = new XSSFWorkbook(XSSFWorkbookType.XLSM);
        macros.createSheet("表1").createRow(0).createCell(0).setCellValue("{{在册.吸毒人员}}");
        Path xlsm = write("宏.xlsm", macros);
        XSSFWorkbook xltx = new XSSFWorkbook();
        xltx.getPackagePart().setContentType(XSSFRelation.TEMPLATE_WORKBOOK.getContentType());
        xltx.createSheet("表1").createRow(0).createCell(0).setCellValue("{{在册.吸毒人员}}");
        Path template = write("模板.xltx", xltx);
        Path out = dir.resolve("out.xlsx");

        assertThatThrownBy(() -> filler().fill(xlsm, Map.of(), out, NO_RECORD))
                .isInstanceOfSatisfying(UserException.class,
                        e -> assertThat(e.key()).isEqualTo("report.template.error.macros"));
        filler().fill(template, Map.of("在册.吸毒人员", 3), out, NO_RECORD);

        try (XSSFWorkbook wb = read(out)) {
            assertThat(wb.getPackagePart().getContentType()).isEqualTo(XSSFRelation.WORKBOOK.getContentType());
            assertThat(cell(wb, "表1", "A1").getNumericCellValue()).isEqualTo(3.0);
        }
    }

    @Test
    void aTemplateFromAStream_isFilledTheSameWay() throws IOException {
        Path template = write("模板.xlsx", DistrictTemplateSample.build());
        Path out = dir.resolve("out.xlsx");

        try (InputStream in = Files.newInputStream(template)) {
            filler().fill(in, "模板.xlsx", sampleFigures(), out, NO_RECORD);
        }

        try (XSSFWorkbook wb = read(out)) {
            assertThat(cell(wb, "C5").getNumericCellValue()).isEqualTo(32.0);
        }
    }

    // ---------------------------------------------------------------- where the copy goes

    @Test
    void aCopyInsideTheDataFolder_orOverTheTemplateItself_isRefusedBeforeAnythingIsWritten() throws IOException {
        Path template = write("模板.xlsx", DistrictTemplateSample.build());
        byte[] before = Files.readAllBytes(template);
        Files.createDirectories(data().resolve("db"));

        assertThatThrownBy(() -> filler().fill(template, sampleFigures(), data().resolve("db").resolve("x.xlsx"),
                NO_RECORD)).isInstanceOfSatisfying(UserException.class,
                        e -> assertThat(e.key()).isEqualTo("files.error.insideDataFolder"));
        assertThatThrownBy(() -> filler().fill(template, sampleFigures(), dir.resolve(".").resolve("模板.xlsx"),
                NO_RECORD)).isInstanceOfSatisfying(UserException.class, e -> {
                    assertThat(e.key()).isEqualTo("report.template.error.sameFile");
                    assertThat(e.localized()).contains("这就是模板文件本身");
                });

        assertThat(Files.readAllBytes(template)).isEqualTo(before);
        assertThat(data().resolve("db").resolve("x.xlsx")).doesNotExist();
    }

    @Test
    void theCopyIsRecorded_andWhenRecordingFails_itIsDeletedAgain() throws IOException {
        Path template = write("模板.xlsx", DistrictTemplateSample.build());
        Path out = dir.resolve("out").resolve("报表.xlsx");
        AtomicReference<TemplateFiller.Filled> recorded = new AtomicReference<>();

        TemplateFiller.Filled filled = filler().fill(template, sampleFigures(), out, recorded::set);

        assertThat(recorded.get()).isSameAs(filled);
        assertThat(out).exists();
        assertThatThrownBy(() -> filler().fill(template, sampleFigures(), out, f -> {
            throw new IllegalStateException("the log refused");
        })).hasMessage("the log refused");
        assertThat(out).doesNotExist();
        assertNoTemporaryFiles();
    }

    private void assertNoTemporaryFiles() throws IOException {
        Path tmp = data().resolve("tmp");
        if (!Files.exists(tmp)) {
            return;
        }
        try (Stream<Path> left = Files.walk(tmp)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
