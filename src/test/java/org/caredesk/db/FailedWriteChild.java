package org.caredesk.db;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.caredesk.people.Person;
import org.caredesk.people.service.PersonService;
import org.caredesk.ui.ErrorMessages;

/**
 * The child of {@link FailedWriteTest}: registers people until a write fails (its file-size limit is set by the
 * parent), printing {@code committed <uuid>} after each registration returned and {@code failed <sentence>} with
 * the sentence the user would read.
 */
public final class FailedWriteChild {
    static final String COMMITTED = "committed ";
    static final String FAILED = "failed ";

    private FailedWriteChild() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Database db = Database.openFile(Path.of(args[0]));
        PersonService people = BackupTestData.people(db, Clock.systemDefaultZone());
        for (int i = 0; i < 100_000; i++) {
            try {
                Person p = BackupTestData.register(people, "写满" + i, i);
                out.println(COMMITTED + p.id());
            } catch (RuntimeException e) {
                out.println(FAILED + ErrorMessages.of(e));
                break;
            }
        }
        // The store is closed by H2 after a failed write; end without tidying, as a user would close the window.
        Runtime.getRuntime().halt(0);
    }
}
