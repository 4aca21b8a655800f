package org.itaoversight.api.ita.loading;

import java.util.List;
import java.util.Optional;

/**
 * A result file as read and checked: its identity (name, SHA-256, encoding), layout, the rows it holds, its problems
 * (a file with any problem loads nothing) and warnings (loaded, but worth a look: a published total that disagrees
 * with its indicators). Only the first problems are listed; {@code problemCount} counts them all.
 *
 * <p>A question-score file read into a sink ({@link UnreadResultFile#read(QuestionScoreSink)}) holds no question
 * scores: they went to the sink as they were read, and {@code streamed} says how many there were and of which years.
 */
public record ResultFile(String fileName, String sha256, String encoding, Layout layout, List<AgencyYearResult> results,
                         List<QuestionScore> questions, List<LoadProblem> problems, List<String> warnings, long problemCount,
                         Optional<StreamedRows> streamed) {

    /** The accepted question scores that went to a sink instead of {@link #questions()}: how many, and their years. */
    public record StreamedRows(int rows, List<Integer> fiscalYears) {

        public StreamedRows {
            fiscalYears = List.copyOf(fiscalYears);
        }
    }

    public ResultFile {
        if (problemCount < problems.size()) {
            throw new IllegalArgumentException("problemCount " + problemCount + " is less than the " + problems.size() + " listed");
        }
        if (streamed.isPresent() && !questions.isEmpty()) {
            throw new IllegalArgumentException("a file whose question scores were streamed holds none of them");
        }
    }

    /** A file read whole: its rows are in {@link #results()} or {@link #questions()}. */
    public ResultFile(String fileName, String sha256, String encoding, Layout layout, List<AgencyYearResult> results,
                      List<QuestionScore> questions, List<LoadProblem> problems, List<String> warnings, long problemCount) {
        this(fileName, sha256, encoding, layout, results, questions, problems, warnings, problemCount, Optional.empty());
    }

    public boolean isValid() {
        return problemCount == 0;
    }

    /** True when the question scores went to a sink as they were read and are not held here. */
    public boolean isStreamed() {
        return streamed.isPresent();
    }

    public int rows() {
        if (streamed.isPresent()) {
            return streamed.get().rows();
        }
        return layout == Layout.WIDE ? results.size() : questions.size();
    }

    public List<Integer> fiscalYears() {
        if (streamed.isPresent()) {
            return streamed.get().fiscalYears();
        }
        return (layout == Layout.WIDE ? results.stream().map(AgencyYearResult::fiscalYear)
                : questions.stream().map(QuestionScore::fiscalYear)).distinct().sorted().toList();
    }
}
