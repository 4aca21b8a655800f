package org.itaoversight.api.ita.loading;

import java.util.List;

/**
 * A result file as read and checked: its identity (name, SHA-256, encoding), layout, the rows it holds, every problem
 * (a file with any problem loads nothing) and warnings (loaded, but worth a look: a published total that disagrees
 * with its indicators).
 */
public record ResultFile(String fileName, String sha256, String encoding, Layout layout, List<AgencyYearResult> results,
                         List<QuestionScore> questions, List<LoadProblem> problems, List<String> warnings) {

    public boolean isValid() {
        return problems.isEmpty();
    }

    public int rows() {
        return layout == Layout.WIDE ? results.size() : questions.size();
    }

    public List<Integer> fiscalYears() {
        return (layout == Layout.WIDE ? results.stream().map(AgencyYearResult::fiscalYear)
                : questions.stream().map(QuestionScore::fiscalYear)).distinct().sorted().toList();
    }
}
