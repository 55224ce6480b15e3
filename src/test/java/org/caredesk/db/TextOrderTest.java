package org.caredesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Text sorts by character code on both databases, whatever collation the column has: pinyin keys with a space after
 * each syllable then sort as in a dictionary (陈 chen before 程 cheng).
 */
@OnBothDatabases
class TextOrderTest {
    private static final List<String> KEYS = List.of("cheng an", "zhang san", "chen xue", "a bu", "Zeng yi");

    @Parameter
    TestDatabase database;

    @Test
    void binary_sortsByCharacterCode() {
        try (Database db = database.open()) {
            DSLContext dsl = db.dsl();
            Table<?> words = DSL.table(DSL.unquotedName("text_order_words"));
            Field<String> word = DSL.field(DSL.unquotedName("word"), SQLDataType.VARCHAR(40));
            // On PostgreSQL the column gets a language collation (ICU: case is weighed after the letters), as a
            // server set up in a language locale gives every text column; H2 has none and compares by code.
            String collation = dsl.dialect().family() == SQLDialect.POSTGRES ? icuCollation(dsl) : "";
            dsl.execute("create table text_order_words (word varchar(40)" + collation + ")");
            KEYS.forEach(k -> dsl.insertInto(words).columns(word).values(k).execute());

            assertThat(dsl.select(word).from(words).orderBy(TextOrder.binary(word)).fetch(word))
                    .containsExactly("Zeng yi", "a bu", "chen xue", "cheng an", "zhang san");
            assertThat(dsl.select(word).from(words).orderBy(TextOrder.binary(word).desc()).fetch(word))
                    .containsExactly("zhang san", "cheng an", "chen xue", "a bu", "Zeng yi");
        }
    }

    private static String icuCollation(DSLContext dsl) {
        String name = dsl.fetchOptional("select collname::text from pg_collation where collprovider = 'i'"
                + " and collname in ('en-x-icu', 'und-x-icu') order by collname limit 1")
                .map(r -> r.get(0, String.class)).orElse(null);
        assertThat(name).as("an ICU collation on the test server").isNotNull();
        return " collate \"" + name + "\"";
    }
}
