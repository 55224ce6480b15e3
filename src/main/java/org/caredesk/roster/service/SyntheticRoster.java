package org.caredesk.roster.service;

import org.caredesk.people.service.SyntheticPeople;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.caredesk.common.Chinese;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonField;

/**
 * Writes a roster of fictitious people ({@link SyntheticPeople}) in the import format, streaming (SXSSF), for
 * the import benchmark: every row valid, every column of the template filled where the person has it.
 */
public final class SyntheticRoster {
    private static final int WINDOW = 200;

    private SyntheticRoster() {}

    /** Writes {@code rows} people from {@code source} below the template's header row. */
    public static void write(Path file, SyntheticPeople source, int rows) {
        List<PersonField> fields = RosterColumns.IMPORT_FIELDS;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW)) {
            SXSSFSheet sheet = wb.createSheet("名单");
            RosterSheets.Styles styles = RosterSheets.styles(wb);
            RosterSheets.header(sheet, styles, fields);
            int written = 0;
            while (written < rows) {
                for (PersonDraft d : source.next(Math.min(SyntheticPeople.CHUNK, rows - written))) {
                    written++;
                    Row row = sheet.createRow(written);
                    Map<PersonField, Object> values = values(d);
                    for (int i = 0; i < fields.size(); i++) {
                        Object v = values.get(fields.get(i));
                        if (v != null) {
                            RosterSheets.set(row.createCell(i), fields.get(i), v, styles);
                        }
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<PersonField, Object> values(PersonDraft d) {
        Map<PersonField, Object> v = new EnumMap<>(PersonField.class);
        v.put(PersonField.NAME, d.name());
        put(v, PersonField.ID_TYPE, d.idType());
        v.put(PersonField.ID_NUMBER, d.idNumber());
        v.put(PersonField.CATEGORIES, d.memberships().stream().map(m -> m.category().chinese())
                .collect(Collectors.joining(RosterColumns.CATEGORY_JOINER)));
        v.put(PersonField.ETHNICITY, d.ethnicity());
        v.put(PersonField.PHONE1, d.phone2() == null ? d.phone1() : d.phone1() + "、" + d.phone2());
        v.put(PersonField.ESTATE, d.estate());
        v.put(PersonField.BUILDING, d.building());
        v.put(PersonField.UNIT, d.unit());
        v.put(PersonField.ROOM, d.room());
        v.put(PersonField.HOUSEHOLD_ADDRESS, d.householdAddress());
        put(v, PersonField.LIVING_SITUATION, d.livingSituation());
        v.put(PersonField.EMERGENCY_NAME, d.emergencyName());
        v.put(PersonField.EMERGENCY_RELATION, d.emergencyRelation());
        v.put(PersonField.EMERGENCY_PHONE, d.emergencyPhone());
        v.put(PersonField.RESPONSIBLE_STAFF, d.responsibleStaff());
        v.put(PersonField.NOTE, d.note());
        for (Membership m : d.memberships()) {
            put(v, PersonField.RELEASE_DATE, m.releaseDate());
            put(v, PersonField.OFFENCE, m.offence());
            put(v, PersonField.SENTENCE, m.sentence());
            put(v, PersonField.DRUG_PROGRAMME, m.drugProgramme());
            put(v, PersonField.DRUG_START_DATE, m.drugStartDate());
            put(v, PersonField.CORRECTION_TYPE, m.correctionType());
            put(v, PersonField.CORRECTION_START, m.correctionStart());
            put(v, PersonField.CORRECTION_END, m.correctionEnd());
            put(v, PersonField.CORRECTION_LEVEL, m.correctionLevel());
            put(v, PersonField.DIAGNOSIS, m.diagnosis());
            put(v, PersonField.MENTAL_RISK_LEVEL, m.mentalRiskLevel());
            put(v, PersonField.CONSENT_DATE, m.consentDate());
            put(v, PersonField.MEDICATION, m.medication());
            put(v, PersonField.DISABILITY_KIND, m.disabilityKind());
            put(v, PersonField.DISABILITY_GRADE, m.disabilityGrade());
            put(v, PersonField.DISABILITY_CERTIFICATE, m.disabilityCertificate());
            put(v, PersonField.OTHER_TEXT, m.otherText());
        }
        v.values().removeIf(o -> o == null);
        return v;
    }

    /** Only a value the person has: a second category must not blank the first one's details. */
    private static void put(Map<PersonField, Object> v, PersonField f, Object value) {
        if (value != null) {
            v.put(f, value instanceof Chinese c ? c.chinese() : value);
        }
    }
}
