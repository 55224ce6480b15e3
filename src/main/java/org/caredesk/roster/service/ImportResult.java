package org.caredesk.roster.service;

import java.util.List;

/**
 * The outcome of importing (or checking) a roster.
 *
 * @param rowsRead the non-blank rows below the header
 * @param imported people written; 0 for a dry run or a refused file
 * @param dryRun   true when the file was only checked
 * @param problems every problem found, in row order; warnings do not stop an import
 */
public record ImportResult(int rowsRead, int imported, boolean dryRun, List<ImportProblem> problems) {
    public ImportResult {
        problems = List.copyOf(problems);
    }

    /** True when any problem is an error: then nothing was (or would be) written. */
    public boolean refused() {
        return problems.stream().anyMatch(p -> !p.warning());
    }

    public List<ImportProblem> errors() {
        return problems.stream().filter(p -> !p.warning()).toList();
    }

    public List<ImportProblem> warnings() {
        return problems.stream().filter(ImportProblem::warning).toList();
    }
}
