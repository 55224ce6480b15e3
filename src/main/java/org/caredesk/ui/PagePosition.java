package org.caredesk.ui;

import org.caredesk.common.I18n;

/**
 * Where a paged list stands: the zero-based page shown and how many pages the total makes. One place for the page
 * arithmetic and the "第 x / y 页，共 N 条" text of every paged list (people, audit log).
 */
public record PagePosition(int page, int pages, long total) {

    /** Number of pages for a total: at least one, so an empty list still reads "page 1 of 1". */
    public static int pageCount(long total, int size) {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public static PagePosition of(int page, long total, int size) {
        return new PagePosition(page, pageCount(total, size), total);
    }

    public boolean canPrevious() {
        return page > 0;
    }

    public boolean canNext() {
        return page + 1 < pages;
    }

    /** The page line, from a text key whose arguments are page, pages and total. */
    public String text(String key) {
        return I18n.get(key, String.valueOf(page + 1), String.valueOf(pages), String.valueOf(total));
    }
}
