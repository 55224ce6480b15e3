package org.caredesk.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The colour keeper stores each person's categories as bits, {@code 1 << Category.ordinal()}, in
 * {@code person_schedule.categories} (V5__visits.sql), and the board decodes them the same way. Those rows are
 * written once and kept: reordering, inserting or removing a constant would make every stored row name the wrong
 * populations (a drug user counted as a correction subject) without any error. New categories go at the end.
 */
class CategoryBitsTest {

    /** The bit each category has in stored rows; never change a value, only add new categories at the end. */
    private static final Map<String, Integer> STORED_BITS = storedBits();

    private static Map<String, Integer> storedBits() {
        Map<String, Integer> bits = new LinkedHashMap<>();
        bits.put("RELEASED_PRISONER", 1);
        bits.put("DRUG_USER", 1 << 1);
        bits.put("CORRECTION", 1 << 2);
        bits.put("MENTAL_DISORDER", 1 << 3);
        bits.put("ELDERLY_ALONE", 1 << 4);
        bits.put("DISABLED", 1 << 5);
        bits.put("OTHER", 1 << 6);
        return bits;
    }

    @Test
    void everyStoredCategoryKeepsItsBit() {
        List<String> moved = new ArrayList<>();
        for (Map.Entry<String, Integer> e : STORED_BITS.entrySet()) {
            Category c;
            try {
                c = Category.valueOf(e.getKey());
            } catch (IllegalArgumentException gone) {
                moved.add(e.getKey() + " was removed or renamed; stored rows still carry bit " + e.getValue());
                continue;
            }
            int bit = 1 << c.ordinal();
            if (bit != e.getValue()) {
                moved.add(c + " moved from bit " + e.getValue() + " to bit " + bit);
            }
        }
        if (!moved.isEmpty()) {
            fail("Category order changed, stored category bits would be misread: " + String.join("; ", moved));
        }
    }

    @Test
    void newCategoriesOnlyComeAfterTheStoredOnes() {
        Category[] all = Category.values();
        for (int i = 0; i < Math.min(all.length, STORED_BITS.size()); i++) {
            String expected = new ArrayList<>(STORED_BITS.keySet()).get(i);
            assertEquals(expected, all[i].name(), "Category at position " + i + " must stay " + expected
                    + " (its bit is stored); add new categories at the end and give them a line in STORED_BITS");
        }
        assertEquals(STORED_BITS.size(), all.length, "a new category needs its stored bit written down here");
    }
}
