package org.caredesk.db;

import org.jooq.Context;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.CustomField;

/**
 * The one text order of the program, the same on H2 and PostgreSQL: by character code (H2 compares strings as Java
 * does). On PostgreSQL the order of a text column is the database's collation, which the server's locale chooses
 * ({@code en_US.UTF-8} sorts "chen xue" after "cheng an", ignoring the space), so there the queries sort under the
 * {@code "C"} collation that every PostgreSQL has. Names sort by their stored pinyin key through this, which is the
 * dictionary order a Chinese user expects (docs/decisions/0021).
 */
public final class TextOrder {
    private TextOrder() {}

    /** The column, to be sorted by character code on every database. */
    public static Field<String> binary(Field<String> text) {
        return new Binary(text);
    }

    private static final class Binary extends CustomField<String> {
        private static final long serialVersionUID = 1L;
        private final Field<String> text;

        Binary(Field<String> text) {
            super(text.getUnqualifiedName(), text.getDataType());
            this.text = text;
        }

        @Override
        public void accept(Context<?> ctx) {
            ctx.visit(text);
            if (ctx.family() == SQLDialect.POSTGRES) {
                ctx.sql(" collate \"C\"");
            }
        }
    }
}
