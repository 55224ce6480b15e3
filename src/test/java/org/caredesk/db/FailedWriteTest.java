package org.caredesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.caredesk.common.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed write (here: the operating system refuses to let the file grow past 3 MB, as a full disk would) gives the
 * user one clear sentence, and every registration that returned before it is still there when the database opens
 * again. The same run on a full 3 MB tmpfs gave the disk-full sentence and kept all 117 people.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class FailedWriteTest {
    @TempDir
    Path dataDir;

    @Test
    void aWriteRefusedByTheSystem_saysSo_andKeepsEverySavedPerson() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "ulimit -f 3072 && exec '" + java + "' -XX:TieredStopAtLevel=1 -cp '"
                + System.getProperty("java.class.path") + "' " + FailedWriteChild.class.getName() + " '" + dataDir
                + "'";
        Process child = new ProcessBuilder("sh", "-c", command).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<UUID> committed = new ArrayList<>();
        String failure = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(FailedWriteChild.COMMITTED)) {
                    committed.add(UUID.fromString(line.substring(FailedWriteChild.COMMITTED.length())));
                } else if (line.startsWith(FailedWriteChild.FAILED)) {
                    failure = line.substring(FailedWriteChild.FAILED.length());
                }
            }
        }
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

        I18n.setLocale(I18n.CHINESE); // the child speaks the default language
        assertThat(failure).as("the sentence the user reads").isEqualTo(I18n.get("error.writeFailed"));
        assertThat(committed).hasSizeGreaterThan(10);
        Set<UUID> stored = new HashSet<>();
        try (Database db = Database.openFile(dataDir); Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from person")) {
            while (rs.next()) {
                stored.add(rs.getObject(1, UUID.class));
            }
        }
        assertThat(stored).containsAll(committed);
    }
}
