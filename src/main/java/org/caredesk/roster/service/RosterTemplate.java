package org.caredesk.roster.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caredesk.common.I18n;
import org.caredesk.common.IdNumber;
import org.caredesk.common.UserException;
import org.caredesk.db.OwnFiles;
import org.caredesk.excel.PrintLayout;
import org.caredesk.people.Category;
import org.caredesk.people.PersonField;

/**
 * The empty import template: every column the importer knows, one example row that imports cleanly, drop-down
 * lists for the closed vocabularies, text format on the number columns (so Excel cannot eat ID digits), and a
 * second sheet explaining how to fill it in.
 */
public final class RosterTemplate {
    /** Rows below the header that get drop-down lists and the text/date formats. */
    static final int PREPARED_ROWS = 2000;
    private static final String[] HELP_LINES = {"roster.template.help.1", "roster.template.help.2",
        "roster.template.help.3", "roster.template.help.4", "roster.template.help.5", "roster.template.help.6"};

    private RosterTemplate() {}

    /**
     * Writes the template, replacing {@code file}.
     *
     * @param dataDir the open data folder: the template may not go inside it ({@link OwnFiles})
     */
    public static void write(Path file, Path dataDir) {
        // The date in the printed header says when this copy of the template was made: the PC's day is that.
        write(file, dataDir, LocalDate.now());
    }

