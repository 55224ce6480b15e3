package org.caredesk.ui;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * A view model that shows one {@link PagedList}: the page buttons' commands and state are the list's, so they are
 * written once here instead of forwarded by hand in every list's view model.
 */
public interface Paging {
    /** The list this view model pages through. */
    PagedList<?, ?> pagedList();

    default void nextPage() {
        pagedList().nextPage();
    }

    default void previousPage() {
        pagedList().previousPage();
    }

    /** Zero-based. */
    default ReadOnlyIntegerProperty pageIndexProperty() {
        return pagedList().pageProperty();
    }

    default IntegerProperty pageSizeProperty() {
        return pagedList().pageSizeProperty();
    }

    /** "第 x / y 页，共 n 人". */
    default ReadOnlyStringProperty pageTextProperty() {
        return pagedList().pageTextProperty();
    }

    default ReadOnlyBooleanProperty canPreviousProperty() {
        return pagedList().canPreviousProperty();
    }

    default ReadOnlyBooleanProperty canNextProperty() {
        return pagedList().canNextProperty();
    }
}
