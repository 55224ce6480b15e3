package org.caredesk.people;

import java.util.Collection;
import java.util.stream.Collectors;
import org.caredesk.common.I18n;

/** How a person's categories read on any screen: their labels in the enum's order, "、"-separated. */
public final class CategoryLabels {
    private CategoryLabels() {}

    public static String join(Collection<Category> categories) {
        return categories.stream().sorted().map(I18n::label)
                .collect(Collectors.joining(I18n.get("people.listSeparator")));
    }
}