    /** As {@link #write(Path, Path)}, with the day printed in the page header. */
    public static void write(Path file, Path dataDir, LocalDate today) {
        OwnFiles.checkOutput(dataDir, file);
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            build(wb, today);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        } catch (FileSystemException e) {
            throw new UserException(e, "roster.error.cannotWrite", name);
        } catch (IOException e) {
            throw new UserException(e, "error.io", e.getMessage() == null ? name : e.getMessage());
        }
    }

    /** The example row, column by column (header → value); dates as {@link LocalDate}. */
    static Map<PersonField, Object> example() {
        String id17 = "43010219780612123";
        String id = id17 + IdNumber.checkChar(id17);
        Map<PersonField, Object> v = new LinkedHashMap<>();
        v.put(PersonField.NAME, "李明华");
        v.put(PersonField.ID_TYPE, "居民身份证");
        v.put(PersonField.ID_NUMBER, id);
        v.put(PersonField.CATEGORIES, "刑满释放人员、残疾人");
        v.put(PersonField.ETHNICITY, "汉族");
        v.put(PersonField.PHONE1, "13907310001、15173100002");
        v.put(PersonField.ESTATE, "锦绣花园");
        v.put(PersonField.BUILDING, "3栋");
        v.put(PersonField.UNIT, "2单元");
        v.put(PersonField.ROOM, "502");
        v.put(PersonField.HOUSEHOLD_ADDRESS, "湖南省长沙市芙蓉区锦绣路88号");
        v.put(PersonField.LIVING_SITUATION, "与家人同住");
        v.put(PersonField.EMERGENCY_NAME, "李红");
        v.put(PersonField.EMERGENCY_RELATION, "姐姐");
        v.put(PersonField.EMERGENCY_PHONE, "13807310003");
        v.put(PersonField.RESPONSIBLE_STAFF, "刘敏");
        v.put(PersonField.NOTE, "示例，导入前请删去这一行");
        v.put(PersonField.RELEASE_DATE, LocalDate.of(2022, 6, 30));
        v.put(PersonField.OFFENCE, "盗窃罪");
        v.put(PersonField.SENTENCE, "有期徒刑二年");
        v.put(PersonField.DISABILITY_KIND, "肢体");
        v.put(PersonField.DISABILITY_GRADE, 3);
        v.put(PersonField.DISABILITY_CERTIFICATE, id + "43");
        return v;
    }

    private static void build(XSSFWorkbook wb, LocalDate today) {
        RosterSheets.Styles styles = RosterSheets.styles(wb);
        Sheet sheet = wb.createSheet(I18n.get("roster.export.sheet"));
        List<PersonField> fields = RosterColumns.IMPORT_FIELDS;
        RosterSheets.header(sheet, styles, fields);
        DataValidationHelper dv = sheet.getDataValidationHelper();
        for (int i = 0; i < fields.size(); i++) {
            PersonField f = fields.get(i);
            Class<? extends Enum<?>> type = RosterColumns.ENUM_FIELDS.get(f);
            if (type != null) {
                DataValidation list = dv.createValidation(
                        dv.createExplicitListConstraint(RosterColumns.allowedList(type).toArray(String[]::new)),
                        new CellRangeAddressList(1, PREPARED_ROWS, i, i));
                // A warning, not a stop: the importer also knows common other spellings.
                list.setErrorStyle(DataValidation.ErrorStyle.WARNING);
                list.setShowErrorBox(true);
                list.createErrorBox(I18n.get("roster.template.listTitle"), I18n.get("roster.template.listError"));
                sheet.addValidationData(list);
            }
        }
        Row example = sheet.createRow(1);
        Map<PersonField, Object> values = example();
        for (int i = 0; i < fields.size(); i++) {
            Object value = values.get(fields.get(i));
            if (value != null) {
                RosterSheets.set(example.createCell(i), fields.get(i), value, styles);
            }
        }
        PrintLayout.apply(sheet, I18n.get("roster.template.printTitle"), today, 1);
        help(wb, styles, today);
        wb.setActiveSheet(0);
    }

    private static void help(XSSFWorkbook wb, RosterSheets.Styles styles, LocalDate today) {
        Sheet help = wb.createSheet(I18n.get("roster.template.helpSheet"));
        help.setColumnWidth(0, 22 * 256);
        help.setColumnWidth(1, 10 * 256);
        help.setColumnWidth(2, 90 * 256);
        int r = 0;
        Cell title = help.createRow(r++).createCell(0);
        title.setCellValue(I18n.get("roster.template.helpTitle"));
        title.setCellStyle(styles.header());
        for (String key : HELP_LINES) {
            help.createRow(r++).createCell(0).setCellValue(I18n.get(key));
        }
        r++;
        Row head = help.createRow(r++);
        String[] heads = {I18n.get("roster.template.colColumn"), I18n.get("roster.template.colRequired"),
            I18n.get("roster.template.colContent")};
        for (int i = 0; i < heads.length; i++) {
            Cell c = head.createCell(i);
            c.setCellValue(heads[i]);
            c.setCellStyle(styles.header());
        }
        for (PersonField f : RosterColumns.IMPORT_FIELDS) {
            Row row = help.createRow(r++);
            row.createCell(0).setCellValue(f.header());
            if (RosterColumns.REQUIRED.contains(f)) {
                row.createCell(1).setCellValue(I18n.get("roster.template.required"));
            }
            row.createCell(2).setCellValue(content(f));
        }
        PrintLayout.apply(help, I18n.get("roster.template.helpSheet"), today, 0);
    }

    private static String content(PersonField f) {
        Class<? extends Enum<?>> type = RosterColumns.ENUM_FIELDS.get(f);
        if (f == PersonField.CATEGORIES) {
            return I18n.get("roster.template.content.categories", RosterColumns.allowed(Category.class));
        }
        if (type != null) {
            return I18n.get("roster.template.content.oneOf", RosterColumns.allowed(type));
        }
        if (RosterColumns.DATE_FIELDS.contains(f)) {
            return I18n.get("roster.template.content.date");
        }
        switch (f) {
            case ID_NUMBER:
                return I18n.get("roster.template.content.idNumber");
            case PHONE1:
                return I18n.get("roster.template.content.phone");
            case MENTAL_RISK_LEVEL:
                return I18n.get("roster.template.content.riskLevel");
            case DISABILITY_GRADE:
                return I18n.get("roster.template.content.disabilityGrade");
            default:
                break;
        }
        Category category = RosterColumns.DETAIL_CATEGORY.get(f);
        if (category != null) {
            return I18n.get("roster.template.content.detailOf", category.chinese());
        }
        return "";
    }
}
