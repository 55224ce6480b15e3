package org.caredesk.roster.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Category;
import org.caredesk.people.PersonField;
import org.caredesk.people.PersonQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

@OnBothDatabases
class RosterTemplateTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;
    private AppContext ctx;
    private Path template;

    @BeforeEach
    void write() {
        I18n.setLocale(I18n.CHINESE);
        ctx = database.context(dir.resolve("data"), Clock.systemDefaultZone());
        template = dir.resolve("模板.xlsx");
        RosterTemplate.write(template, dir.resolve("data"));
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void template_hasEveryHeaderOnce_requiredOnesFirst() throws IOException {
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Row head = wb.getSheetAt(0).getRow(0);
            List<String> headers = new ArrayList<>();
            for (Cell c : head) {
                headers.add(c.getStringCellValue());
            }
            assertThat(headers).startsWith("姓名", "证件类型", "证件号码", "人员类别");
            assertThat(headers).doesNotHaveDuplicates();
            assertThat(headers).hasSize(PersonField.values().length - 1); // 联系电话 is one column for two numbers
            for (PersonField f : PersonField.values()) {
                assertThat(headers).contains(f.header());
            }
        }
    }

    @Test
    void exampleRow_importsCleanlyInADryRun() {
        RosterImporter importer = new RosterImporter(ctx.people());

        ImportResult r = importer.importFile(template, true, Progress.NONE);

        assertThat(r.problems()).isEmpty();
        assertThat(r.rowsRead()).isEqualTo(1);
        ImportResult real = importer.importFile(template, false, Progress.NONE);
        assertThat(real.imported()).isEqualTo(1);
        var row = ctx.people().search(PersonQuery.text("李明华")).items().get(0);
        assertThat(row.categories()).containsExactlyInAnyOrder(Category.RELEASED_PRISONER, Category.DISABLED);
    }

    @Test
    void numberColumnsAreText_andClosedListsHaveDropDowns() throws IOException {
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            int idColumn = RosterColumns.IMPORT_FIELDS.indexOf(PersonField.ID_NUMBER);
            assertThat(sheet.getRow(1).getCell(idColumn).getCellStyle().getDataFormatString()).isEqualTo("@");
            assertThat(sheet.getColumnStyle(idColumn).getDataFormatString()).isEqualTo("@");
            assertThat(sheet.getDataValidations()).hasSize(RosterColumns.ENUM_FIELDS.size());
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            Sheet help = wb.getSheetAt(1);
            assertThat(help.getSheetName()).isEqualTo("填写说明");
            assertThat(help.getRow(0).getCell(0).getStringCellValue()).isEqualTo("人员花名册填写说明");
        }
    }
}
