package org.caredesk.roster.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;
import org.caredesk.common.UserException;
import org.caredesk.roster.service.ImportProblem;
import org.caredesk.roster.service.ImportResult;
import org.caredesk.ui.DirectTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImportViewModelTest {
    private static final ImportProblem CHECKSUM = new ImportProblem(3, "证件号码",
            Problem.error("ID_NUMBER", "problem.idNumber.checksum"));
    private static final ImportProblem UNKNOWN_COLUMN = new ImportProblem(1, "序号",
            Problem.warning("header", "roster.problem.unknownHeader", "序号"));

    private final AtomicInteger imported = new AtomicInteger(-1);

    @BeforeEach
    void chinese() {
        I18n.setLocale(I18n.CHINESE);
    }

    private ImportViewModel vm(ImportViewModel.RealImport realImport) {
        ImportViewModel vm = new ImportViewModel(new DirectTaskRunner(), "名单.xlsx", realImport, Runnable::run);
        vm.setOnImported(imported::set);
        return vm;
    }

    @Test
    void refusedDryRun_listsProblems_andCannotBeImported() {
        ImportViewModel vm = vm(p -> {
            throw new AssertionError("must not import");
        });

        vm.show(new ImportResult(13, 0, true, List.of(UNKNOWN_COLUMN, CHECKSUM)));

        assertThat(vm.summaryProperty().get()).isEqualTo("共读取 13 行，发现 1 个问题，没有导入任何人员。请在 Excel 中改正后重新导入。");
        assertThat(vm.problems()).containsExactly(UNKNOWN_COLUMN, CHECKSUM);
        assertThat(vm.cleanProperty().get()).isFalse();
        assertThat(vm.fileTextProperty().get()).isEqualTo("文件：名单.xlsx");
        vm.importNow();
        assertThat(imported.get()).isEqualTo(-1);
    }

    @Test
    void cleanDryRun_canBeImported_andReportsTheCount() {
        ImportViewModel vm = vm(p -> new ImportResult(105, 105, false, List.of()));
        vm.show(new ImportResult(105, 0, true, List.of()));

        assertThat(vm.summaryProperty().get()).isEqualTo("检查通过：可以导入 105 人。");
        assertThat(vm.cleanProperty().get()).isTrue();

        vm.importNow();

        assertThat(imported.get()).isEqualTo(105);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.cleanProperty().get()).as("no second import of the same file").isFalse();
    }

    @Test
    void warningsOnly_stillAllowTheImport_andAreCounted() {
        ImportViewModel vm = vm(p -> new ImportResult(2, 2, false, List.of(UNKNOWN_COLUMN)));

        vm.show(new ImportResult(2, 0, true, List.of(UNKNOWN_COLUMN)));

        assertThat(vm.summaryProperty().get()).isEqualTo("检查通过：可以导入 2 人。另有 1 条提示，请看一下。");
        assertThat(vm.cleanProperty().get()).isTrue();
        assertThat(ImportViewModel.problemText(UNKNOWN_COLUMN)).startsWith("提示：程序不认识“序号”这一列");
    }

    @Test
    void importRefusedOnWrite_showsTheNewProblems() {
        ImportProblem taken = new ImportProblem(4, "证件号码", Problem.error("ID_NUMBER", "problem.idNumber.duplicate",
                "11010519491231002X", "赵六"));
        ImportViewModel vm = vm(p -> new ImportResult(3, 0, false, List.of(taken)));
        vm.show(new ImportResult(3, 0, true, List.of()));

        vm.importNow();

        assertThat(imported.get()).isEqualTo(-1);
        assertThat(vm.problems()).containsExactly(taken);
        assertThat(vm.cleanProperty().get()).isFalse();
    }

    @Test
    void failure_isOneSentence_andCancelIsSilent() {
        ImportViewModel failing = vm(p -> {
            throw new UserException("roster.error.cannotRead", "名单.xlsx");
        });
        failing.show(new ImportResult(1, 0, true, List.of()));
        failing.importNow();
        assertThat(failing.errorProperty().get()).isEqualTo(I18n.get("roster.error.cannotRead", "名单.xlsx"));

        ImportViewModel cancelled = vm(p -> {
            throw new CancellationException();
        });
        cancelled.show(new ImportResult(1, 0, true, List.of()));
        cancelled.importNow();
        assertThat(cancelled.errorProperty().get()).isEmpty();
        assertThat(cancelled.busyProperty().get()).isFalse();
    }

    @Test
    void cancel_isSeenByTheRunningImport() {
        ImportViewModel[] self = new ImportViewModel[1];
        ImportViewModel vm = vm(p -> {
            self[0].cancel();
            assertThat(p.isCancelled()).isTrue();
            throw new CancellationException();
        });
        self[0] = vm;
        vm.show(new ImportResult(1, 0, true, List.of()));

        vm.importNow();

        assertThat(imported.get()).isEqualTo(-1);
    }

    @Test
    void progress_reachesTheProperties() {
        ImportViewModel vm = vm(p -> {
            p.message("正在逐行检查……");
            p.update(5, 10);
            return new ImportResult(10, 10, false, List.of());
        });
        vm.show(new ImportResult(10, 0, true, List.of()));

        vm.importNow();

        assertThat(vm.progress().fractionProperty().get()).isEqualTo(0.5);
        assertThat(vm.progress().detailProperty().get()).isEqualTo("已处理 5 / 10 行");
        assertThat(vm.progress().messageProperty().get()).isEqualTo("正在逐行检查……");
    }
}
