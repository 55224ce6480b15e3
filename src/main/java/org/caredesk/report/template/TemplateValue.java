package org.caredesk.report.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * One figure as the template filler writes it. The report engine hands plain values ({@link #of}); only a rate
 * needs saying so ({@link #rate}), because a rate is written differently from a count (docs/decisions/0029).
 */
public sealed interface TemplateValue {
    /** What a figure that cannot be computed (a rate over zero, a missing detail) shows: the dash of the forms. */
    String NOT_COMPUTABLE_MARK = "—";

    /** A whole number of people, visits, records. */
    record Count(long value) implements TemplateValue {}

    /** Any other number (an average, a sum of days), written as it is. */
    record Decimal(BigDecimal value) implements TemplateValue {}

    /** A share: 0.905 means 90.5 %. */
    record Rate(BigDecimal fraction) implements TemplateValue {}

    /** Words (the community's name, the period); always written as text, never as a formula. */
    record Text(String value) implements TemplateValue {}

    /** Not computable: written as {@link #NOT_COMPUTABLE_MARK}. */
    record NotComputable() implements TemplateValue {}

    static TemplateValue count(long value) {
        return new Count(value);
    }

    static TemplateValue rate(BigDecimal fraction) {
        return fraction == null ? new NotComputable() : new Rate(fraction);
    }

    static TemplateValue rate(double fraction) {
        return Double.isFinite(fraction) ? new Rate(BigDecimal.valueOf(fraction)) : new NotComputable();
    }

    static TemplateValue notComputable() {
        return new NotComputable();
    }

    /**
     * A plain value as the filler takes it: null or "—" is not computable; a whole number (Integer, Long, Short,
     * Byte, BigInteger) is a count; another number a decimal (NaN and infinity are not computable); any other
     * text is text; a {@link TemplateValue} stays what it is.
     */
    static TemplateValue of(Object plain) {
        if (plain == null) {
            return new NotComputable();
        }
        if (plain instanceof TemplateValue v) {
            return v;
        }
        if (plain instanceof Integer || plain instanceof Long || plain instanceof Short || plain instanceof Byte) {
            return new Count(((Number) plain).longValue());
        }
        if (plain instanceof BigInteger b) {
            return b.bitLength() < Long.SIZE ? new Count(b.longValue()) : new Decimal(new BigDecimal(b));
        }
        if (plain instanceof BigDecimal d) {
            return new Decimal(d);
        }
        if (plain instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? new Decimal(BigDecimal.valueOf(d)) : new NotComputable();
        }
        String s = plain.toString();
        return s.strip().equals(NOT_COMPUTABLE_MARK) ? new NotComputable() : new Text(s);
    }

    /**
     * The value inside longer text: counts and decimals as they are, a rate as a percentage with one decimal
     * ("90.5%"), the way district forms print them.
     */
    default String inText() {
        if (this instanceof Count c) {
            return Long.toString(c.value());
        }
        if (this instanceof Decimal d) {
            return plain(d.value());
        }
        if (this instanceof Rate r) {
            return r.fraction().movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
        }
        if (this instanceof Text t) {
            return t.value();
        }
        return NOT_COMPUTABLE_MARK;
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
