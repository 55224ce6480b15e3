package org.caredesk.risk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;
import org.caredesk.common.RiskColour;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.service.ColourRules;
import org.caredesk.settings.data.SettingsRepository;
import org.caredesk.risk.RiskSettings;
import org.caredesk.visits.VisitsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.caredesk.visits.service.VisitServiceTest;
import org.junit.jupiter.params.Parameter;

/** The rule numbers as settings: defaults, saving, damaged values, refusals. */
@OnBothDatabases
class StoredRiskSettingsTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;
    private VisitsFixture f;

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        f = new VisitsFixture(dir, database);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private StoredRiskSettings fresh() {
        return new StoredRiskSettings(f.ctx.database().dsl(), f.ctx.audit(), f.ctx.actor(), f.ctx.session());
    }

    private static RiskSettings withDays(int red, int yellow, int green) {
        RiskSettings d = RiskSettings.DEFAULTS;
        return new RiskSettings(red, yellow, green, d.mentalMaxMonths(), d.unstableMentalLevel(),
                d.unstableMentalDays(), d.urineMonthsYear1(), d.urineMonthsYear2(), d.urineMonthsYear3(),
                d.positiveUrineMonths(), d.termWarnDays(), d.overrideDays(), d.incidentHours(),
                d.assessmentYellowFrom(), d.assessmentRedFrom(), d.mapping());
    }

    @Test
    void withNothingStored_theDefaultsOfTheDomainApply() {
        RiskSettings s = fresh().load();
        assertThat(s).isEqualTo(RiskSettings.DEFAULTS);
        assertThat(s.visitDays(RiskColour.RED)).isEqualTo(7);
        assertThat(s.visitDays(RiskColour.YELLOW)).isEqualTo(14);
        assertThat(s.visitDays(RiskColour.GREEN)).isEqualTo(30);
        assertThat(s.mapping()).isEqualTo(ColourRules.Mapping.DEFAULTS);
    }

    @Test
    void saved_numbersAreReadBack_andEachChangeIsAudited() {
        RiskSettings d = RiskSettings.DEFAULTS;
        RiskSettings changed = new RiskSettings(5, 10, 20, 2, 3, 10, 1, 2, 3, 6, 45, 60, 12, 3, 6,
                new ColourRules.Mapping(1, 3, Map.of(CorrectionLevel.STRICT, RiskColour.RED, CorrectionLevel.NORMAL,
                        RiskColour.RED, CorrectionLevel.LENIENT, RiskColour.YELLOW)));

        f.ctx.riskSettings().save(changed);

        assertThat(f.ctx.riskSettings().load()).isEqualTo(changed);
        assertThat(fresh().load()).isEqualTo(changed);
        assertThat(f.ctx.audit().history(AuditObjectType.SETTING, "riskRules.redDays",
                List.of(AuditAction.SETTING_CHANGED))).hasSize(1);
        assertThat(d).isNotEqualTo(changed);
    }

    @Test
    void theNumbersApplyToTheNextSave() {
        f.ctx.riskSettings().save(withDays(3, 10, 20));
        var p = f.register("张桂兰", VisitsFixture.elderly());

        f.visitNow(p);

        assertThat(f.ctx.visits().subject(p.id()).nextVisitDue()).isEqualTo(f.today().plusDays(20));
    }

    @Test
    void outOfRange_orInTheWrongOrder_isRefusedNamingTheSetting() {
        List<Problem> range = VisitServiceTest.problems(() -> f.ctx.riskSettings().save(withDays(0, 14, 30)));
        assertThat(range).extracting(Problem::localized)
                .containsExactly("红色人员走访间隔（天）应在 1 到 365 之间，现在是 0。");

        List<Problem> order = VisitServiceTest.problems(() -> f.ctx.riskSettings().save(withDays(20, 14, 30)));
        assertThat(order).extracting(Problem::localized)
                .containsExactly("红色人员走访间隔（天）不能大于黄色人员走访间隔（天）。");
        assertThat(fresh().load()).isEqualTo(RiskSettings.DEFAULTS);
    }

    @Test
    void aDamagedStoredValue_isItsDefault() {
        SettingsRepository repo = new SettingsRepository(f.ctx.database().dsl());
        repo.put(StoredRiskSettings.PREFIX + "greenDays", "thirty");
        repo.put(StoredRiskSettings.PREFIX + "yellowDays", "9999");
        repo.put(StoredRiskSettings.PREFIX + "correction.STRICT", "PURPLE");

        assertThat(fresh().load()).isEqualTo(RiskSettings.DEFAULTS);
    }

    @Test
    void everySettingHasALabelInBothLanguages() {
        for (var locale : List.of(I18n.CHINESE, I18n.ENGLISH)) {
            I18n.setLocale(locale);
            for (Problem p : StoredRiskSettings.problems(new RiskSettings(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    0, new ColourRules.Mapping(0, 0, ColourRules.Mapping.DEFAULTS.correction())))) {
                assertThat(p.localized()).as(p.field()).doesNotContain("!");
            }
        }
    }
}
