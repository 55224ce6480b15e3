package org.caredesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinTest {
    @Test
    void zhangSanfeng_fullAndInitials() {
        Pinyin.Spellings s = Pinyin.of("张三丰");

        assertThat(s.primaryFull()).isEqualTo("zhangsanfeng");
        assertThat(s.primaryInitials()).isEqualTo("zsf");
        assertThat(s.full()).hasSameSizeAs(s.initials());
    }

    @Test
    void polyphonicSurname_givesBothReadings() {
        Pinyin.Spellings zeng = Pinyin.of("曾小华");
        Pinyin.Spellings shan = Pinyin.of("单田芳");

        assertThat(zeng.full()).contains("zengxiaohua", "cengxiaohua");
        assertThat(zeng.initials()).contains("zxh", "cxh");
        assertThat(shan.full()).contains("shantianfang", "dantianfang");
        assertThat(shan.initials()).contains("stf", "dtf");
    }

    @Test
    void polyphonicSurname_sortsByItsSurnameReading() {
        assertThat(Pinyin.of("曾小华").primaryFull()).isEqualTo("zengxiaohua");
        assertThat(Pinyin.of("曾小华").primaryInitials()).isEqualTo("zxh");
        assertThat(Pinyin.of("单田芳").primaryFull()).isEqualTo("shantianfang");
        assertThat(Pinyin.of("仇英").primaryFull()).startsWith("qiu");
        assertThat(Pinyin.of("解缙").primaryFull()).startsWith("xie");
    }

    @Test
    void theSurnameReadingAppliesToTheFirstCharacterOnly() {
        assertThat(Pinyin.of("王曾").primaryFull()).isEqualTo("wangceng");
        assertThat(Pinyin.of("王曾").full()).contains("wangzeng");
    }

    @Test
    void uygurNameWithMiddleDot_givesPinyinForTheHanCharactersOnly() {
        Pinyin.Spellings s = Pinyin.of("买买提·艾力");

        assertThat(s.full()).contains("maimaitiaili");
        assertThat(s.initials()).contains("mmtal");
        assertThat(s.full()).allSatisfy(f -> assertThat(f).doesNotContain("·"));
    }

    @Test
    void latinLettersAndDigits_areKeptInLowerCase() {
        Pinyin.Spellings s = Pinyin.of("Anna李2");

        assertThat(s.primaryFull()).isEqualTo("annali2");
        assertThat(s.primaryInitials()).isEqualTo("annal2");
    }

    @Test
    void uUmlaut_isSpelledV() {
        assertThat(Pinyin.of("吕").full()).contains("lv");
        assertThat(Pinyin.of("吕").full()).allSatisfy(f -> assertThat(f).doesNotContain(":"));
    }

    @Test
    void manyPolyphonicCharacters_areCapped() {
        Pinyin.Spellings s = Pinyin.of("长长长长长长长长长长");

        assertThat(s.full()).isNotEmpty().hasSizeLessThanOrEqualTo(8);
        assertThat(s.initials()).hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void nullAndEmpty_giveEmptySpellings() {
        assertThat(Pinyin.of(null).primaryFull()).isEmpty();
        assertThat(Pinyin.of("").primaryInitials()).isEmpty();
    }
}
