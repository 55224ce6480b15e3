package org.caredesk.risk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;
import org.caredesk.common.RiskColour;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Person;
import org.caredesk.risk.Assessment;
import org.caredesk.risk.AssessmentDraft;
import org.caredesk.risk.AssessmentItem;
import org.caredesk.risk.AssessmentScore;
import org.caredesk.visits.VisitsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.caredesk.visits.service.VisitServiceTest;
import org.junit.jupiter.params.Parameter;

/** The structured assessment: scoring, its thresholds, validation, history and audit. */
@OnBothDatabases
class AssessmentServiceTest {
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

    static AssessmentDraft draft(UUID personId, LocalDate on, int conflicts, int employment, int family,
            int substance, int mental) {
        Map<AssessmentItem, Integer> s = new EnumMap<>(AssessmentItem.class);
        s.put(AssessmentItem.CONFLICTS, conflicts);
        s.put(AssessmentItem.EMPLOYMENT, employment);
        s.put(AssessmentItem.FAMILY_SUPPORT, family);
        s.put(AssessmentItem.SUBSTANCE_USE, substance);
        s.put(AssessmentItem.MENTAL_STATE, mental);
        return new AssessmentDraft(personId, on, s, "入户评估");
    }

    @Test
    void score_totalsTheAnswers_andGivesTheColourOfTheThresholds() {
        Map<AssessmentItem, Integer> s = new EnumMap<>(AssessmentItem.class);
        assertThat(f.ctx.assessments().score(s)).isEqualTo(new AssessmentScore(0, 10, RiskColour.GREEN));
        s.put(AssessmentItem.CONFLICTS, 2);
        s.put(AssessmentItem.EMPLOYMENT, 1);
        assertThat(f.ctx.assessments().score(s).colour()).isEqualTo(RiskColour.GREEN);
        s.put(AssessmentItem.MENTAL_STATE, 1);
        assertThat(f.ctx.assessments().score(s)).isEqualTo(new AssessmentScore(4, 10, RiskColour.YELLOW));
        s.put(AssessmentItem.FAMILY_SUPPORT, 2);
        s.put(AssessmentItem.SUBSTANCE_USE, 1);
        assertThat(f.ctx.assessments().score(s)).isEqualTo(new AssessmentScore(7, 10, RiskColour.RED));
    }

    @Test
    void save_keepsTheAnswers_theLatestComesFirst_andTheAuditLogHasIt() {
        Person p = f.register("孙建国", VisitsFixture.elderly());
        Assessment first = f.ctx.assessments().save(draft(p.id(), f.today().minusDays(10), 1, 1, 1, 0, 1));
        Assessment second = f.ctx.assessments().save(draft(p.id(), f.today(), 0, 0, 1, 0, 0));

        assertThat(f.ctx.assessments().history(p.id())).containsExactly(second, first);
        assertThat(f.ctx.assessments().latest(p.id())).contains(second);
        assertThat(first.colour()).isEqualTo(RiskColour.YELLOW);
        assertThat(f.ctx.colours().current(p.id()).colour()).isEqualTo(RiskColour.GREEN);
        assertThat(f.ctx.audit().history(AuditObjectType.ASSESSMENT, second.id().toString(),
                List.of(AuditAction.ASSESSMENT_RECORDED))).hasSize(1);
    }

    @Test
    void everyQuestionMustBeAnswered_withinItsScores_andNotInTheFuture() {
        Person p = f.register("孙建国", VisitsFixture.elderly());
        Map<AssessmentItem, Integer> s = new EnumMap<>(AssessmentItem.class);
        s.put(AssessmentItem.CONFLICTS, 3);
        s.put(AssessmentItem.EMPLOYMENT, 0);
        s.put(AssessmentItem.FAMILY_SUPPORT, 0);
        s.put(AssessmentItem.SUBSTANCE_USE, 0);

        List<Problem> problems = VisitServiceTest.problems(() -> f.ctx.assessments().save(
                new AssessmentDraft(p.id(), f.today().plusDays(1), s, null)));

        assertThat(problems).extracting(Problem::localized).containsExactly("评估日期不能晚于今天。",
                "“近期矛盾纠纷”的得分应在 0 到 2 之间。", "请回答“精神状态”。");
        assertThat(f.ctx.assessments().history(p.id())).isEmpty();
    }

    @Test
    void aClosedFile_cannotBeAssessed() {
        Person p = f.register("孙建国", VisitsFixture.elderly());
        f.ctx.people().close(p.id(), CloseReason.DECEASED, f.today(), null, p.version());

        assertThat(VisitServiceTest.refusal(() -> f.ctx.assessments().save(draft(p.id(), f.today(), 0, 0, 0, 0,
                0))).localized()).isEqualTo("孙建国 的档案已经销册，不能再做风险评估。");
    }
}
