package org.caredesk.audit.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditQuery;
import org.caredesk.audit.FieldChange;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.common.I18n;
import org.caredesk.common.IdNumber;
import org.caredesk.common.UserException;
import org.caredesk.common.ValidationException;
import org.caredesk.db.Database;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.IdType;
import org.caredesk.people.Enums.LivingSituation;
import org.caredesk.people.Enums.Medication;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.data.PersonRepository;
import org.caredesk.people.service.PeopleRules;
import org.caredesk.people.service.PersonService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** The people registry's writes leave entries in the audit log, in the same transaction, with their changes. */
@OnBothDatabases
class PersonAuditTest {
    @Parameter
    TestDatabase database;

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final LocalDate TODAY = LocalDate.now(CLOCK);

    private Database db;
    private AuditLog audit;
    private PersonService people;
    private String actor = "wang";

    static String validId(String birth, int sequence) {
        String first17 = "110105" + birth + String.format("%03d", sequence);
        return first17 + IdNumber.checkChar(first17);
    }

    static PersonDraft draft(String name, String id, String phone, Membership... memberships) {
        return new PersonDraft(name, IdType.RESIDENT_ID, id, "汉族", phone, null, "锦绣小区", "3栋", "2单元", "301", null,
                LivingSituation.ALONE, null, null, null, "王社工", null, List.of(memberships));
    }

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        db = database.open();
        var session = org.caredesk.security.TestSessions.everything();
        audit = new AuditLog(db.dsl(), new AuditRepository(), CLOCK, session);
        people = new PersonService(db.dsl(), new PersonRepository(), CLOCK, PeopleRules.DEFAULTS, audit,
                () -> actor, session);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<AuditEntry> entries() {
        List<AuditEntry> all = new ArrayList<>();
        audit.forEachMatching(AuditQuery.all(), all::add);
        return all;
    }

    @Test
    void register_recordsTheNewFile_withNumbersMasked() {
        Person p = people.register(draft("张三丰", "11010519491231002X", "13800138000",
                Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, 3, TODAY, Medication.REGULAR)));

