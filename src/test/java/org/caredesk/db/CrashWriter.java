package org.caredesk.db;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.service.PersonService;

/**
 * The child process of {@link CrashSafetyTest}. It first warms up on an in-memory database (so the test can start
 * the next child while it checks the last one), says {@code warm}, and waits for {@code go} on its input. Then it
 * opens the data folder, says {@code ready}, and registers people in a loop through the real service, printing
 * {@code committed <uuid>} after each registration has returned, until it is killed. Arguments: the data folder
 * and the round number (which keeps the invented ID numbers of different rounds apart).
 */
public final class CrashWriter {
    static final String WARM = "warm";
    static final String GO = "go";
    static final String READY = "ready";
    static final String COMMITTED = "committed ";

    private CrashWriter() {}

    public static void main(String[] args) throws IOException {
        Path dataDir = Path.of(args[0]);
        int round = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        try (Database warmUp = Database.openInMemory()) {
            register(BackupTestData.people(warmUp, Clock.systemDefaultZone()), round, 0);
        }
        out.println(WARM);
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (!GO.equals(in.readLine())) {
            return;
        }
        Database db = Database.openFile(dataDir);
        PersonService people = BackupTestData.people(db, Clock.systemDefaultZone());
        out.println(READY);
        out.flush();
        for (int i = 0; ; i++) {
            Person p = register(people, round, i);
            out.println(COMMITTED + p.id());
            out.flush();
        }
    }

    private static Person register(PersonService people, int round, int i) {
        return people.register(PersonDraft.minimal("压力测试" + round + "号" + i,
                BackupTestData.idNumber(1940 + round, i), List.of(Membership.of(Category.ELDERLY_ALONE))));
    }
}
