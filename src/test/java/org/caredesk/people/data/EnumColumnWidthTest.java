package org.caredesk.people.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caredesk.db.generated.Tables.PERSON;
import static org.caredesk.db.generated.Tables.PERSON_CATEGORY;

import java.util.Map;
import org.caredesk.common.RiskColour;
import org.caredesk.common.Sex;
import org.caredesk.people.Category;
import org.caredesk.people.Enums;
import org.jooq.Field;
import org.junit.jupiter.api.Test;

/**
 * Enums are stored by constant name; a name longer than its column fails only when someone picks that value
 * (INTERMITTENT medication did). The generated classes carry the migrated column widths.
 */
class EnumColumnWidthTest {
    private static final Map<Field<String>, Class<? extends Enum<?>>> COLUMNS = Map.ofEntries(
            Map.entry(PERSON.ID_TYPE, Enums.IdType.class),
            Map.entry(PERSON.SEX, Sex.class),
            Map.entry(PERSON.LIVING_SITUATION, Enums.LivingSituation.class),
            Map.entry(PERSON.COLOUR, RiskColour.class),
            Map.entry(PERSON.STATUS, Enums.PersonStatus.class),
            Map.entry(PERSON.CLOSE_REASON, Enums.CloseReason.class),
            Map.entry(PERSON_CATEGORY.CATEGORY, Category.class),
            Map.entry(PERSON_CATEGORY.DRUG_PROGRAMME, Enums.DrugProgramme.class),
            Map.entry(PERSON_CATEGORY.CORRECTION_TYPE, Enums.CorrectionType.class),
            Map.entry(PERSON_CATEGORY.CORRECTION_LEVEL, Enums.CorrectionLevel.class),
            Map.entry(PERSON_CATEGORY.MENTAL_DIAGNOSIS, Enums.Diagnosis.class),
            Map.entry(PERSON_CATEGORY.MENTAL_MEDICATION, Enums.Medication.class),
            Map.entry(PERSON_CATEGORY.DISABILITY_KIND, Enums.DisabilityKind.class));

    @Test
    void everyStoredEnumConstant_fitsItsColumn() {
        COLUMNS.forEach((column, type) -> {
            int width = column.getDataType().length();
            for (Enum<?> constant : type.getEnumConstants()) {
                assertThat(constant.name().length()).as("%s.%s in %s", type.getSimpleName(), constant.name(),
                        column.getName()).isLessThanOrEqualTo(width);
            }
        });
    }
}
