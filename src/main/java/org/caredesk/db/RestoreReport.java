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
 * and the problems (sentences for the user) that stop it from being restored.
 */
public record RestoreReport(Path file, LocalDateTime created, Map<String, Long> rowCounts,
                            Optional<String> schemaVersion, List<String> problems) {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public RestoreReport {
        rowCounts = Collections.unmodifiableMap(new TreeMap<>(rowCounts));
        problems = List.copyOf(problems);
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
