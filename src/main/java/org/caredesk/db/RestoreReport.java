package org.caredesk.db;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What inspecting a backup found, before anything is replaced: when it was made, how many rows each table holds,
 * the problems (sentences for the user) that stop it from being restored, and notes that do not (an older, unsigned
 * backup). {@code otherCommunity}: refused (or, when allowed, noted) as another community's backup.
 */
public record RestoreReport(Path file, LocalDateTime created, Map<String, Long> rowCounts,
                            Optional<String> schemaVersion, List<String> problems, List<String> notes,
                            boolean otherCommunity) {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public RestoreReport {
        rowCounts = Collections.unmodifiableMap(new TreeMap<>(rowCounts));
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public RestoreReport(Path file, LocalDateTime created, Map<String, Long> rowCounts,
            Optional<String> schemaVersion, List<String> problems) {
        this(file, created, rowCounts, schemaVersion, problems, List.of(), false);
    }

    /** Opens, passes the integrity check and every extra check: it may replace the database. */
    public boolean ok() {
        return problems.isEmpty();
    }

    public long people() {
        return rowCounts.getOrDefault("PERSON", 0L);
    }

    public String createdText() {
        return SHOWN.format(created);
    }
}
