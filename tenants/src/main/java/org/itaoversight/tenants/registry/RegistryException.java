package org.itaoversight.tenants.registry;

import java.util.List;
import java.util.stream.Collectors;

/** A code list or registry that cannot be accepted; carries every problem found, not only the first. */
public final class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int LISTED = 20;

    private final transient List<RegistryProblem> problems;

    public RegistryException(List<RegistryProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<RegistryProblem> problems() {
        return problems;
    }

    private static String describe(List<RegistryProblem> problems) {
        String listed = problems.stream().limit(LISTED).map(RegistryProblem::toString)
                .collect(Collectors.joining("\n  ", problems.size() + " problem(s) in the agency registry:\n  ", ""));
        return problems.size() > LISTED ? listed + "\n  … and " + (problems.size() - LISTED) + " more" : listed;
    }
}