        List<AuditEntry> entries = entries();
        assertThat(entries).hasSize(1);
        AuditEntry e = entries.get(0);
        assertThat(e.knownAction()).contains(AuditAction.PERSON_CREATED);
        assertThat(e.userName()).isEqualTo("wang");
        assertThat(e.objectType()).isEqualTo("PERSON");
        assertThat(e.objectId()).isEqualTo(p.id().toString());
        assertThat(e.objectLabel()).isEqualTo("张三丰");
        assertThat(e.changes()).contains(
                new FieldChange("field.NAME", null, "张三丰"),
                new FieldChange("field.ID_NUMBER", null, "110***********002X"),
                new FieldChange("field.PHONE1", null, "138****8000"),
                new FieldChange("field.CATEGORIES", null, "enum.Category.MENTAL_DISORDER", true),
                new FieldChange("field.DIAGNOSIS", null, "enum.Diagnosis.SCHIZOPHRENIA", true),
                new FieldChange("field.MENTAL_RISK_LEVEL", null, "3"),
                new FieldChange("field.status", null, "enum.PersonStatus.ACTIVE", true));
        assertThat(e.detail()).doesNotContain("11010519491231002X").doesNotContain("13800138000");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void update_recordsExactlyTheChangedFields_underTheActorAtThatMoment() {
        Person p = people.register(draft("张三丰", validId("19800101", 11), "13800138000",
                Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, 1, TODAY, Medication.REGULAR)));
        actor = "li";
        PersonDraft changed = draft("张三丰", validId("19800101", 11), "13900139000",
                Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, 4, TODAY, Medication.REGULAR),
                Membership.of(Category.ELDERLY_ALONE));

        people.update(p.id(), changed, p.version());

        AuditEntry e = entries().get(1);
        assertThat(e.knownAction()).contains(AuditAction.PERSON_UPDATED);
        assertThat(e.userName()).isEqualTo("li");
        assertThat(e.changes()).containsExactly(
                new FieldChange("field.PHONE1", "138****8000", "139****9000"),
                new FieldChange("field.MENTAL_RISK_LEVEL", "1", "4"),
                new FieldChange("field.CATEGORIES", null, "enum.Category.ELDERLY_ALONE", true),
                new FieldChange("field.colour", "enum.RiskColour.YELLOW", "enum.RiskColour.RED", true));
        assertThat(e.detailText()).isEqualTo("联系电话：138****8000 → 139****9000；危险性等级：1 → 4；"
                + "人员类别：（空） → 独居老人；风险等级：黄 → 红");
    }

    @Test
    void refusedUpdate_leavesNoEntry() {
        Person p = people.register(draft("张三丰", validId("19800101", 11), null, Membership.of(Category.OTHER)
                .toBuilder().otherText("低保户").build()));

        assertThatThrownBy(() -> people.update(p.id(), draft("", validId("19800101", 11), null), p.version()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> people.update(p.id(), draft("张三", validId("19800101", 11), null,
                Membership.of(Category.ELDERLY_ALONE)), p.version() + 5)).isInstanceOf(UserException.class);

        assertThat(entries()).hasSize(1);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void close_recordsStatusReasonDateAndNote() {
        Person p = people.register(draft("张三丰", validId("19800101", 11), null, Membership.of(Category.ELDERLY_ALONE)));

        people.close(p.id(), CloseReason.MOVED_AWAY, TODAY, "迁往外省", p.version());

        AuditEntry e = entries().get(1);
        assertThat(e.knownAction()).contains(AuditAction.PERSON_CLOSED);
        assertThat(e.changes()).containsExactly(
                new FieldChange("field.status", "enum.PersonStatus.ACTIVE", "enum.PersonStatus.CLOSED", true),
                new FieldChange("field.closeReason", null, "enum.CloseReason.MOVED_AWAY", true),
                new FieldChange("field.closeDate", null, "2025-06-01"),
                new FieldChange("field.closeNote", null, "迁往外省"));
    }

    @Test
    void registerAll_recordsTheImportAndEachNewFile() {
        List<Person> created = people.registerAll(List.of(
                draft("甲", validId("19800101", 11), null, Membership.of(Category.ELDERLY_ALONE)),
                draft("乙", validId("19800101", 12), null, Membership.of(Category.ELDERLY_ALONE))), "名单.xlsx");

        List<AuditEntry> entries = entries();
        // The files are created batch by batch; the import's own entry comes with the last step that completes it.
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly("PERSON_CREATED", "PERSON_CREATED", "IMPORT");
        assertThat(entries.get(2).objectLabel()).isEqualTo("名单.xlsx");
        assertThat(entries.get(2).detailText()).isEqualTo("从“名单.xlsx”导入 2 人");
        assertThat(entries.subList(0, 2)).extracting(AuditEntry::objectId)
                .containsExactly(created.get(0).id().toString(), created.get(1).id().toString());
        assertThat(audit.verify().sentence()).isEqualTo("审计日志完整，共 3 条。");
    }

    @Test
    void refusedImport_leavesNoEntry() {
        assertThatThrownBy(() -> people.registerAll(List.of(
                draft("甲", validId("19800101", 11), null, Membership.of(Category.ELDERLY_ALONE)),
                draft("", "123", null)), "名单.xlsx")).isInstanceOf(ValidationException.class);

        assertThat(entries()).isEmpty();
    }

    @Test
    void personHistory_isNewestFirst_withChanges_withoutViews() {
        Person p = people.register(draft("张三丰", validId("19800101", 11), null, Membership.of(Category.ELDERLY_ALONE)));
        people.view(p.id());
        Person edited = people.update(p.id(), draft("张三丰", validId("19800101", 11), "13800138000",
                Membership.of(Category.ELDERLY_ALONE)), p.version());
        people.close(p.id(), CloseReason.DECEASED, TODAY, null, edited.version());
        people.register(draft("李四", validId("19800101", 12), null, Membership.of(Category.ELDERLY_ALONE)));

        List<AuditEntry> history = people.personHistory(p.id());

        assertThat(history).extracting(AuditEntry::action)
                .containsExactly("PERSON_CLOSED", "PERSON_UPDATED", "PERSON_CREATED");
        assertThat(history.get(1).changes()).containsExactly(new FieldChange("field.PHONE1", null, "138****8000"));
        assertThat(people.personHistory(UUID.randomUUID())).isEmpty();
    }

    @Test
    void view_recordsWhoLooked_findDoesNot() {
        Person p = people.register(draft("张三丰", validId("19800101", 11), null, Membership.of(Category.ELDERLY_ALONE)));
        actor = "zhao";

        // The screens get the file masked; the program's own reads get it whole.
        assertThat(people.view(p.id())).contains(p.withNumbersMasked());
        assertThat(people.find(p.id())).contains(p);
        assertThat(people.view(UUID.randomUUID())).isEmpty();

        List<AuditEntry> entries = entries();
        assertThat(entries).extracting(AuditEntry::action).containsExactly("PERSON_CREATED", "PERSON_VIEWED");
        assertThat(entries.get(1).userName()).isEqualTo("zhao");
        assertThat(entries.get(1).detail()).isNull();
    }

    @Test
    void theLargestPossibleChange_fitsTheDetailColumn() {
        String note = "备".repeat(2000);
        PersonDraft full = new PersonDraft("名".repeat(30), IdType.RESIDENT_ID, validId("19800101", 11), "汉族",
                "13800138000", "13900139000", "区".repeat(60), "楼".repeat(20), "单".repeat(20), "房".repeat(20),
                "址".repeat(200), LivingSituation.WITH_FAMILY, "联".repeat(60), "系".repeat(20), "13700137000",
                "责".repeat(60), note, List.of(
                        Membership.releasedPrisoner(TODAY.minusYears(1), "罪".repeat(100), "刑".repeat(60)),
                        Membership.drugUser(org.caredesk.people.Enums.DrugProgramme.COMMUNITY_DETOX, TODAY),
                        Membership.correction(org.caredesk.people.Enums.CorrectionType.PROBATION, TODAY,
                                TODAY.plusYears(1), org.caredesk.people.Enums.CorrectionLevel.STRICT),
                        Membership.mentalDisorder(Diagnosis.INTELLECTUAL_DISABILITY_RELATED, 5, TODAY,
                                Medication.INTERMITTENT),
                        Membership.of(Category.ELDERLY_ALONE),
                        Membership.disabled(org.caredesk.people.Enums.DisabilityKind.MULTIPLE, 1,
                                "1".repeat(40)),
                        Membership.other("其".repeat(200))));
        Person p = people.register(full);
        PersonDraft other = new PersonDraft("姓".repeat(30), IdType.PASSPORT, "E" + "9".repeat(20), "回族",
                "13600136000", "13500135000", "街".repeat(60), "栋".repeat(20), "元".repeat(20), "室".repeat(20),
                "籍".repeat(200), LivingSituation.OTHER, "人".repeat(60), "亲".repeat(20), "13400134000",
                "任".repeat(60), "注".repeat(2000), List.of(Membership.of(Category.ELDERLY_ALONE)));

        Person changed = people.update(p.id(), other, p.version());
        people.close(p.id(), CloseReason.OTHER, TODAY, "销".repeat(500), changed.version());

        assertThat(entries()).hasSize(3);
        assertThat(entries()).allSatisfy(e -> assertThat(e.detail().length()).isLessThan(8000));
        assertThat(audit.verify().intact()).isTrue();
    }
}
