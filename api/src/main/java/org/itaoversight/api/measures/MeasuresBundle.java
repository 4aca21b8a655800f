package org.itaoversight.api.measures;

import io.dropwizard.core.setup.Environment;
import org.itaoversight.api.FeatureBundle;
import org.itaoversight.api.Platform;
import org.itaoversight.api.ita.analytics.AnalyticsDao;
import org.itaoversight.api.measures.importing.MeasuresReportImporter;
import org.itaoversight.api.measures.importing.MeasuresReportReader;
import org.jdbi.v3.core.Jdbi;

/** Measures: the agencies' measures with their history, completion, effectiveness and imported reports. */
public final class MeasuresBundle implements FeatureBundle {

    @Override
    public void run(Platform platform, Environment environment) {
        Jdbi postgres = platform.databases().postgres();
        Jdbi clickhouse = platform.databases().clickhouse();
        var jersey = environment.jersey();
        MeasureDao measures = postgres.onDemand(MeasureDao.class);
        MeasureService service = new MeasureService(postgres, platform.json(), platform.clock());
        MeasureEffectiveness effectiveness = new MeasureEffectiveness(measures, clickhouse.onDemand(AnalyticsDao.class));
        jersey.register(new MeasuresResource(measures, service, platform.access(), platform.clock()));
        jersey.register(new MeasureResource(measures, service, platform.access()));
        jersey.register(new AgencyMeasureCompletionResource(measures, platform.access(), platform.clock()));
        jersey.register(new ProvinceMeasureCompletionResource(measures, platform.access(),
                new CompletionSnapshots(postgres, clickhouse, platform.clock()), platform.clock()));
        jersey.register(new MeasureEffectivenessResources.OfAgency(effectiveness, platform.access()));
        jersey.register(new MeasureEffectivenessResources.OfProvince(effectiveness, platform.access()));
        jersey.register(new MeasureImportsResource(new MeasuresReportImporter(
                () -> new MeasuresReportReader(platform.catalog(), platform.directory().registrySnapshot()), service),
                platform.access()));
        jersey.register(new MeasureErrorMappers.Validation());
        jersey.register(new MeasureErrorMappers.Import());
        jersey.register(new MeasureErrorMappers.Stale());
        jersey.register(new MeasureErrorMappers.Unreadable());
    }
}
