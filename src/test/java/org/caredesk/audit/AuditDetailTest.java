package org.caredesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.caredesk.common.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditDetailTest {

    @AfterEach
    void chinese() {
        I18n.setLocale(I18n.CHINESE);
    }

    @Test
    void lengthPrefixed_roundTripsAnyText_includingSeparatorsAndNulls() {
        List<String> texts = Arrays.asList("", null, "5:abc", "~", "张三丰：138****8000", "a\nb", "12", null);

        String encoded = LengthPrefixed.encode(texts);

        assertThat(LengthPrefixed.decode(encoded)).isEqualTo(texts);
    }

    @Test
    void lengthPrefixed_refusesWhatItDidNotWrite() {
        assertThatThrownBy(() -> LengthPrefixed.decode("5:abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LengthPrefixed.decode("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LengthPrefixed.decode("3abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void changes_roundTrip_andReadInTheCurrentLanguage() {
        AuditDetail d = AuditDetail.changes(List.of(
                new FieldChange("field.NAME", "张三", "张三丰"),
                new FieldChange("field.PHONE1", null, "138****8000"),
                FieldChange.ofEnum("field.colour", null, org.caredesk.common.RiskColour.RED)));

        AuditDetail back = AuditDetail.decode(d.encode());

        assertThat(back).isEqualTo(d);
        assertThat(back.display()).isEqualTo("姓名：张三 → 张三丰；联系电话：（空） → 138****8000；风险等级：（空） → 红");
        I18n.setLocale(I18n.ENGLISH);
        assertThat(back.changes().get(2).newText()).isEqualTo("Red");
    }

    @Test
    void emptyChanges_sayNothingChanged() {
        assertThat(AuditDetail.decode(AuditDetail.changes(List.of()).encode()).display())
                .isEqualTo("保存时没有改动任何内容");
    }

    @Test
    void message_keepsArgumentsAsTextAndKeys() {
        AuditDetail d = AuditDetail.message("audit.detail.import", "名单 1,2.xlsx", "1200");

        AuditDetail back = AuditDetail.decode(d.encode());

        assertThat(back).isEqualTo(d);
        assertThat(back.display()).isEqualTo("从“名单 1,2.xlsx”导入 1200 人");
        assertThat(AuditDetail.decode(AuditDetail.message("audit.detail.export", new I18n.Key("nav.audit"), "3")
                .encode()).display()).isEqualTo("导出到“审计日志”，共 3 行");
    }

    @Test
    void text_isShownAsWritten_andForeignStringsAreShownRaw() {
        assertThat(AuditDetail.decode(AuditDetail.text("M3:abc").encode()).display()).isEqualTo("M3:abc");
        assertThat(AuditDetail.decode("written by hand").display()).isEqualTo("written by hand");
        assertThat(AuditDetail.decode("M7:broken").display()).isEqualTo("M7:broken");
        assertThat(AuditDetail.decode(null)).isNull();
    }

    @Test
    void event_clipsLongTextsToTheirColumns_andRefusesAnOversizedDetail() {
        AuditEvent e = AuditEvent.success("王".repeat(150), AuditAction.EXPORT, AuditObjectType.ROSTER, null,
                "名".repeat(300), null);

        assertThat(e.actor()).hasSize(100).endsWith("…");
        assertThat(e.objectLabel()).hasSize(200);
        assertThatThrownBy(() -> AuditEvent.success("wang", AuditAction.EXPORT, null, null, null,
                AuditDetail.text("x".repeat(AuditEvent.DETAIL_LENGTH)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditEvent.success(" ", AuditAction.EXPORT, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clip_neverSplitsACharacterOutsideTheBasicPlane() {
        String s = "a" + "𠀀".repeat(10);

        String clipped = AuditEvent.clip(s, 5);

        assertThat(clipped).isEqualTo("a𠀀…");
    }
}
