package org.itaoversight.api.reports;

import io.dropwizard.core.setup.Environment;
import java.util.Optional;
import org.itaoversight.api.FeatureBundle;
import org.itaoversight.api.Platform;
import org.itaoversight.api.ita.ResultsBundle;
import org.itaoversight.api.measures.MeasureDao;

/** Reports: the Thai PDF summaries of an agency and of a province, on demand, and the province's agencies needing attention. */
public final class ReportsBundle implements FeatureBundle {

    private final ResultsBundle results;
    private ReportPdfs reports;

    /** Reports read the results' analytics through the results' cache. */
    public ReportsBundle(ResultsBundle results) {
        this.results = results;
    }

    @Override
    public void run(Platform platform, Environment environment) {
        ReportData data = new ReportData(results.analytics().orElseThrow(),
                platform.databases().postgres().onDemand(MeasureDao.class), platform.registry(), platform.catalog(),
                platform.clock(), platform.configuration().smallGroups());
        reports = new ReportPdfs(data, platform.clock());
        environment.jersey().register(new ReportResources.OfAgency(reports, platform.access(), platform.catalog()));
        environment.jersey().register(new ReportResources.OfProvince(reports, platform.access(), platform.catalog()));
        environment.jersey().register(new NeedsAttentionResource(data, platform.access(), platform.catalog(), platform.clock()));
    }

    /** The renderer, once this bundle has run (the monthly schedules send what it renders). */
    public Optional<ReportPdfs> reports() {
        return Optional.ofNullable(reports);
    }
}
