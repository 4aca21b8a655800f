package org.itaoversight.api.ita.loading;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in a file, kept up to a number (the first ones, in file order) and all counted: a file with
 * millions of bad rows answers with a short list and the total, never with a list as large as the file.
 */
final class ProblemList {

    private final int max;
    private final List<LoadProblem> kept = new ArrayList<>();
    private long total;

    ProblemList(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one problem must be listed, got " + max);
        }
        this.max = max;
    }

    void add(LoadProblem problem) {
        total++;
        if (kept.size() < max) {
            kept.add(problem);
        }
    }

    boolean isEmpty() {
        return total == 0;
    }

    List<LoadProblem> kept() {
        return List.copyOf(kept);
    }

    long total() {
        return total;
    }

    /** A file refused before any row was read. */
    ResultFile file(String fileName, String sha256, String encoding, Layout layout, List<String> warnings) {
        return new ResultFile(fileName, sha256, encoding, layout, List.of(), List.of(), kept(), List.copyOf(warnings), total);
    }
}
