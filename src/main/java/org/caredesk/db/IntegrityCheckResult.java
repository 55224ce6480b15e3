package org.caredesk.db;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.caredesk.common.I18n;

/**
 * What the integrity check found. {@code rowCounts} is by table name, in name order; {@code detail} is for the log
 * (H2's own words); {@link #message()} is the sentence for the user. {@code offer} is the newest backup that passed
 * inspection, looked for by {@link IntegrityCheck#checkAtStart} when the database is damaged, or the safety copy
 * taken before a bulk write that was interrupted; then {@code interrupted} is the sentence saying what is lost
 * (empty otherwise).
 */
public record IntegrityCheckResult(Status status, Map<String, Long> rowCounts, Optional<String> schemaVersion,
                                   String detail, Optional<RestoreReport> offer, String interrupted) {
    public enum Status { OK, NO_DATABASE, DAMAGED }

    public IntegrityCheckResult {
        rowCounts = Collections.unmodifiableMap(new TreeMap<>(rowCounts));
    }

    static IntegrityCheckResult ok(Map<String, Long> counts, Optional<String> schemaVersion) {
        return new IntegrityCheckResult(Status.OK, counts, schemaVersion, "", Optional.empty(), "");
    }

    static IntegrityCheckResult noDatabase() {
        return new IntegrityCheckResult(Status.NO_DATABASE, Map.of(), Optional.empty(), "", Optional.empty(), "");
    }

    static IntegrityCheckResult damaged(String detail) {
        return new IntegrityCheckResult(Status.DAMAGED, Map.of(), Optional.empty(), detail, Optional.empty(), "");
    }

    IntegrityCheckResult withOffer(Optional<RestoreReport> backup) {
        return new IntegrityCheckResult(status, rowCounts, schemaVersion, detail, backup, interrupted);
    }

    IntegrityCheckResult withInterrupted(String sentence) {
        return new IntegrityCheckResult(status, rowCounts, schemaVersion, detail, offer, sentence);
    }

    public boolean damaged() {
        return status == Status.DAMAGED;
    }

    /** The sentence the window or the command line shows. */
    public String message() {
        return switch (status) {
            case OK -> I18n.get("integrity.ok", String.valueOf(rowCounts.getOrDefault("PERSON", 0L)));
            case NO_DATABASE -> I18n.get("integrity.noDatabase");
            case DAMAGED -> (interrupted.isEmpty() ? "" : interrupted + " ")
                    + offer.map(b -> I18n.get("integrity.damaged.offer", b.file().getFileName().toString(),
                            b.createdText(), String.valueOf(b.people())))
                    .orElseGet(() -> I18n.get("integrity.damaged.noBackup"));
        };
    }
}
