package org.caredesk.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.caredesk.audit.AuditDetail;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.FieldChange;
import org.caredesk.audit.ui.PersonHistoryViewModel.Line;
import org.caredesk.common.I18n;
import org.caredesk.ui.DirectTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersonHistoryViewModelTest {
    private static final UUID PERSON = UUID.fromString("01890000-0000-7000-8000-000000000001");

    @BeforeEach
    void chinese() {
        I18n.setLocale(I18n.CHINESE);
    }

    private static AuditEntry entry(long seq, String user, String action, AuditDetail detail) {
        return new AuditEntry(UUID.randomUUID(), seq, LocalDateTime.of(2025, 6, 1, 10, (int) seq), user, action,
                "PERSON", PERSON.toString(), "张三丰", detail == null ? null : detail.encode(), "SUCCESS", "a", "b");
    }

    @Test
    void load_showsOneLinePerChangedField_newestEntryFirst() {
        List<AuditEntry> entries = List.of(
                entry(3, "li", "PERSON_UPDATED", AuditDetail.changes(List.of(
                        new FieldChange("field.PHONE1", "138****8000", "139****9000"),
                        new FieldChange("field.MENTAL_RISK_LEVEL", "1", "4")))),
                entry(2, "li", "PERSON_UPDATED", AuditDetail.changes(List.of())),
                entry(1, "wang", "PERSON_CREATED", AuditDetail.changes(List.of(
                        new FieldChange("field.NAME", null, "张三丰")))));
        UUID[] asked = new UUID[1];
        PersonHistoryViewModel vm = new PersonHistoryViewModel(id -> {
            asked[0] = id;
            return entries;
        }, new DirectTaskRunner());

        vm.load(PERSON, "张三丰");

        assertThat(asked[0]).isEqualTo(PERSON);
        assertThat(vm.titleProperty().get()).isEqualTo("变更记录：张三丰");
        assertThat(vm.lines()).containsExactly(
                new Line(3, "2025-06-01 10:03:00", "li", "修改档案", "联系电话", "138****8000", "139****9000", true),
                new Line(3, "2025-06-01 10:03:00", "li", "修改档案", "危险性等级", "1", "4", false),
                new Line(2, "2025-06-01 10:02:00", "li", "修改档案", "（保存时没有改动内容）", "", "", true),
                new Line(1, "2025-06-01 10:01:00", "wang", "新建档案", "姓名", "", "张三丰", true));
    }

    @Test
    void load_ofAFileWithoutHistory_saysSo() {
        PersonHistoryViewModel vm = new PersonHistoryViewModel(id -> List.of(), new DirectTaskRunner());

        vm.load(PERSON, "张三丰");

        assertThat(vm.lines()).isEmpty();
        assertThat(vm.emptyTextProperty().get()).isEqualTo("这份档案还没有变更记录。");
    }

    @Test
    void load_failure_isOneSentence() {
        PersonHistoryViewModel vm = new PersonHistoryViewModel(id -> {
            throw new org.caredesk.common.UserException("error.personNotFound");
        }, new DirectTaskRunner());

        vm.load(PERSON, "张三丰");

        assertThat(vm.errorProperty().get()).isEqualTo(I18n.get("error.personNotFound"));
    }
}
