package org.caredesk.people.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.caredesk.app.AppContext;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Enums.PersonStatus;
import org.caredesk.people.Person;
import org.caredesk.ui.DirectTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CloseFileViewModelTest {
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    private AppContext ctx;
    private Person zhang;
    private final List<Person> closed = new ArrayList<>();

    @BeforeEach
    void open() {
        ctx = AppContext.inMemory(Path.of("target", "test-data"),
                Clock.fixed(TODAY.atStartOfDay(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault()));
        zhang = TestPeople.elderly(ctx.people(), "张三丰", "11010519491231002X", "1号楼");
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private CloseFileViewModel vm() {
        return new CloseFileViewModel(ctx.people(), new DirectTaskRunner(), zhang);
    }

    @Test
    void dateDefaultsToToday_andAReasonIsNeeded() {
        CloseFileViewModel vm = vm();
        assertThat(vm.question()).isEqualTo("确定要为 张三丰 销册吗？");
        assertThat(vm.date().textProperty().get()).isEqualTo("2024-06-01");
        assertThat(vm.validProperty().get()).isFalse();
        vm.reasonProperty().set(CloseReason.MOVED_AWAY);
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void otherReason_needsANote() {
        CloseFileViewModel vm = vm();
        vm.reasonProperty().set(CloseReason.OTHER);
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.messagesProperty().get().get(CloseFileViewModel.NOTE))
                .isEqualTo("销册原因选“其他”时，请在说明里写明原因。");
        vm.noteProperty().set("长期外出务工，本人申请");
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void futureOrMistypedDate_isAFieldError() {
        CloseFileViewModel vm = vm();
        vm.reasonProperty().set(CloseReason.EXPIRED);
        vm.date().textProperty().set("2024-07-01");
        assertThat(vm.messagesProperty().get().get(CloseFileViewModel.DATE)).isEqualTo("销册日期不能晚于今天。");
        vm.date().textProperty().set("六月一日");
        assertThat(vm.messagesProperty().get().get(CloseFileViewModel.DATE)).contains("不是有效日期");
        assertThat(vm.validProperty().get()).isFalse();
    }

    @Test
    void close_keepsTheRecordAsClosed() {
        CloseFileViewModel vm = vm();
        vm.reasonProperty().set(CloseReason.DECEASED);
        vm.date().textProperty().set("2024-05-20");
        vm.close(closed::add);
        assertThat(closed).hasSize(1);
        Person p = ctx.people().find(zhang.id()).orElseThrow();
        assertThat(p.status()).isEqualTo(PersonStatus.CLOSED);
        assertThat(p.closeReason()).isEqualTo(CloseReason.DECEASED);
        assertThat(p.closeDate()).isEqualTo(LocalDate.of(2024, 5, 20));
    }

    @Test
    void closingAFileClosedMeanwhile_saysSo() {
        ctx.people().close(zhang.id(), CloseReason.MOVED_AWAY, TODAY, null, zhang.version());
        CloseFileViewModel vm = vm();
        vm.reasonProperty().set(CloseReason.EXPIRED);
        vm.close(closed::add);
        assertThat(closed).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo("张三丰 的档案已经销册。");
    }
}
