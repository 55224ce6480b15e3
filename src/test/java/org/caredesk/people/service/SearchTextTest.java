package org.caredesk.people.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.caredesk.common.Pinyin;
import org.junit.jupiter.api.Test;

class SearchTextTest {
    @Test
    void haystack_holdsNamePinyinInitialsIdAndPhones() {
        String h = SearchText.haystack("张三丰", Pinyin.of("张三丰"), "11010519491231002X", "13800138000", null);

        assertThat(h).contains("张三丰", "zhangsanfeng", "zsf", "11010519491231002x", "13800138000")
                .doesNotContain("null");
    }

    @Test
    void haystack_keepsEveryReadingOfAPolyphonicName() {
        String h = SearchText.haystack("曾小华", Pinyin.of("曾小华"), "E1234567", null, "13900139000");

        assertThat(h).contains("zengxiaohua", "cengxiaohua", "zxh", "cxh", "e1234567", "13900139000");
    }

    @Test
    void needle_dropsSpacesDashesAndApostrophes_inLowerCaseHalfWidth() {
        assertThat(SearchText.needle(" 138-0013 8000 ")).isEqualTo("13800138000");
        assertThat(SearchText.needle("ZSF")).isEqualTo("zsf");
        assertThat(SearchText.needle("xi'an")).isEqualTo("xian");
        assertThat(SearchText.needle("１１０１０５")).isEqualTo("110105");
        assertThat(SearchText.needle("002X")).isEqualTo("002x");
        assertThat(SearchText.needle(null)).isEmpty();
        assertThat(SearchText.needle(" - ")).isEmpty();
    }

    @Test
    void aPlainDotOrAnyLookAlike_standsForTheMiddleDot() {
        assertThat(SearchText.needle("买买提.艾力")).isEqualTo("买买提·艾力");
        assertThat(SearchText.needle("买买提•艾力")).isEqualTo("买买提·艾力");
        assertThat(SearchText.needle("买买提．艾力")).isEqualTo("买买提·艾力");
        assertThat(SearchText.normaliseName("买买提・艾力")).isEqualTo("买买提·艾力");
        assertThat(SearchText.normaliseName(null)).isEmpty();
    }

    @Test
    void theSeparatorCannotBeSearchedFor() {
        assertThat(SearchText.needle("zsf|138")).isEqualTo("zsf138");
    }

    @Test
    void wildcardsStayInTheNeedle_soTheRepositoryCanMatchThemLiterally() {
        assertThat(SearchText.needle("50%_a")).isEqualTo("50%_a");
    }
}
