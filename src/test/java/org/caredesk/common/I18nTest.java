package org.caredesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class I18nTest {
    @AfterEach
    void backToChinese() {
        I18n.setLocale(I18n.CHINESE);
    }

    @Test
    void chineseIsTheDefault_andKeyArgumentsAreTranslatedWhenTheSentenceIsBuilt() {
        assertThat(I18n.locale()).isEqualTo(I18n.CHINESE);
        Problem p = Problem.error("NAME", "problem.required", new I18n.Key("field.NAME"));

        assertThat(p.localized()).isEqualTo("请填写姓名。");
        I18n.setLocale(Locale.ENGLISH);
        assertThat(p.localized()).isEqualTo("Please fill in Name.");
    }

    @Test
    void anyNonEnglishLocale_fallsBackToChinese() {
        I18n.setLocale(Locale.FRENCH);

        assertThat(I18n.locale()).isEqualTo(I18n.CHINESE);
        assertThat(I18n.get("nav.settings")).isEqualTo("设置");
    }

    @Test
    void missingKey_isVisibleRatherThanAnException() {
        assertThat(I18n.has("no.such.key")).isFalse();
        assertThat(I18n.get("no.such.key")).isEqualTo("!no.such.key!");
    }

    @Test
    void numbersPassedAsStrings_getNoThousandsSeparator() {
        assertThat(I18n.get("problem.idNumber.oldBirth", "1880")).contains("1880").doesNotContain("1,880");
    }

    @Test
    void enumLabels() {
        assertThat(I18n.enumKey(RiskColour.RED)).isEqualTo("enum.RiskColour.RED");
        assertThat(I18n.label(RiskColour.RED)).isEqualTo("红");
        assertThat(I18n.label(null)).isEmpty();
    }

    @Test
    void userException_carriesKeyAndArguments() {
        UserException e = new UserException("error.personAlreadyClosed", "张三");

        assertThat(e.key()).isEqualTo("error.personAlreadyClosed");
        assertThat(e.args()).containsExactly("张三");
        assertThat(e.localized()).contains("张三").doesNotContain("{0}");
    }

    @Test
    void validationException_showsTheOnlyErrorItself_andCountsSeveral() {
        Problem name = Problem.error("NAME", "problem.required", new I18n.Key("field.NAME"));
        Problem id = Problem.error("ID_NUMBER", "problem.idNumber.checksum");
        Problem warning = Problem.warning("ID_NUMBER", "problem.idNumber.oldBirth", "1880");

        assertThat(new ValidationException(java.util.List.of(name, warning)).localized()).isEqualTo("请填写姓名。");
        assertThat(new ValidationException(java.util.List.of(name, id)).localized()).contains("2");
    }

    @Test
    void chineseNames_findTheirConstant() {
        assertThat(Chinese.fromChinese(RiskColour.class, " 红 ")).isEqualTo(RiskColour.RED);
        assertThat(Chinese.fromChinese(Sex.class, "女")).isEqualTo(Sex.FEMALE);
        assertThat(Chinese.fromChinese(Sex.class, "未知")).isNull();
        assertThat(Chinese.fromChinese(Sex.class, null)).isNull();
    }

    @Test
    void riskColourMax_isTheMoreSerious() {
        assertThat(RiskColour.GREEN.max(RiskColour.RED)).isEqualTo(RiskColour.RED);
        assertThat(RiskColour.RED.max(RiskColour.YELLOW)).isEqualTo(RiskColour.RED);
        assertThat(RiskColour.YELLOW.max(null)).isEqualTo(RiskColour.YELLOW);
    }
}
