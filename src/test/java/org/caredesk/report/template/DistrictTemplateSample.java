package org.caredesk.report.template;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the demo district's template, {@code sample-data/区综治月报模板.xlsx}: the kind of form a district
 * comprehensive-governance bureau sends out (a title, merged two-row headers, borders, a 合计 row of SUM formulas,
 * a rate check formula, a 说明 line with placeholders inside the text, a signature line, A4 landscape print setup),
 * with {@code {{code}}} placeholders where the program's figures go. {@code DistrictTemplateSampleTest} checks the
 * committed file still matches this.
 *
 * <p>Run after changing it:
 * {@code ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt && java -cp
 * target/test-classes:target/classes:$(cat target/cp.txt) org.caredesk.report.template.DistrictTemplateSample}
 */
public final class DistrictTemplateSample {
    static final Path FILE = Path.of("sample-data", "区综治月报模板.xlsx");
    static final String SHEET = "表1 重点人群";
    static final String HELP_SHEET = "填表说明";
    static final List<String> CATEGORIES = List.of("刑满释放人员", "社区矫正对象", "吸毒人员", "严重精神障碍患者");

    /** Every code the sample's placeholders use, in the order they appear. */
    static final List<String> CODES = List.of(
            "在册.刑满释放人员", "新增.刑满释放人员.本月", "销册.刑满释放人员.本月", "新增.刑满释放人员.本年累计",
            "在册.社区矫正对象", "新增.社区矫正对象.本月", "销册.社区矫正对象.本月", "新增.社区矫正对象.本年累计",
            "在册.吸毒人员", "新增.吸毒人员.本月", "销册.吸毒人员.本月", "新增.吸毒人员.本年累计",
            "在册.严重精神障碍患者", "新增.严重精神障碍患者.本月", "销册.严重精神障碍患者.本月",
            "新增.严重精神障碍患者.本年累计",
            "走访.应访.本月", "走访.按时.本月", "走访完成率.本月", "走访完成率.本年累计");

    private DistrictTemplateSample() {}

    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : FILE;
        try (XSSFWorkbook wb = build(); OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        System.out.println("Wrote " + file.toAbsolutePath());
    }

    static XSSFWorkbook build() {
        XSSFWorkbook wb = new XSSFWorkbook();
        Styles s = new Styles(wb);
        XSSFSheet sheet = wb.createSheet(SHEET);
        int[] widths = {6, 20, 14, 11, 11, 16, 22};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }

