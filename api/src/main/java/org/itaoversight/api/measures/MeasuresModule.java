package org.itaoversight.api.measures;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.time.Clock;
import java.util.function.Supplier;
import org.itaoversight.api.measures.importing.MeasuresReportImporter;
import org.itaoversight.api.measures.importing.MeasuresReportReader;
import org.itaoversight.api.registry.RegistryAccess;
import org.jdbi.v3.core.Jdbi;

/** Wires the measures feature: its resources and error mappers. */
public final class MeasuresModule {

    private MeasuresModule() {
    }

    public static void register(JerseyEnvironment jersey, Jdbi postgres, Jdbi clickhouse, RegistryAccess access,
                                ObjectMapper json, Clock clock, Supplier<MeasuresReportReader> reportReader) {
        MeasureDao measures = postgres.onDemand(MeasureDao.class);
        MeasureService service = new MeasureService(postgres, json, clock);
        MeasureEffectiveness effectiveness = new MeasureEffectiveness(measures,
                clickhouse.onDemand(org.itaoversight.api.ita.analytics.AnalyticsDao.class));
        jersey.register(new MeasuresResource(measures, service, access, clock));
        jersey.register(new MeasureResource(measures, service, access));
        jersey.register(new AgencyMeasureCompletionResource(measures, access, clock));
        jersey.register(new ProvinceMeasureCompletionResource(measures, access,
                new CompletionSnapshots(postgres, clickhouse, clock), clock));
        jersey.register(new MeasureEffectivenessResources.OfAgency(effectiveness, access));
        jersey.register(new MeasureEffectivenessResources.OfProvince(effectiveness, access));
        jersey.register(new MeasureImportsResource(new MeasuresReportImporter(reportReader, service), access));
        jersey.register(new MeasureErrorMappers.Validation());
        jersey.register(new MeasureErrorMappers.Import());
        jersey.register(new MeasureErrorMappers.Unreadable());
        jersey.register(new MeasureErrorMappers.Stale());
    }
}
