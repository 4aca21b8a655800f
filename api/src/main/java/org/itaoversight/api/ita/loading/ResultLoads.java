package org.itaoversight.api.ita.loading;

import org.itaoversight.tenants.access.OversightPrincipal;

/**
 * Loading a checked result file on someone's behalf. The loader writes the load's record and its audit event
 * ({@code ita.load}, with the file, its SHA-256, rows, years and outcome) in one PostgreSQL transaction.
 */
public final class ResultLoads {

    private final ResultLoader loader;

    public ResultLoads(ResultLoader loader) {
        this.loader = loader;
    }

    public LoadReport load(ResultFile file, OversightPrincipal principal) {
        return loader.load(file, new ResultLoader.Loader(principal.subject(), principal.username()));
    }

    /** Reads and loads a file, a question-score file while it is read (refused with its problems like a file read first). */
    public LoadReport load(UnreadResultFile file, OversightPrincipal principal) {
        return loader.load(file, new ResultLoader.Loader(principal.subject(), principal.username()));
    }
}
