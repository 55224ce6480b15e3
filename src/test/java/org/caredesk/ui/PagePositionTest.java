package org.caredesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.caredesk.common.I18n;
import org.junit.jupiter.api.Test;

class PagePositionTest {
    @Test
    void emptyList_isPageOneOfOne_withNowhereToGo() {
        PagePosition at = PagePosition.of(0, 0, 50);

        assertThat(at.pages()).isEqualTo(1);
        assertThat(at.canPrevious()).isFalse();
        assertThat(at.canNext()).isFalse();
    }

    @Test
    void middlePage_canGoBothWays_lastPageOnlyBack() {
        assertThat(PagePosition.of(1, 120, 50)).satisfies(at -> {
            assertThat(at.pages()).isEqualTo(3);
            assertThat(at.canPrevious()).isTrue();
            assertThat(at.canNext()).isTrue();
        });
        assertThat(PagePosition.of(2, 120, 50).canNext()).isFalse();
        assertThat(PagePosition.pageCount(100_000, 50)).isEqualTo(2000);
        assertThat(PagePosition.pageCount(100_001, 50)).isEqualTo(2001);
    }

    @Test
    void text_countsPagesFromOne_withoutThousandsSeparators() {
        I18n.setLocale(I18n.CHINESE);

        assertThat(PagePosition.of(1, 12_345, 50).text("people.page"))
                .isEqualTo(I18n.get("people.page", "2", "247", "12345"));
    }
}
