package org.itaoversight.api.ita.loading;

import java.util.Map;
import org.itaoversight.api.audit.AuditLog;
import org.itaoversight.tenants.access.OversightPrincipal;
import org.jdbi.v3.core.Jdbi;

/** Loading a checked result file on someone's behalf: the load, then its entry in the audit trail. */
public final class ResultLoads {

    private final ResultLoader loader;
    private final AuditLog audit;
    private final Jdbi postgres;

    public ResultLoads(ResultLoader loader, AuditLog audit, Jdbi postgres) {
        this.loader = loader;
        this.audit = audit;
        this.postgres = postgres;
    }

    public LoadReport load(ResultFile file, OversightPrincipal principal) {
        LoadReport report = loader.load(file, new ResultLoader.Loader(principal.subject(), principal.username()));
        postgres.useHandle(handle -> audit.record(handle, principal, "ita.load", "ita_load", report.loadId(),
                Map.of("file", report.fileName(), "sha256", report.sha256(), "rows", report.rowsAccepted(),
                        "years", report.fiscalYears(), "layout", report.layout().name())));
        return report;
    }
}
