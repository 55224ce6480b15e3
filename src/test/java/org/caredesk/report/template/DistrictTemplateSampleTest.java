package org.caredesk.report.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo district's template in sample-data/ is what {@link DistrictTemplateSample} writes, and it fills. */
class DistrictTemplateSampleTest {
    @TempDir
    Path dir;

    private static XSSFWorkbook committed() throws IOException {
        try (InputStream in = Files.newInputStream(DistrictTemplateSample.FILE)) {
            return new XSSFWorkbook(in);
        }
    }

    @Test
    void theCommittedTemplate_matchesItsGenerator() throws IOException {
        try (XSSFWorkbook file = committed(); XSSFWorkbook built = DistrictTemplateSample.build()) {
            assertThat(file.getNumberOfSheets()).isEqualTo(built.getNumberOfSheets());
            for (int i = 0; i < built.getNumberOfSheets(); i++) {
                Sheet a = file.getSheetAt(i);
                Sheet b = built.getSheetAt(i);
                assertThat(a.getSheetName()).isEqualTo(b.getSheetName());
                assertThat(a.getMergedRegions()).isEqualTo(b.getMergedRegions());
                assertThat(a.getPhysicalNumberOfRows()).isEqualTo(b.getPhysicalNumberOfRows());
                for (Row rb : b) {
                    Row ra = a.getRow(rb.getRowNum());
                    for (Cell cb : rb) {
                        Cell ca = ra.getCell(cb.getColumnIndex());
                        String where = b.getSheetName() + "!" + cb.getAddress();
                        assertThat(ca.getCellType()).as(where).isEqualTo(cb.getCellType());
                        assertThat(ca.toString()).as(where).isEqualTo(cb.toString());
                        assertThat(ca.getCellStyle().getDataFormatString()).as(where)
                                .isEqualTo(cb.getCellStyle().getDataFormatString());
                    }
                }
            }
        }
    }

    @Test
    void theCommittedTemplate_usesExactlyTheListedCodes_andFillsWithoutProblems() throws IOException {
        Set<String> found = new LinkedHashSet<>();
        try (XSSFWorkbook file = committed()) {
            for (Sheet sheet : file) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            found.addAll(Placeholders.parse(cell.getStringCellValue()).codes());
                        }
                    }
                }
            }
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(DistrictTemplateSample.CODES);

        TemplateFiller filler = new TemplateFiller(Set.copyOf(DistrictTemplateSample.CODES), dir.resolve("d/tmp"));
        assertThat(filler.check(DistrictTemplateSample.FILE)).isEmpty();
        Path out = dir.resolve("11月.xlsx");
        TemplateFiller.Filled filled = filler.fill(DistrictTemplateSample.FILE, TemplateFillerTest.sampleFigures(),
                out, f -> { });
        assertThat(filled.notComputable()).isEmpty();
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Cell total = wb.getSheet(DistrictTemplateSample.SHEET).getRow(8).getCell(2);
            assertThat(wb.getCreationHelper().createFormulaEvaluator().evaluate(total).getNumberValue())
                    .isEqualTo(75.0);
        }
    }
}
