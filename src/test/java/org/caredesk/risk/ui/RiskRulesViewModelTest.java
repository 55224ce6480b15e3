package org.caredesk.risk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.UUID;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.people.service.ColourRules;
import org.caredesk.security.Role;
import org.caredesk.security.UserIdentity;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.risk.RiskSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RiskRulesViewModelTest {
    private AppContext ctx;
    private RiskRulesViewModel vm;

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        ctx = AppContext.inMemory(Path.of("target", "test-data"), Clock.systemDefaultZone());
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private void openAs(Role role, boolean mayManage) {
        ctx.session().login(new UserIdentity(UUID.randomUUID(), "u", "u", EnumSet.of(role)), ctx.clock().instant());
        vm = new RiskRulesViewModel(ctx.riskSettings(), new DirectTaskRunner(), mayManage);
        vm.load();
    }

    private String text(String key) {
        return vm.field(key).textProperty().get();
    }

    private void type(String key, String value) {
        vm.field(key).textProperty().set(value);
    }

    private String problem(String key) {
        return vm.field(key).problemProperty().get();
    }

    @Test
    void loads_everyNumberOfTheRules_butNotTheColourMapping() {
        openAs(Role.DIRECTOR, true);

        assertThat(vm.fields()).extracting(RiskRulesViewModel.Field::key).containsExactly("redDays", "yellowDays",
                "greenDays", "mentalMaxMonths", "unstableMentalLevel", "unstableMentalDays", "urineMonthsYear1",
                "urineMonthsYear2", "urineMonthsYear3", "positiveUrineMonths", "termWarnDays", "overrideDays",
                "incidentHours", "assessmentYellowFrom", "assessmentRedFrom");
        assertThat(vm.fields()).extracting(f -> f.textProperty().get()).containsExactly("7", "14", "30", "3", "3",
                "14", "1", "2", "3", "6", "30", "90", "24", "4", "7");
        assertThat(vm.fields()).allSatisfy(f -> assertThat(I18n.get(f.labelKey())).doesNotStartWith("field."));
        assertThat(vm.mayManageProperty().get()).isTrue();
    }

    @Test
    void theDirector_changesNumbers_andTheyAreSaved_withTheMappingKept() {
        ColourRules.Mapping mapping = new ColourRules.Mapping(2, 4, RiskSettings.DEFAULTS.mapping().correction());
        ctx.riskSettings().save(withMapping(RiskSettings.DEFAULTS, mapping));
        openAs(Role.DIRECTOR, true);

        type("redDays", " 5 ");
        type("incidentHours", "12");
        type("assessmentRedFrom", "8");
        vm.save();

        RiskSettings saved = ctx.riskSettings().load();
        assertThat(saved.redDays()).isEqualTo(5);
        assertThat(saved.incidentHours()).isEqualTo(12);
        assertThat(saved.assessmentRedFrom()).isEqualTo(8);
        assertThat(saved.yellowDays()).isEqualTo(14);
        assertThat(saved.mapping()).isEqualTo(mapping);
        assertThat(text("redDays")).isEqualTo("5");
        assertThat(vm.statusProperty().get()).isEqualTo(I18n.get("riskRules.saved"));
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void aTextThatIsNotANumber_isRefusedNamingTheField_andNothingIsSaved() {
        openAs(Role.DIRECTOR, true);

        type("redDays", "5");
        type("greenDays", "一个月");
        vm.save();

        assertThat(problem("greenDays")).contains("绿色人员走访间隔（天）").contains("一个月").contains("整数");
        assertThat(problem("redDays")).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo(problem("greenDays"));
        assertThat(ctx.riskSettings().load()).isEqualTo(RiskSettings.DEFAULTS);

        type("greenDays", "30");
        vm.save();
        assertThat(problem("greenDays")).as("cleared once right").isEmpty();
        assertThat(ctx.riskSettings().load().redDays()).isEqualTo(5);
    }

    @Test
    void numbersOutOfRange_getTheServicesSentence_besideEachField() {
        openAs(Role.DIRECTOR, true);

        type("redDays", "0");
        type("incidentHours", "500");
        vm.save();

        assertThat(problem("redDays")).isEqualTo(I18n.get("problem.riskRules.range",
                I18n.get("field.riskRules.redDays"), "1", "365", "0"));
        assertThat(problem("incidentHours")).contains("应急事件办结时限（小时）").contains("500");
        assertThat(problem("yellowDays")).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo(I18n.get("error.validation", 2));
        assertThat(ctx.riskSettings().load()).isEqualTo(RiskSettings.DEFAULTS);
    }

    @Test
    void thresholdsInTheWrongOrder_areRefusedAtTheLaterField() {
        openAs(Role.DIRECTOR, true);

        type("assessmentYellowFrom", "9");
        type("assessmentRedFrom", "8");
        vm.save();

        assertThat(problem("assessmentRedFrom")).contains("评估总分达到几分为黄色").contains("不能大于");
        assertThat(ctx.riskSettings().load()).isEqualTo(RiskSettings.DEFAULTS);
    }

    @Test
    void restoreDefaults_fillsTheNumbersIn_butSavesOnlyWithSave() {
        RiskSettings changed = new RiskSettings(5, 10, 20, 2, 4, 7, 1, 1, 2, 3, 15, 60, 12, 3, 6,
                RiskSettings.DEFAULTS.mapping());
        ctx.riskSettings().save(changed);
        openAs(Role.DIRECTOR, true);
        assertThat(text("redDays")).isEqualTo("5");
        type("greenDays", "x");
        vm.save();
        assertThat(problem("greenDays")).isNotEmpty();

        vm.restoreDefaults();

        assertThat(vm.fields()).extracting(f -> f.textProperty().get()).containsExactly("7", "14", "30", "3", "3",
                "14", "1", "2", "3", "6", "30", "90", "24", "4", "7");
        assertThat(problem("greenDays")).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo(I18n.get("riskRules.defaultsFilled"));
        assertThat(ctx.riskSettings().load()).isEqualTo(changed);

        vm.save();
        assertThat(ctx.riskSettings().load()).isEqualTo(RiskSettings.DEFAULTS);
    }

    @Test
    void theFrontDesk_cannotSave_andTheServiceRefusesThemAnyway() {
        openAs(Role.FRONT_DESK, false);
        assertThat(vm.mayManageProperty().get()).isFalse();
        assertThat(text("redDays")).as("the numbers are shown").isEqualTo("7");

        type("redDays", "5");
        vm.save();
        assertThat(ctx.riskSettings().load().redDays()).isEqualTo(7);

        // Even a section wrongly left enabled cannot change them: the service checks the right.
        vm = new RiskRulesViewModel(ctx.riskSettings(), new DirectTaskRunner(), true);
        vm.load();
        type("redDays", "5");
        vm.save();
        assertThat(vm.errorProperty().get()).contains("没有");
        assertThat(ctx.riskSettings().load().redDays()).isEqualTo(7);
        assertThat(vm.statusProperty().get()).isEmpty();
    }

    private static RiskSettings withMapping(RiskSettings s, ColourRules.Mapping m) {
        return new RiskSettings(s.redDays(), s.yellowDays(), s.greenDays(), s.mentalMaxMonths(),
                s.unstableMentalLevel(), s.unstableMentalDays(), s.urineMonthsYear1(), s.urineMonthsYear2(),
                s.urineMonthsYear3(), s.positiveUrineMonths(), s.termWarnDays(), s.overrideDays(), s.incidentHours(),
                s.assessmentYellowFrom(), s.assessmentRedFrom(), m);
    }
}
