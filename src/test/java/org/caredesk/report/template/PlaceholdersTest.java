package org.caredesk.report.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
    @Test
    void codes_areReadWithTheSpacesInsideTheBracesIgnored() {
        Placeholders p = Placeholders.parse("本月 {{ 走访完成率.本月 }}，累计{{走访完成率.本年累计}}");

        assertThat(p.codes()).containsExactly("走访完成率.本月", "走访完成率.本年累计");
        assertThat(p.malformed()).isEmpty();
        assertThat(p.soleCode()).isNull();
    }

    @Test
    void soleCode_isTheOnePlaceholderOfACellWithNothingElseButSpaces() {
        assertThat(Placeholders.parse(" {{在册.吸毒人员}} ").soleCode()).isEqualTo("在册.吸毒人员");
        assertThat(Placeholders.parse("{{在册.吸毒人员}}人").soleCode()).isNull();
        assertThat(Placeholders.parse("{{a}}{{b}}").soleCode()).isNull();
    }

    @Test
    void anOpeningWithoutItsClosing_andEmptyBraces_areMalformed() {
        assertThat(Placeholders.parse("在册 {{在册.吸毒人员 人").malformed())
                .containsExactly(new Placeholders.Malformed("{{在册.吸毒人员 人", TemplateProblem.Kind.UNCLOSED));
        Placeholders twoOpenings = Placeholders.parse("{{在册.吸毒人员 和 {{新增.吸毒人员.本月}}");
        assertThat(twoOpenings.malformed()).containsExactly(
                new Placeholders.Malformed("{{在册.吸毒人员 和 ", TemplateProblem.Kind.UNCLOSED));
        assertThat(twoOpenings.codes()).containsExactly("新增.吸毒人员.本月");
        assertThat(Placeholders.parse("{{  }}").malformed()).containsExactly(new Placeholders.Malformed("{{  }}",
                TemplateProblem.Kind.EMPTY));
        assertThat(Placeholders.parse("{{" + "很".repeat(30)).malformed().get(0).fragment())
                .isEqualTo("{{" + "很".repeat(18) + "…");
    }

    @Test
    void fullWidthBraces_areMalformed_soTheyDoNotGoOutUnfilled() {
        Placeholders p = Placeholders.parse("在册 ｛｛在册.吸毒人员｝｝ 人，新增 ｛｛新增");

        assertThat(p.codes()).isEmpty();
        assertThat(p.malformed()).containsExactly(
                new Placeholders.Malformed("｛｛在册.吸毒人员｝｝", TemplateProblem.Kind.FULL_WIDTH),
                new Placeholders.Malformed("｛｛新增", TemplateProblem.Kind.FULL_WIDTH));
        assertThat(Placeholders.mayHold("｛｛在册.吸毒人员｝｝")).isTrue();
    }

    @Test
    void aLoneClosing_isOrdinaryText() {
        Placeholders p = Placeholders.parse("a }} b");

        assertThat(p.codes()).isEmpty();
        assertThat(p.malformed()).isEmpty();
        assertThat(Placeholders.mayHold("a }} b")).isFalse();
    }

    @Test
    void plainValues_becomeCountsDecimalsTextOrNotComputable() {
        assertThat(TemplateValue.of(32)).isEqualTo(new TemplateValue.Count(32));
        assertThat(TemplateValue.of(32L)).isEqualTo(new TemplateValue.Count(32));
        assertThat(TemplateValue.of(new BigDecimal("2.50"))).isEqualTo(new TemplateValue.Decimal(new BigDecimal(
                "2.50")));
        assertThat(TemplateValue.of(null)).isInstanceOf(TemplateValue.NotComputable.class);
        assertThat(TemplateValue.of(" — ")).isInstanceOf(TemplateValue.NotComputable.class);
        assertThat(TemplateValue.of(Double.NaN)).isInstanceOf(TemplateValue.NotComputable.class);
        assertThat(TemplateValue.of("=1+1")).isEqualTo(new TemplateValue.Text("=1+1"));
        assertThat(TemplateValue.rate(Double.POSITIVE_INFINITY)).isInstanceOf(TemplateValue.NotComputable.class);
    }

    @Test
    void insideText_aRateIsAPercentageWithOneDecimal_andANumberHasNoTrailingZeros() {
        assertThat(TemplateValue.rate(0.905).inText()).isEqualTo("90.5%");
        assertThat(TemplateValue.rate(2.0 / 3).inText()).isEqualTo("66.7%");
        assertThat(TemplateValue.rate(1).inText()).isEqualTo("100.0%");
        assertThat(TemplateValue.of(new BigDecimal("2.50")).inText()).isEqualTo("2.5");
        assertThat(TemplateValue.of(new BigDecimal("1E+3")).inText()).isEqualTo("1000");
        assertThat(TemplateValue.of(1234).inText()).isEqualTo("1234");
        assertThat(TemplateValue.notComputable().inText()).isEqualTo("—");
    }
}