        Row title = sheet.createRow(0);
        title.setHeightInPoints(30);
        set(title, 0, "示范区社区综治重点人群服务管理月报表", s.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 6));
        Row unit = sheet.createRow(1);
        set(unit, 0, "填报单位（盖章）：                         统计月份：      年    月", s.plain);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 6));

        Row head1 = sheet.createRow(2);
        Row head2 = sheet.createRow(3);
        String[] top = {"序号", "人员类别", "在册人数（人）", "本月变动（人）", null, "本年累计新增（人）", "备注"};
        String[] bottom = {null, null, null, "新增", "销册", null, null};
        for (int i = 0; i < top.length; i++) {
            set(head1, i, top[i], s.header);
            set(head2, i, bottom[i], s.header);
        }
        for (int col : new int[] {0, 1, 2, 5, 6}) {
            sheet.addMergedRegion(new CellRangeAddress(2, 3, col, col));
        }
        sheet.addMergedRegion(new CellRangeAddress(2, 2, 3, 4));

        int r = 4;
        for (int i = 0; i < CATEGORIES.size(); i++, r++) {
            String c = CATEGORIES.get(i);
            Row row = sheet.createRow(r);
            Cell no = row.createCell(0);
            no.setCellValue(i + 1);
            no.setCellStyle(s.centre);
            set(row, 1, c, s.text);
            set(row, 2, "{{在册." + c + "}}", s.count);
            set(row, 3, "{{新增." + c + ".本月}}", s.count);
            set(row, 4, "{{销册." + c + ".本月}}", s.count);
            set(row, 5, "{{新增." + c + ".本年累计}}", s.count);
            set(row, 6, null, s.text);
        }
        Row total = sheet.createRow(r);
        set(total, 0, "合计", s.header);
        set(total, 1, null, s.header);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 1));
        for (int col = 2; col <= 5; col++) {
            Cell sum = total.createCell(col);
            String letter = String.valueOf((char) ('A' + col));
            sum.setCellFormula("SUM(" + letter + "5:" + letter + r + ")");
            sum.setCellStyle(s.totalCount);
        }
        set(total, 6, null, s.text);

        r += 2;
        Row visitsHead = sheet.createRow(r++);
        set(visitsHead, 0, "走访情况", s.section);
        sheet.addMergedRegion(new CellRangeAddress(visitsHead.getRowNum(), visitsHead.getRowNum(), 0, 6));
        Row visits = sheet.createRow(r++);
        set(visits, 0, "应访（次）", s.label);
        set(visits, 1, null, s.label);
        sheet.addMergedRegion(new CellRangeAddress(visits.getRowNum(), visits.getRowNum(), 0, 1));
        set(visits, 2, "{{走访.应访.本月}}", s.count);
        set(visits, 3, "按时访（次）", s.label);
        set(visits, 4, null, s.label);
        sheet.addMergedRegion(new CellRangeAddress(visits.getRowNum(), visits.getRowNum(), 3, 4));
        set(visits, 5, "{{走访.按时.本月}}", s.count);
        Row rates = sheet.createRow(r++);
        set(rates, 0, "走访完成率（本月）", s.label);
        set(rates, 1, null, s.label);
        sheet.addMergedRegion(new CellRangeAddress(rates.getRowNum(), rates.getRowNum(), 0, 1));
        set(rates, 2, "{{走访完成率.本月}}", s.percent);
        set(rates, 3, "本年累计（%）", s.label);
        set(rates, 4, null, s.label);
        sheet.addMergedRegion(new CellRangeAddress(rates.getRowNum(), rates.getRowNum(), 3, 4));
        set(rates, 5, "{{走访完成率.本年累计}}", s.oneDecimal);
        Row check = sheet.createRow(r++);
        set(check, 0, "核对：按时访÷应访", s.label);
        set(check, 1, null, s.label);
        sheet.addMergedRegion(new CellRangeAddress(check.getRowNum(), check.getRowNum(), 0, 1));
        Cell ratio = check.createCell(2);
        int visitRow = visits.getRowNum() + 1;
        ratio.setCellFormula("IF(C" + visitRow + "=0,\"—\",F" + visitRow + "/C" + visitRow + ")");
        ratio.setCellStyle(s.percent);

        r++;
        Row note = sheet.createRow(r);
        note.setHeightInPoints(48);
        set(note, 0, "说明：1. 在册人数为统计月份最后一天的人数。2. 本月走访完成率为 {{走访完成率.本月}}"
                + "（按时走访 {{走访.按时.本月}} 次 ÷ 应访 {{走访.应访.本月}} 次）。3. 备注栏填写需要区里了解的情况。",
                s.note);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 6));
        r += 2;
        Row sign = sheet.createRow(r);
        set(sign, 0, "填报人：              审核人：              负责人：              填报日期：      年    月    日",
                s.plain);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 6));

        DataValidationHelper dv = sheet.getDataValidationHelper();
        DataValidation length = dv.createValidation(dv.createTextLengthConstraint(
                DataValidationConstraint.OperatorType.LESS_OR_EQUAL, "50", null), new CellRangeAddressList(4, 7, 6, 6));
        length.setShowErrorBox(true);
        length.createErrorBox("备注过长", "备注不超过 50 个字。");
        sheet.addValidationData(length);

        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(PageMargin.LEFT, 0.5);
        sheet.setMargin(PageMargin.RIGHT, 0.5);
        sheet.setRepeatingRows(new CellRangeAddress(2, 3, -1, -1));
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");

        help(wb, s);
        wb.setActiveSheet(0);
        return wb;
    }

    private static void help(XSSFWorkbook wb, Styles s) {
        XSSFSheet help = wb.createSheet(HELP_SHEET);
        help.setColumnWidth(0, 100 * 256);
        String[] lines = {"填表说明",
            "1. 本表每月 5 日前报区综治中心，统计截至上月最后一天。",
            "2. 单元格中用两层花括号括起的指标代码是占位符，由社区帮扶工作台按“指标代码表”自动填写，请勿改动。",
            "3. 合计行是公式，打开文件时自动计算。"};
        for (int i = 0; i < lines.length; i++) {
            set(help.createRow(i), 0, lines[i], i == 0 ? s.section : s.plain);
        }
    }

    private static void set(Row row, int col, String text, CellStyle style) {
        Cell cell = row.createCell(col);
        if (text != null) {
            cell.setCellValue(text);
        }
        cell.setCellStyle(style);
    }

    /** The template's styles: what a district's own form looks like. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle plain;
        final CellStyle header;
        final CellStyle text;
        final CellStyle centre;
        final CellStyle count;
        final CellStyle totalCount;
        final CellStyle percent;
        final CellStyle oneDecimal;
        final CellStyle section;
        final CellStyle label;
        final CellStyle note;

        Styles(XSSFWorkbook wb) {
            Font big = wb.createFont();
            big.setFontName("宋体");
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            Font bold = wb.createFont();
            bold.setFontName("宋体");
            bold.setBold(true);
            bold.setFontHeightInPoints((short) 11);
            Font normal = wb.createFont();
            normal.setFontName("宋体");
            normal.setFontHeightInPoints((short) 11);

            title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            plain = wb.createCellStyle();
            plain.setFont(normal);
            header = boxed(wb, bold, HorizontalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(true);
            text = boxed(wb, normal, HorizontalAlignment.LEFT);
            centre = boxed(wb, normal, HorizontalAlignment.CENTER);
            count = boxed(wb, normal, HorizontalAlignment.RIGHT);
            count.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            totalCount = boxed(wb, bold, HorizontalAlignment.RIGHT);
            totalCount.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            percent = boxed(wb, normal, HorizontalAlignment.RIGHT);
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            oneDecimal = boxed(wb, normal, HorizontalAlignment.RIGHT);
            oneDecimal.setDataFormat(wb.createDataFormat().getFormat("0.0"));
            section = wb.createCellStyle();
            section.setFont(bold);
            label = boxed(wb, normal, HorizontalAlignment.LEFT);
            note = wb.createCellStyle();
            note.setFont(normal);
            note.setWrapText(true);
            note.setVerticalAlignment(VerticalAlignment.TOP);
        }

        private static CellStyle boxed(XSSFWorkbook wb, Font font, HorizontalAlignment align) {
            CellStyle st = wb.createCellStyle();
            st.setFont(font);
            st.setAlignment(align);
            st.setVerticalAlignment(VerticalAlignment.CENTER);
            st.setBorderTop(BorderStyle.THIN);
            st.setBorderBottom(BorderStyle.THIN);
            st.setBorderLeft(BorderStyle.THIN);
            st.setBorderRight(BorderStyle.THIN);
            return st;
        }
    }
}
