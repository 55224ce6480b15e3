package org.caredesk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import org.caredesk.app.AppContext;
import org.caredesk.db.Database;

/**
 * The throwaway folder of a benchmark: made in the system's temp folder, opened in memory or as a database file
 * the way the program opens one, measured for the figures, and removed afterwards.
 */
final class BenchFolder {
    private BenchFolder() {}

    static Path create() {
        try {
            return Files.createTempDirectory("caredesk-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AppContext context(Path dir, boolean onDisk, Clock clock) {
        return onDisk ? new AppContext(dir, Database.openFile(dir), clock) : AppContext.inMemory(dir, clock);
    }

    static long size(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Left-overs in the system temp folder harm nobody; the figures already measured matter more.
        }
    }
}
