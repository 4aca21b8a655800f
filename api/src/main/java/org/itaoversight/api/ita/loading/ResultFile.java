package org.itaoversight.api.ita.loading;

import java.util.List;

/**
 * A result file as read and checked: its identity (name, SHA-256, encoding), layout, the rows it holds, its problems
 * (a file with any problem loads nothing) and warnings (loaded, but worth a look: a published total that disagrees
 * with its indicators). Only the first problems are listed; {@code problemCount} counts them all.
 */
public record ResultFile(String fileName, String sha256, String encoding, Layout layout, List<AgencyYearResult> results,
                         List<QuestionScore> questions, List<LoadProblem> problems, List<String> warnings, long problemCount) {

    public ResultFile {
        if (problemCount < problems.size()) {
            throw new IllegalArgumentException("problemCount " + problemCount + " is less than the " + problems.size() + " listed");
        }
    }

    public boolean isValid() {
        return problemCount == 0;
    }

    public int rows() {
        return layout == Layout.WIDE ? results.size() : questions.size();
    }

    public List<Integer> fiscalYears() {
        return (layout == Layout.WIDE ? results.stream().map(AgencyYearResult::fiscalYear)
                : questions.stream().map(QuestionScore::fiscalYear)).distinct().sorted().toList();
    }
}
