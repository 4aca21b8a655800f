package org.itaoversight.api.ita.loading;

import java.util.List;
import java.util.stream.Collectors;

/** A result file that was not loaded — nothing of it was — with every problem found. */
public final class ResultLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<LoadProblem> problems;

    public ResultLoadException(String fileName, List<LoadProblem> problems) {
        super(problems.size() + " problem(s) in " + fileName + "; nothing was loaded:\n  "
                + problems.stream().limit(50).map(LoadProblem::toString).collect(Collectors.joining("\n  "))
                + (problems.size() > 50 ? "\n  … and " + (problems.size() - 50) + " more" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<LoadProblem> problems() {
        return problems;
    }
}
