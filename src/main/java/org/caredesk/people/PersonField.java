package org.caredesk.people;

/**
 * The fields of a person record. Problems name these; the form maps them to its controls, the importer to its
 * column headers ({@link #header()}, the Chinese header text of the roster template).
 */
public enum PersonField {
    NAME("姓名"),
    ID_TYPE("证件类型"),
    ID_NUMBER("证件号码"),
    CATEGORIES("人员类别"),
    ETHNICITY("民族"),
    PHONE1("联系电话"),
    PHONE2("联系电话"),
    ESTATE("小区"),
    BUILDING("楼栋"),
    UNIT("单元"),
    ROOM("房号"),
    HOUSEHOLD_ADDRESS("户籍地址"),
    LIVING_SITUATION("居住情况"),
    EMERGENCY_NAME("紧急联系人"),
    EMERGENCY_RELATION("紧急联系人关系"),
    EMERGENCY_PHONE("紧急联系人电话"),
    RESPONSIBLE_STAFF("帮扶责任人"),
    NOTE("备注"),
    RELEASE_DATE("释放日期"),
    OFFENCE("罪名"),
    SENTENCE("刑期"),
    DRUG_PROGRAMME("戒毒类型"),
    DRUG_START_DATE("戒毒开始日期"),
    CORRECTION_TYPE("矫正类别"),
    CORRECTION_START("矫正开始日期"),
    CORRECTION_END("矫正结束日期"),
    CORRECTION_LEVEL("矫正级别"),
    DIAGNOSIS("诊断"),
    MENTAL_RISK_LEVEL("危险性等级"),
    CONSENT_DATE("知情同意书签署日期"),
    MEDICATION("服药情况"),
    DISABILITY_KIND("残疾类别"),
    DISABILITY_GRADE("残疾等级"),
    DISABILITY_CERTIFICATE("残疾证号"),
    OTHER_TEXT("其他类别说明");

    private final String header;

    PersonField(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    /** i18n key of the field's label, e.g. {@code field.ID_NUMBER}. */
    public String labelKey() {
        return "field." + name();
    }
}
