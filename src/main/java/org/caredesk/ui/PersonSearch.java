package org.caredesk.ui;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.caredesk.common.Text;
import org.caredesk.people.Page;
import org.caredesk.people.PersonRow;

/**
 * The search-as-you-type person picker of a form (the visit form, the incident form): what is typed, the lines
 * found, a note under them. The newest search wins, so a slow answer to "张" never replaces the answer to "张三",
 * and an answer still on its way after a choice is dropped. The form says which people to look in and what the
 * note says; the search runs through the {@link TaskRunner}, never on the FX thread.
 */
public final class PersonSearch {
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<PersonRow> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final TaskRunner tasks;
    private final Function<String, Page<PersonRow>> search;
    private final Function<Page<PersonRow>, String> noteFor;
    private Consumer<Throwable> onError = e -> note.set(ErrorMessages.of(e));
    private long latest;

    /**
     * @param search reads the people for a cleaned, non-blank text (on a worker thread)
     * @param noteFor the sentence under the lines found ("没有找到", "还有 n 人"), or ""
     */
    public PersonSearch(TaskRunner tasks, Function<String, Page<PersonRow>> search,
            Function<Page<PersonRow>, String> noteFor) {
        this.tasks = tasks;
        this.search = search;
        this.noteFor = noteFor;
    }

    /** Where a failed search is told; the note under the lines unless the form says otherwise. */
    public PersonSearch onError(Consumer<Throwable> handler) {
        this.onError = handler;
        return this;
    }

    /** Searches for what is typed now; blank text empties the lines. */
    public void search() {
        long request = ++latest;
        String typed = Text.clean(text.get());
        if (typed == null) {
            results.clear();
            note.set("");
            return;
        }
        tasks.run(p -> search.apply(typed), page -> {
            if (request == latest) {
                results.setAll(page.items());
                note.set(noteFor.apply(page));
            }
        }, e -> {
            if (request == latest) {
                onError.accept(e);
            }
        });
    }

    /** Empties the picker after a choice. */
    public void clear() {
        latest++;
        text.set("");
        results.clear();
        note.set("");
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<PersonRow> results() {
        return results;
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
