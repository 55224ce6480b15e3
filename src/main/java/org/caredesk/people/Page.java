package org.caredesk.people;

import java.util.List;

/** One page of results and the total matching count. */
public record Page<T>(List<T> items, int offset, int total) {
    public Page {
        items = List.copyOf(items);
    }
}
