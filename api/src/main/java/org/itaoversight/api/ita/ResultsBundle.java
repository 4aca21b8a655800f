package org.itaoversight.api.ita;

import io.dropwizard.core.setup.Environment;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.itaoversight.api.FeatureBundle;
import org.itaoversight.api.Platform;
import org.itaoversight.api.ita.analytics.AgencyResultsResource;
import org.itaoversight.api.ita.analytics.AnalyticsCache;
import org.itaoversight.api.ita.analytics.AnalyticsDao;
import org.itaoversight.api.ita.analytics.DataVersion;
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

/**
 * ITA results: checking and loading result files, and the analytics of agencies, provinces and the nation, read
 * through one {@link AnalyticsCache} keyed by the data version (its figures under {@code analytics.cache.*} in
 * {@code /metrics}); the reports and the schedules read through the same cache ({@link #analytics()}).
 */
public final class ResultsBundle implements FeatureBundle {

    /** How many answers the cache keeps, and how long an answer nobody reads stays. */
    private static final long CACHED_ANSWERS = 5_000;
    private static final Duration UNREAD_ANSWER_KEPT = Duration.ofMinutes(30);

    private AnalyticsDao analytics;

    @Override
    public void run(Platform platform, Environment environment) {
        var databases = platform.databases();
        Supplier<ResultFileReader> reader = () -> new ResultFileReader(platform.catalog(), platform.directory().snapshot(),
                platform.configuration().getRequests().getMaxProblems());
        ResultLoadDao loads = databases.postgres().onDemand(ResultLoadDao.class);
        ResultLoads service = new ResultLoads(ResultLoader.of(databases, platform.clock()));
        environment.jersey().register(new ResultLoadsResource(reader, service, platform.policy(), loads));
        environment.jersey().register(new ResultLoadChecksResource(reader, loads, platform.policy()));
        environment.jersey().register(new ResultLoadExceptionMapper());
        AnalyticsCache cache = new AnalyticsCache(new DataVersion(databases.postgres()), CACHED_ANSWERS, UNREAD_ANSWER_KEPT);
        cache.registerMetrics(environment.metrics());
        analytics = cache.wrap(databases.clickhouse().onDemand(AnalyticsDao.class));
        ResultsService results = new ResultsService(analytics, platform.catalog(), platform.configuration().smallGroups());
        environment.jersey().register(new ProvinceResultsResource(results, analytics, platform.access()));
        environment.jersey().register(new AgencyResultsResource(results, analytics, platform.access(), platform.policy()));
        environment.jersey().register(new NationalResultsResource(results, platform.policy()));
    }

    /** The analytics through the instance's cache, once this bundle has run (the reports read through it too). */
    public Optional<AnalyticsDao> analytics() {
        return Optional.ofNullable(analytics);
    }
}
