package org.itaoversight.api.ita.loading;

import java.util.List;
import java.util.stream.Collectors;

/** A result file that was not loaded — nothing of it was — with its first problems and the number of all of them. */
public final class ResultLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<LoadProblem> problems;
    private final long problemCount;

    public ResultLoadException(String fileName, List<LoadProblem> problems) {
        this(fileName, problems, problems.size());
    }

    /** @param problemCount every problem found; {@code problems} may list only the first ones */
    public ResultLoadException(String fileName, List<LoadProblem> problems, long problemCount) {
        super(problemCount + " problem(s) in " + fileName + "; nothing was loaded:\n  "
                + problems.stream().limit(50).map(LoadProblem::toString).collect(Collectors.joining("\n  "))
                + (problemCount > Math.min(50, problems.size()) ? "\n  … and " + (problemCount - Math.min(50, problems.size()))
                + " more" : ""));
        this.problems = List.copyOf(problems);
        this.problemCount = problemCount;
    }

    /** A refused file's listed problems and their total. */
    public static ResultLoadException of(ResultFile file) {
        return new ResultLoadException(file.fileName(), file.problems(), file.problemCount());
    }

    public List<LoadProblem> problems() {
        return problems;
    }

    public long problemCount() {
        return problemCount;
    }
}
