package org.itaoversight.api.ita;

import io.dropwizard.core.setup.Environment;
import java.util.function.Supplier;
import org.itaoversight.api.FeatureBundle;
import org.itaoversight.api.Platform;
import org.itaoversight.api.ita.analytics.AgencyResultsResource;
import org.itaoversight.api.ita.analytics.AnalyticsDao;
import org.itaoversight.api.ita.analytics.NationalResultsResource;
import org.itaoversight.api.ita.analytics.ProvinceResultsResource;
import org.itaoversight.api.ita.analytics.ResultsService;
import org.itaoversight.api.ita.loading.ResultFileReader;
import org.itaoversight.api.ita.loading.ResultLoadChecksResource;
import org.itaoversight.api.ita.loading.ResultLoadDao;
import org.itaoversight.api.ita.loading.ResultLoadExceptionMapper;
import org.itaoversight.api.ita.loading.ResultLoader;
import org.itaoversight.api.ita.loading.ResultLoads;
import org.itaoversight.api.ita.loading.ResultLoadsResource;

/** ITA results: checking and loading result files, and the analytics of agencies, provinces and the nation. */
public final class ResultsBundle implements FeatureBundle {

    @Override
    public void run(Platform platform, Environment environment) {
        var databases = platform.databases();
        Supplier<ResultFileReader> reader = () -> new ResultFileReader(platform.catalog(), platform.directory().snapshot());
        ResultLoadDao loads = databases.postgres().onDemand(ResultLoadDao.class);
        ResultLoads service = new ResultLoads(new ResultLoader(databases.clickhouse(), databases.postgres(), platform.clock()),
                platform.audit(), databases.postgres());
        environment.jersey().register(new ResultLoadsResource(reader, service, platform.policy(), loads));
        environment.jersey().register(new ResultLoadChecksResource(reader, loads, platform.policy()));
        environment.jersey().register(new ResultLoadExceptionMapper());
        AnalyticsDao analytics = databases.clickhouse().onDemand(AnalyticsDao.class);
        ResultsService results = new ResultsService(analytics, platform.catalog());
        environment.jersey().register(new ProvinceResultsResource(results, analytics, platform.access()));
        environment.jersey().register(new AgencyResultsResource(results, analytics, platform.access()));
        environment.jersey().register(new NationalResultsResource(results, platform.policy()));
    }
}
